"""Order forms of other providers: worded dates, grouped amounts, payment terms that are no
plain day count, field cards and two-column signature tables."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_more_forms as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import (
    assert_documents_differ,
    assert_fields,
    assert_lines,
)
from tests.triage.extraction.abilities.sheet import Build, Order, glyph_font

_NEEDS_GLYPHS = pytest.mark.skipif(
    glyph_font() is None, reason="DejaVu Sans (fonts-dejavu-core) not installed"
)
_MONEY = ("total_contract_value", "currency")
# the narrow no-break and thin spaces are drawn in DejaVu Sans (the core fonts lack them)
_GROUPED = documents(docs.GROUPED_AMOUNT_DOCS) + [
    pytest.param(order, id=order.name, marks=_NEEDS_GLYPHS)
    for order in (build() for build in docs.GROUPED_GLYPH_DOCS)
]


@pytest.mark.parametrize("order", documents(docs.WORDED_DATE_DOCS))
def test_ordinal_and_worded_dates_give_order_start_end_and_signing_dates(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", _GROUPED)
def test_amounts_grouped_by_spaces_or_apostrophes_give_the_total_and_currency(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, _MONEY)


@pytest.mark.parametrize("order", _GROUPED)
def test_amounts_grouped_by_spaces_or_apostrophes_in_table_cells_give_the_lines(
    extract: Extract, order: Order
) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.PAYMENT_TERM_DOCS))
def test_end_of_month_terms_are_no_day_count_and_due_on_receipt_is_zero_days(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.CARD_DOCS))
def test_field_cards_with_the_label_over_the_value_give_each_term(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.PARTY_COLUMN_DOCS))
def test_customer_and_provider_columns_of_a_signature_table_give_the_customers_own(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize(
    ("builds", "names"),
    [
        (docs.WORDED_DATE_DOCS, ("order_date", "start_date", "end_date", "customer_signed_date")),
        (docs.GROUPED_AMOUNT_DOCS + docs.GROUPED_GLYPH_DOCS, ("total_contract_value",)),
        (docs.CARD_DOCS, ("order_number", "start_date", "billing_frequency", "payment_terms_days")),
        (docs.PARTY_COLUMN_DOCS, ("customer_signatory", "customer_signed_date")),
    ],
    ids=["worded_dates", "grouped_amounts", "field_cards", "party_columns"],
)
def test_documents_state_different_values_so_no_fixed_answer_passes(
    builds: tuple[Build, ...], names: tuple[str, ...]
) -> None:
    assert_documents_differ(builds, names)


def test_payment_term_documents_state_both_a_null_and_a_zero_day_term() -> None:
    # a reader answering one constant (30 from "Net 30 EOM", or always null) fails one of them
    stated = {build().fields["payment_terms_days"] for build in docs.PAYMENT_TERM_DOCS}
    assert stated == {None, 0}
