"""Line-item tables of other providers: totals above the items or adding tax, figures under
a description's first line, hyphenated names, discounts under or beside their item, and
quantities printed with their unit."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_more_tables as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import (
    assert_documents_differ,
    assert_fields,
    assert_lines,
)
from tests.triage.extraction.abilities.sheet import Order


@pytest.mark.parametrize("order", documents(docs.TOTALS_ABOVE_DOCS))
def test_totals_printed_above_the_items_are_the_contract_value_not_a_line(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.TOTALS_ABOVE_DOCS))
def test_items_under_the_totals_are_the_lines(extract: Extract, order: Order) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.TAX_TOTAL_DOCS))
def test_total_that_adds_tax_is_not_the_contract_value_the_net_sum_is(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.TAX_TOTAL_DOCS))
def test_tax_rows_beside_the_items_are_not_lines(extract: Extract, order: Order) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.FIGURES_BELOW_DOCS))
def test_description_whose_figures_are_on_its_next_line_is_one_line_item(
    extract: Extract, order: Order
) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.HYPHENATED_NAME_DOCS))
def test_item_names_of_hyphenated_words_are_descriptions_not_product_codes(
    extract: Extract, order: Order
) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.DISCOUNT_DOCS))
def test_discount_shown_under_or_beside_its_item_folds_into_that_item(
    extract: Extract, order: Order
) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.QUANTITY_UNIT_DOCS))
def test_quantity_printed_with_its_unit_is_the_count(extract: Extract, order: Order) -> None:
    assert_lines(extract(order), order)


def test_totals_documents_state_different_values_so_no_fixed_answer_passes() -> None:
    assert_documents_differ(docs.TOTALS_ABOVE_DOCS + docs.TAX_TOTAL_DOCS, ("total_contract_value",))
