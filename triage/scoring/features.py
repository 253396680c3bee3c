"""The one feature pipeline: (extraction, exceptions, quote, customer) -> a named vector.

Training and serving both call :func:`order_features`, so a model never sees features
computed another way than the ones it was trained on. The function is pure: no I/O, no
clock, no globals beyond the fixed name list below.

Values the order form does not state fall back to the quote or the ERP record (the terms
that will apply anyway); how much was missing is its own feature, so the model still sees
a poor extraction.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from triage.contract import (
    FIELD_NAMES,
    BillingException,
    BillingFrequency,
    ClauseType,
    Customer,
    ExceptionCode,
    Extraction,
    LineKind,
    Quote,
    Severity,
)

__all__ = ["FEATURE_NAMES", "FEATURE_SET", "OrderFeatures", "feature_matrix", "order_features"]

FEATURE_SET = "order-features.v1"
"""Name of this feature definition; a model trained on another set is refused at load."""

HISTORY = (
    "history_invoices_12m",
    "history_disputed_invoices_12m",
    "history_dispute_rate",
    "history_avg_days_late_12m",
    "history_new_customer",
)
CUSTOMER = ("customer_po_required", "customer_tax_exempt", "customer_credit_hold")
DEAL = (
    "log10_total_contract_value",
    "term_months",
    "line_count",
    "ramp_sku_count",
    "has_usage_line",
    "max_discount_pct",
    "discount_headroom_pct",
    "auto_renewal",
)
TERMS = (
    "payment_terms_days",
    "payment_terms_excess_days",
    "billing_start_delay_days",
    *(f"billing_{frequency.value}" for frequency in BillingFrequency),
)
SEVERITIES = tuple(f"severity_{severity.value}_count" for severity in Severity)
EXCEPTIONS = ("exception_count", "high_severity_count", *SEVERITIES)
CODES = tuple(code.value.lower() for code in ExceptionCode)
CLAUSES = ("clause_count", *(f"clause_{kind.value}" for kind in ClauseType))
EXTRACTION = (
    "field_confidence_mean",
    "field_confidence_min",
    "fields_missing_count",
    "line_confidence_min",
    "warning_count",
)
INTERACTIONS = (
    "billing_start_deviation_x_quarterly_or_semiannual",
    "payment_terms_mismatch_x_history_days_late",
    "price_or_quantity_mismatch_x_log10_tcv",
    "history_dispute_rate_x_high_severity",
)

FEATURE_NAMES: tuple[str, ...] = (
    *HISTORY,
    *CUSTOMER,
    *DEAL,
    *TERMS,
    *EXCEPTIONS,
    *CODES,
    *CLAUSES,
    *EXTRACTION,
    *INTERACTIONS,
)
"""Every feature, in the column order of the vector."""

HIGH_SEVERITIES = frozenset({Severity.HIGH, Severity.CRITICAL})


@dataclass(frozen=True)
class OrderFeatures:
    """One order's feature vector, its values in the order of ``names``."""

    names: tuple[str, ...]
    values: npt.NDArray[np.float64]

    def as_dict(self) -> dict[str, float]:
        """Return the features as a name -> value mapping (for display and debugging)."""
        return {name: float(value) for name, value in zip(self.names, self.values, strict=True)}


def order_features(
    extraction: Extraction,
    exceptions: list[BillingException],
    quote: Quote,
    customer: Customer,
) -> OrderFeatures:
    """Return the feature vector of one order, in the order of :data:`FEATURE_NAMES`.

    Confidence statistics cover the fields the document stated; absent fields count in
    ``fields_missing_count`` instead of dragging the minimum to zero.
    """
    values: dict[str, float] = {}
    values.update(_history(customer))
    values.update(_deal(extraction, quote))
    values.update(_terms(extraction, quote, customer))
    values.update(_exceptions(exceptions))
    values.update(_clauses(extraction))
    values.update(_extraction_quality(extraction))
    seasonal = values["billing_quarterly"] + values["billing_semiannual"]
    values["billing_start_deviation_x_quarterly_or_semiannual"] = (
        min(values["billing_start_deviation"], 1.0) * seasonal
    )
    price_or_quantity = min(values["price_mismatch"] + values["quantity_mismatch"], 1.0)
    values["price_or_quantity_mismatch_x_log10_tcv"] = (
        price_or_quantity * values["log10_total_contract_value"]
    )
    values["payment_terms_mismatch_x_history_days_late"] = (
        min(values["payment_terms_mismatch"], 1.0) * values["history_avg_days_late_12m"]
    )
    values["history_dispute_rate_x_high_severity"] = (
        values["history_dispute_rate"] * values["high_severity_count"]
    )
    vector = np.fromiter((values[name] for name in FEATURE_NAMES), np.float64, len(FEATURE_NAMES))
    return OrderFeatures(names=FEATURE_NAMES, values=vector)


