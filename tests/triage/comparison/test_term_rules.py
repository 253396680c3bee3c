"""Term rules: total, currency, term dates, billing frequency and start, payment, renewal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.triage.comparison.builders import make_customer, make_extraction, make_quote, read
from triage.comparison import RulePack
from triage.contract import (
    BillingException,
    Customer,
    ExceptionCode,
    ExtractedField,
    Quote,
    Severity,
    ValueSource,
)

CODE = ExceptionCode


def check(
    pack: RulePack, quote: Quote | None = None, customer: Customer | None = None, **fields: Any
) -> list[BillingException]:
    quote = quote or make_quote()
    return pack.evaluate(make_extraction(quote, **fields), quote, customer or make_customer())


def test_clean_order_has_no_exceptions(pack: RulePack) -> None:
    assert check(pack) == []


def test_stated_total_off_from_quote_is_a_total_mismatch(pack: RulePack) -> None:
    found = check(pack, total_contract_value="59400.00")
    assert [(e.code, e.expected, e.found) for e in found] == [
        (CODE.TOTAL_MISMATCH, "54000.00", "59400.00")
    ]


@pytest.mark.parametrize(("stated", "flagged"), [("54027.00", False), ("54027.01", True)])
def test_total_tolerance_boundary_is_half_a_tenth_of_a_percent(
    pack: RulePack, stated: str, flagged: bool
) -> None:
    # 0.05 % of 54000.00 is 27.00: exactly that still agrees, a cent more does not
    assert bool(check(pack, total_contract_value=stated)) is flagged


def test_order_currency_other_than_quote_is_flagged(pack: RulePack) -> None:
    found = check(pack, currency="EUR")
    assert [(e.code, e.expected, e.found) for e in found] == [
        (CODE.CURRENCY_MISMATCH, "USD", "EUR")
    ]


def test_erp_currency_other_than_order_is_flagged(pack: RulePack) -> None:
    found = check(pack, customer=make_customer(currency="GBP"))
    assert [(e.code, e.expected) for e in found] == [(CODE.CURRENCY_MISMATCH, "GBP")]
    assert "the ERP" in found[0].message


def test_shifted_start_date_is_a_term_dates_mismatch(pack: RulePack) -> None:
    found = check(pack, start_date=date(2027, 2, 1), billing_start_date=date(2027, 2, 1))
    assert [(e.code, e.field, e.found) for e in found] == [
        (CODE.TERM_DATES_MISMATCH, "start_date", "2027-02-01")
    ]


def test_term_months_one_off_is_a_term_dates_mismatch(pack: RulePack) -> None:
    assert [e.field for e in check(pack, term_months=13)] == ["term_months"]


def test_other_billing_frequency_is_flagged(pack: RulePack) -> None:
    found = check(pack, billing_frequency="quarterly")
    assert [(e.code, e.expected, e.found) for e in found] == [
        (CODE.BILLING_FREQUENCY_MISMATCH, "annual", "quarterly")
    ]


def test_payment_terms_other_than_erp_are_high(pack: RulePack) -> None:
    found = check(pack, payment_terms_days=45)
    assert [(e.code, e.severity) for e in found] == [(CODE.PAYMENT_TERMS_MISMATCH, Severity.HIGH)]
    assert found[0].message == "Order form says Net 45; customer master says Net 30."
    assert found[0].evidence[0].text == "45"


@pytest.mark.parametrize(("days", "severity"), [(60, Severity.HIGH), (61, Severity.CRITICAL)])
def test_payment_terms_beyond_longest_standard_are_critical(
    pack: RulePack, days: int, severity: Severity
) -> None:
    assert [e.severity for e in check(pack, payment_terms_days=days)] == [severity]


def test_shorter_payment_terms_than_erp_are_still_a_mismatch(pack: RulePack) -> None:
    assert [e.code for e in check(pack, payment_terms_days=15)] == [CODE.PAYMENT_TERMS_MISMATCH]


def test_invoicing_after_subscription_start_is_a_billing_start_deviation(pack: RulePack) -> None:
    found = check(pack, billing_start_date=date(2027, 3, 1))
    assert [(e.code, e.expected, e.found) for e in found] == [
        (CODE.BILLING_START_DEVIATION, "2027-01-01", "2027-03-01")
    ]
    assert "59 days after" in found[0].message


@pytest.mark.parametrize(
    ("billing_start", "flagged"),
    [(date(2027, 1, 1), False), (date(2027, 1, 2), True), (date(2026, 12, 1), False)],
)
def test_billing_start_boundary(pack: RulePack, billing_start: date, flagged: bool) -> None:
    assert bool(check(pack, billing_start_date=billing_start)) is flagged


def test_flipped_auto_renewal_is_a_renewal_mismatch(pack: RulePack) -> None:
    found = check(pack, auto_renewal=False)
    assert [(e.code, e.field) for e in found] == [(CODE.RENEWAL_TERMS_MISMATCH, "auto_renewal")]


@pytest.mark.parametrize(
    ("cap", "flagged"), [(5.0, False), (4.0, False), (5.5, True), (None, True)]
)
def test_uplift_cap_missing_or_above_quote_is_a_renewal_mismatch(
    pack: RulePack, cap: float | None, flagged: bool
) -> None:
    assert bool(check(pack, renewal_uplift_cap_pct=cap)) is flagged


def test_missing_uplift_cap_is_fine_when_quote_has_none(pack: RulePack) -> None:
    assert check(pack, make_quote(renewal_uplift_cap_pct=None), renewal_uplift_cap_pct=None) == []


def test_unreadable_payment_terms_raise_low_confidence_not_a_pass(pack: RulePack) -> None:
    found = check(pack, payment_terms_days=read(45, confidence=0.3))
    assert [(e.code, e.field) for e in found] == [
        (CODE.LOW_CONFIDENCE_EXTRACTION, "payment_terms_days")
    ]
    assert found[0].found == {"value": 45, "confidence": 0.3}
    assert "needed by payment_terms" in found[0].message


def test_field_needed_by_two_rules_is_reported_once(pack: RulePack) -> None:
    found = check(pack, start_date=None)  # needed by term_dates and billing_start
    assert [(e.code, e.field) for e in found] == [(CODE.LOW_CONFIDENCE_EXTRACTION, "start_date")]
    assert "term_dates, billing_start" in found[0].message


def test_confidence_exactly_at_threshold_is_trusted(pack: RulePack) -> None:
    assert check(pack, payment_terms_days=read(30, confidence=0.6)) == []
    assert len(check(pack, payment_terms_days=read(30, confidence=0.59))) == 1


def test_llm_proposed_value_is_never_trusted_even_at_full_confidence(pack: RulePack) -> None:
    proposed = ExtractedField[int](value=45, confidence=1.0, source=ValueSource.LLM)
    found = check(pack, payment_terms_days=proposed)
    assert [(e.code, e.field) for e in found] == [
        (CODE.LOW_CONFIDENCE_EXTRACTION, "payment_terms_days")
    ]
    assert "only proposed by the LLM" in found[0].message


def test_analyst_corrected_value_is_trusted(pack: RulePack) -> None:
    corrected = ExtractedField[int](value=30, confidence=1.0, source=ValueSource.ANALYST)
    assert check(pack, payment_terms_days=corrected) == []
