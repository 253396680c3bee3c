"""One cloud-service cover page filled in many ways: each copy reads as it was filled."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_cover_fills as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import assert_documents_differ, assert_fields
from tests.triage.extraction.abilities.sheet import Order

_TERMS = ("order_number", "order_date", "customer_legal_name", "provider_legal_name",
          "start_date", "term_months", "end_date")  # fmt: skip
_CHOICES = ("billing_frequency", "auto_renewal", "renewal_term_months", "renewal_notice_days")
_MONEY = ("total_contract_value", "currency")
_SIGNED = ("customer_signatory", "customer_signed_date")


@pytest.mark.parametrize("order", documents(docs.COVER_FILLS))
def test_filled_blanks_of_the_cover_are_its_terms(extract: Extract, order: Order) -> None:
    assert_fields(extract(order), order, _TERMS)


@pytest.mark.parametrize("order", documents(docs.COVER_FILLS))
def test_ticked_and_struck_options_and_empty_blanks_of_the_cover(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, (*_CHOICES, "po_number"))


@pytest.mark.parametrize("order", documents(docs.COVER_FILLS))
def test_payment_process_by_invoice_gives_its_days(extract: Extract, order: Order) -> None:
    if "payment_terms_days" not in order.fields:
        pytest.skip("automatic payment: the form states no payment period")
    assert_fields(extract(order), order, ["payment_terms_days"])


@pytest.mark.parametrize("order", documents(docs.COVER_FILLS))
def test_fee_per_month_or_year_over_the_period_is_the_contract_value(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, _MONEY)


@pytest.mark.parametrize("order", documents(docs.COVER_FILLS))
def test_cover_signature_block_signed_or_left_blank(extract: Extract, order: Order) -> None:
    assert_fields(extract(order), order, _SIGNED)


def test_cover_fills_differ_so_no_fixed_answer_passes() -> None:
    assert_documents_differ(docs.COVER_FILLS, ("order_number", "start_date", "order_date"))
    orders = [build() for build in docs.COVER_FILLS]
    for name in ("billing_frequency", "auto_renewal", "term_months", "customer_signatory"):
        assert len({str(o.fields[name]) for o in orders}) > 1, name
