"""Reading order: columns, running headers/footers and space-aligned printouts."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_reading as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields, assert_lines


def test_two_column_page_is_read_column_by_column(extract: Extract) -> None:
    order = docs.two_column_terms()
    assert_fields(extract(order), order)


def test_header_and_footer_repeated_on_every_page_are_not_terms(extract: Extract) -> None:
    order = docs.running_header_and_footer()
    assert_fields(extract(order), order)


def test_footer_price_note_is_not_a_line_item(extract: Extract) -> None:
    order = docs.running_header_and_footer()
    assert_lines(extract(order), order)


def test_monospaced_printout_terms_are_read_from_padded_labels(extract: Extract) -> None:
    order = docs.monospaced_printout()
    assert_fields(extract(order), order)


def test_monospaced_printout_columns_separated_by_spaces_are_a_table(extract: Extract) -> None:
    order = docs.monospaced_printout()
    assert_lines(extract(order), order)


def test_two_column_cover_pairs_each_label_with_the_value_in_its_own_column(
    extract: Extract,
) -> None:
    order = docs.two_column_cover()
    assert_fields(extract(order), order)


def test_second_printout_layout_terms_read_from_fixed_width_fields(extract: Extract) -> None:
    order = docs.monospaced_printout_with_discounts()
    assert_fields(extract(order), order)


def test_second_printout_layout_lines_with_discount_and_period_columns(
    extract: Extract,
) -> None:
    order = docs.monospaced_printout_with_discounts()
    assert_lines(extract(order), order)


def test_block_of_labels_and_values_in_two_columns_pairs_each_row(extract: Extract) -> None:
    order = docs.field_block_in_proportional_type()
    assert_fields(extract(order), order)