def feature_matrix(rows: list[OrderFeatures]) -> npt.NDArray[np.float64]:
    """Stack feature vectors into an (orders x features) matrix; refuse mixed feature sets."""
    if any(row.names != FEATURE_NAMES for row in rows):
        raise ValueError(f"feature vectors are not all of feature set {FEATURE_SET}")
    if not rows:
        return np.empty((0, len(FEATURE_NAMES)), dtype=np.float64)
    return np.vstack([row.values for row in rows])


def _history(customer: Customer) -> dict[str, float]:
    history = customer.history
    invoices = history.invoices_12m
    # Shrunk towards a 10 % prior worth three invoices, so one dispute in two is not 50 %.
    rate = (history.disputed_invoices_12m + 0.3) / (invoices + 3)
    return {
        "history_invoices_12m": float(invoices),
        "history_disputed_invoices_12m": float(history.disputed_invoices_12m),
        "history_dispute_rate": rate,
        "history_avg_days_late_12m": history.avg_days_late_12m,
        "history_new_customer": float(invoices == 0),
        "customer_po_required": float(customer.po_required),
        "customer_tax_exempt": float(customer.tax_exempt),
        "customer_credit_hold": float(customer.credit_hold),
    }


def _deal(extraction: Extraction, quote: Quote) -> dict[str, float]:
    fields = extraction.fields
    tcv = fields.total_contract_value.value
    amount = float(tcv if tcv is not None else quote.total_contract_value)
    discounts = [
        item.discount_pct for item in extraction.line_items if item.discount_pct is not None
    ]
    max_discount = max(discounts) if discounts else max(line.discount_pct for line in quote.lines)
    skus = Counter(line.sku for line in quote.lines)
    renewal = fields.auto_renewal.value
    term = fields.term_months.value
    return {
        "log10_total_contract_value": math.log10(max(amount, 1.0)),
        "term_months": float(term if term is not None else quote.term_months),
        "line_count": float(len(extraction.line_items) or len(quote.lines)),
        "ramp_sku_count": float(sum(1 for count in skus.values() if count > 1)),
        "has_usage_line": float(any(line.kind is LineKind.USAGE for line in quote.lines)),
        "max_discount_pct": float(max_discount),
        "discount_headroom_pct": float(quote.approved_max_discount_pct - max_discount),
        "auto_renewal": float(renewal if renewal is not None else quote.auto_renewal),
    }


def _terms(extraction: Extraction, quote: Quote, customer: Customer) -> dict[str, float]:
    fields = extraction.fields
    stated_terms = fields.payment_terms_days.value
    terms = stated_terms if stated_terms is not None else customer.payment_terms_days
    frequency = quote.billing_frequency  # invoices follow the quote; a mismatch is a code
    start: date = fields.start_date.value or quote.start_date
    billing_start = fields.billing_start_date.value
    delay = (billing_start - start).days if billing_start is not None else 0
    values = {
        "payment_terms_days": float(terms),
        "payment_terms_excess_days": float(terms - customer.payment_terms_days),
        "billing_start_delay_days": float(delay),
    }
    for option in BillingFrequency:
        values[f"billing_{option.value}"] = float(frequency == option)
    return values


def _exceptions(exceptions: list[BillingException]) -> dict[str, float]:
    codes = Counter(exception.code for exception in exceptions)
    severities = Counter(exception.severity for exception in exceptions)
    values = {
        "exception_count": float(len(exceptions)),
        "high_severity_count": float(sum(severities[s] for s in HIGH_SEVERITIES)),
    }
    for severity in Severity:
        values[f"severity_{severity.value}_count"] = float(severities[severity])
    for code in ExceptionCode:
        values[code.value.lower()] = float(codes[code])
    return values


def _clauses(extraction: Extraction) -> dict[str, float]:
    kinds = Counter(clause.type for clause in extraction.clauses)
    values = {"clause_count": float(len(extraction.clauses))}
    for kind in ClauseType:
        values[f"clause_{kind.value}"] = float(kinds[kind] > 0)
    return values


def _extraction_quality(extraction: Extraction) -> dict[str, float]:
    found = [extraction.fields.get(name) for name in FIELD_NAMES]
    confidences = [field.confidence for field in found if field.found] or [0.0]
    missing = len(FIELD_NAMES) - sum(1 for field in found if field.found)
    line_confidences = [item.confidence for item in extraction.line_items]
    return {
        "field_confidence_mean": float(np.mean(confidences)),
        "field_confidence_min": float(min(confidences)),
        "fields_missing_count": float(missing),
        "line_confidence_min": float(min(line_confidences)) if line_confidences else 0.0,
        "warning_count": float(len(extraction.warnings)),
    }
