"""Outcomes: whether the first invoice is disputed and how many days late it is paid.

A documented stochastic process (samples/README.md) over the order's discrepancies, its
terms, the customer's history and noise:

- dispute ~ Bernoulli(sigmoid(z)), z a sum of per-code and per-clause weights, history,
  terms, interactions and a normal noise term;
- days late is a hurdle: late ~ Bernoulli(sigmoid(w)), and if late the days are
  Gamma(shape 1.6) with a mean driven by history, dispute, PO/credit/ERP problems.
"""

from __future__ import annotations

import math
from decimal import Decimal
from random import Random

from triage.contract import BillingFrequency, ClauseType, ExceptionCode
from triage.samples.deal import Deal
from triage.samples.labels import OutcomeLabel

__all__ = ["CLAUSE_DISPUTE_WEIGHTS", "CODE_DISPUTE_WEIGHTS", "CODE_LATE_WEIGHTS", "draw_outcome"]

E = ExceptionCode
CODE_DISPUTE_WEIGHTS: dict[ExceptionCode, float] = {
    E.PRICE_MISMATCH: 0.9,
    E.QUANTITY_MISMATCH: 0.5,
    E.DISCOUNT_EXCEEDS_APPROVAL: 0.1,
    E.LINE_MISSING_IN_ORDER: 0.4,
    E.LINE_NOT_IN_QUOTE: 1.0,
    E.TOTAL_MISMATCH: 0.2,
    E.CURRENCY_MISMATCH: 0.6,
    E.TERM_DATES_MISMATCH: 0.3,
    E.BILLING_FREQUENCY_MISMATCH: 0.5,
    E.PAYMENT_TERMS_MISMATCH: 0.1,
    E.BILLING_START_DEVIATION: 0.1,
    E.RAMP_SCHEDULE_MISMATCH: 0.6,
    E.RENEWAL_TERMS_MISMATCH: 0.0,
    E.PO_MISSING: 0.3,
    E.ENTITY_MISMATCH: 0.5,
    E.SIGNATURE_MISSING: 0.3,
    E.CREDIT_HOLD: -0.2,
    E.TAX_ID_MISSING: 0.0,
    E.NONSTANDARD_CLAUSE: 0.0,
    E.LOW_CONFIDENCE_EXTRACTION: -0.1,
}
"""Added to the dispute logit once per code present (clauses are weighted by type)."""

CLAUSE_DISPUTE_WEIGHTS: dict[ClauseType, float] = {
    ClauseType.ACCEPTANCE_CLAUSE: 0.9,
    ClauseType.CUSTOM_PAYMENT_TERMS: 0.4,
    ClauseType.SERVICE_LEVEL_CREDITS: 0.7,
    ClauseType.MOST_FAVORED_NATION: 0.4,
    ClauseType.PRICE_PROTECTION: 0.2,
    ClauseType.TERMINATION_FOR_CONVENIENCE: 0.1,
    ClauseType.LIABILITY_CAP_CHANGE: 0.0,
    ClauseType.EXCLUSIVITY: 0.0,
    ClauseType.NON_STANDARD_RENEWAL: 0.0,
    ClauseType.OTHER_NONSTANDARD: 0.1,
}

