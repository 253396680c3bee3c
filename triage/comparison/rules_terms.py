"""Rules on the commercial terms: total, currency, term dates, billing and renewal."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from triage.comparison.context import RuleContext
from triage.comparison.findings import Finding, json_value
from triage.comparison.money import MoneyTolerance, amounts_agree
from triage.comparison.registry import RULES, NoParams
from triage.contract import ExceptionCode, Severity

__all__ = ["PaymentTermsParams", "TotalParams"]


class TotalParams(BaseModel):
    """Params of the total rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    money: MoneyTolerance = MoneyTolerance()


class PaymentTermsParams(BaseModel):
    """Params of the payment terms rule: the policy limit on standard terms."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    longest_standard_days: Annotated[int, Field(ge=0, le=365)] = 60
    beyond_standard_severity: Severity = Severity.CRITICAL


@RULES.register("total.v1", code=ExceptionCode.TOTAL_MISMATCH, params=TotalParams)
def total(ctx: RuleContext[TotalParams]) -> list[Finding]:
    """The order's stated total contract value differs from the quote's beyond tolerance.

    Raised even when the order's own lines add up to the stated total: the total the
    customer signed differs from the quoted one, whatever line caused it.
    """
    stated = ctx.term("total_contract_value")
    expected = ctx.quote.total_contract_value
    if not stated.ok or amounts_agree(expected, stated.value, ctx.params.money):
        return []
    return [
        Finding(
            "total_contract_value", json_value(expected), json_value(stated.value), stated.evidence
        )
    ]


@RULES.register(
    "currency.v1",
    code=ExceptionCode.CURRENCY_MISMATCH,
    params=NoParams,
    placeholders=("source",),
)
def currency(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The order's currency differs from the quote's or the ERP's."""
    found = ctx.term("currency")
    if not found.ok:
        return []
    for source, expected in (("the quote", ctx.quote.currency), ("the ERP", ctx.customer.currency)):
        if found.value != expected:
            return [Finding("currency", expected, found.value, found.evidence, {"source": source})]
    return []


@RULES.register(
    "term_dates.v1",
    code=ExceptionCode.TERM_DATES_MISMATCH,
    params=NoParams,
    placeholders=("attribute",),
)
def term_dates(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The order's start date, end date or term in months differs from the quote's."""
    findings = []
    for name, words, expected in (
        ("start_date", "start date", ctx.quote.start_date),
        ("end_date", "end date", ctx.quote.end_date),
        ("term_months", "term (months)", ctx.quote.term_months),
    ):
        found = ctx.term(name)
        if found.ok and found.value != expected:
            findings.append(
                Finding(
                    name,
                    json_value(expected),
                    json_value(found.value),
                    found.evidence,
                    {"attribute": words},
                )
            )
    return findings


@RULES.register(
    "billing_frequency.v1", code=ExceptionCode.BILLING_FREQUENCY_MISMATCH, params=NoParams
)
def billing_frequency(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The order's billing frequency differs from the quote's."""
    found = ctx.term("billing_frequency")
    expected = ctx.quote.billing_frequency
    if not found.ok or found.value == expected:
        return []
    return [Finding("billing_frequency", expected.value, json_value(found.value), found.evidence)]


@RULES.register(
    "payment_terms.v1",
    code=ExceptionCode.PAYMENT_TERMS_MISMATCH,
    params=PaymentTermsParams,
    placeholders=("longest_standard_days",),
)
def payment_terms(ctx: RuleContext[PaymentTermsParams]) -> list[Finding]:
    """The order's payment terms (days) differ from the ERP's; critical beyond the
    longest standard term."""
    found = ctx.term("payment_terms_days")
    expected = ctx.customer.payment_terms_days
    if not found.ok or found.value == expected:
        return []
    limit = ctx.params.longest_standard_days
    severity = ctx.params.beyond_standard_severity if found.value > limit else None
    return [
        Finding(
            "payment_terms_days",
            expected,
            found.value,
            found.evidence,
            {"longest_standard_days": str(limit)},
            severity,
        )
    ]


@RULES.register(
    "billing_start.v1",
    code=ExceptionCode.BILLING_START_DEVIATION,
    params=NoParams,
    placeholders=("days_late",),
)
def billing_start(ctx: RuleContext[NoParams]) -> list[Finding]:
    """Invoicing starts later than the subscription (billing start date after start date)."""
    billing = ctx.term("billing_start_date", absence_is_finding=True)
    if billing.value is None:
        return []  # not stated: billing starts with the subscription (docs/semantics.md)
    start = ctx.term("start_date")
    if not (start.ok and billing.ok) or billing.value <= start.value:
        return []
    days = (billing.value - start.value).days
    return [
        Finding(
            "billing_start_date",
            start.value.isoformat(),
            billing.value.isoformat(),
            billing.evidence,
            {"days_late": str(days)},
        )
    ]


@RULES.register(
    "renewal_terms.v1",
    code=ExceptionCode.RENEWAL_TERMS_MISMATCH,
    params=NoParams,
    placeholders=("attribute",),
)
def renewal_terms(ctx: RuleContext[NoParams]) -> list[Finding]:
    """Auto-renewal differs from the quote, or the uplift cap is missing or above the quote's."""
    findings = []
    auto = ctx.term("auto_renewal")
    if auto.ok and auto.value != ctx.quote.auto_renewal:
        findings.append(
            Finding(
                "auto_renewal",
                ctx.quote.auto_renewal,
                auto.value,
                auto.evidence,
                {"attribute": "auto-renewal"},
            )
        )
    quoted_cap = ctx.quote.renewal_uplift_cap_pct
    if quoted_cap is not None:
        cap = ctx.term("renewal_uplift_cap_pct", absence_is_finding=True)
        if cap.ok and (cap.value is None or cap.value > quoted_cap):
            findings.append(
                Finding(
                    "renewal_uplift_cap_pct",
                    quoted_cap,
                    cap.value,
                    cap.evidence,
                    {"attribute": "renewal uplift cap (%)"},
                )
            )
    return findings
