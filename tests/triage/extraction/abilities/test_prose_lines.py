"""Line items stated in bullets, sentences or as one flat fee, with no table to find."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_prose_lines as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_lines


def test_bullets_naming_count_price_and_discount_are_line_items(extract: Extract) -> None:
    order = docs.bulleted_fees()
    assert_lines(extract(order), order)


def test_seats_price_and_discount_in_running_text_are_a_line_item(extract: Extract) -> None:
    order = docs.fees_in_a_sentence()
    assert_lines(extract(order), order)


def test_flat_fee_per_year_with_no_table_is_the_orders_one_line(extract: Extract) -> None:
    order = docs.flat_annual_fee()
    assert_lines(extract(order), order)


def test_lettered_clauses_with_euro_amounts_are_line_items(extract: Extract) -> None:
    order = docs.lettered_list_in_euro()
    assert_lines(extract(order), order)