CODE_LATE_WEIGHTS: dict[ExceptionCode, float] = {
    E.PO_MISSING: 1.0,
    E.CREDIT_HOLD: 0.9,
    E.TAX_ID_MISSING: 0.6,
    E.ENTITY_MISMATCH: 0.6,
    E.SIGNATURE_MISSING: 0.3,
    E.CURRENCY_MISMATCH: 0.4,
    E.PAYMENT_TERMS_MISMATCH: 0.2,
    E.BILLING_START_DEVIATION: 0.2,
}
"""Added to the lateness logit once per code present; other codes add nothing."""


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _drivers(deal: Deal) -> dict[str, float]:
    history = deal.customer.history
    frequency = deal.quote.billing_frequency
    codes = deal.codes
    tcv = float(max(deal.quote.total_contract_value, Decimal(1)))
    dispute_rate = (history.disputed_invoices_12m + 0.3) / (history.invoices_12m + 3)
    clause_types = {clause_type for clause_type, _ in deal.order.clauses}
    return {
        "history_dispute_rate": dispute_rate,
        "history_avg_days_late": history.avg_days_late_12m,
        "new_customer": float(history.invoices_12m == 0),
        "log10_tcv": math.log10(tcv),
        "payment_terms_days": float(
            deal.order.payment_terms_days or deal.customer.payment_terms_days
        ),
        "quarterly_or_semiannual": float(
            frequency in (BillingFrequency.QUARTERLY, BillingFrequency.SEMIANNUAL)
        ),
        "monthly": float(frequency is BillingFrequency.MONTHLY),
        "code_dispute_sum": sum(CODE_DISPUTE_WEIGHTS[c] for c in codes),
        "clause_dispute_sum": sum(CLAUSE_DISPUTE_WEIGHTS[t] for t in clause_types),
        "billing_start_x_quarterly": float(
            E.BILLING_START_DEVIATION in codes
            and frequency in (BillingFrequency.QUARTERLY, BillingFrequency.SEMIANNUAL)
        ),
        "price_x_large_tcv": float(
            bool(codes & {E.PRICE_MISMATCH, E.QUANTITY_MISMATCH}) and tcv >= 150_000
        ),
        "payment_terms_x_poor_history": float(
            E.PAYMENT_TERMS_MISMATCH in codes and history.avg_days_late_12m >= 10
        ),
        "payment_clause": float(
            bool(clause_types & {ClauseType.ACCEPTANCE_CLAUSE, ClauseType.CUSTOM_PAYMENT_TERMS})
        ),
        "code_late_sum": sum(CODE_LATE_WEIGHTS.get(c, 0.0) for c in codes),
    }


def draw_outcome(deal: Deal, rng: Random) -> OutcomeLabel:
    """Return the outcome of ``deal`` drawn from the process above with ``rng``."""
    x = _drivers(deal)
    z = (
        -2.45
        + 7.0 * (x["history_dispute_rate"] - 0.12)
        + 0.5 * x["new_customer"]
        + 0.25 * (x["log10_tcv"] - 4.5)
        + 0.25 * x["monthly"]
        + x["code_dispute_sum"]
        + x["clause_dispute_sum"]
        + 1.5 * x["billing_start_x_quarterly"]
        + 1.2 * x["price_x_large_tcv"]
    )
    z += rng.gauss(0.0, 0.6)
    p_dispute = _sigmoid(z)
    disputed = rng.random() < p_dispute
    w = (
        -1.0
        + 0.09 * (x["history_avg_days_late"] - 7.0)
        + 0.012 * (x["payment_terms_days"] - 30)
        + x["code_late_sum"]
        + 1.6 * x["payment_terms_x_poor_history"]
        + 0.7 * x["payment_clause"]
        + 0.9 * float(disputed)
        + 0.3 * x["new_customer"]
    )
    w += rng.gauss(0.0, 0.5)
    p_late = _sigmoid(w)
    mean_days = (
        11.0
        + 0.9 * x["history_avg_days_late"]
        + 14.0 * float(disputed)
        + 8.0 * x["code_late_sum"]
        + 10.0 * x["payment_terms_x_poor_history"]
    )
    days = 0
    if rng.random() < p_late:
        days = max(1, round(rng.gammavariate(1.6, mean_days / 1.6)))
    return OutcomeLabel(
        disputed=disputed,
        days_late=days,
        dispute_probability=round(p_dispute, 4),
        late_probability=round(p_late, 4),
        expected_days_late_if_late=round(mean_days, 2),
        drivers={k: round(v, 4) for k, v in x.items()},
    )
