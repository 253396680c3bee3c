"""One order as an analyst reviews it: its record, its inputs and the comparison grid.

The grid sets each extracted term beside its quote and ERP counterparts. A row is a
mismatch when an exception judged that field (the rules are the authority; the grid does
not re-compare), missing when a rule needed a value the document did not give, not stated
when no rule needed it, and low-confidence below 0.6.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triage.auth import Caller
from triage.contract import CheckResult, Customer, ExceptionCode, Quote
from triage.errors import NotFound
from triage.pipeline import Components
from triage.service.corrections import apply_corrections
from triage.service.orders import get_order
from triage.service.schemas import OrderRecord
from triage.store import Store
from triage.store import orders as order_rows

__all__ = ["GridRow", "OrderView", "comparison_grid", "load_order_view", "preview_corrections"]

LOW_CONFIDENCE = 0.6

# field -> (quote attribute, ERP attribute); None where that system holds no counterpart
COUNTERPARTS: dict[str, tuple[str | None, str | None]] = {
    "customer_legal_name": (None, "legal_name"),
    "provider_legal_name": (None, "provider_entity"),
    "currency": ("currency", "currency"),
    "start_date": ("start_date", None),
    "end_date": ("end_date", None),
    "term_months": ("term_months", None),
    "billing_frequency": ("billing_frequency", None),
    "billing_start_date": ("start_date", None),
    "payment_terms_days": ("payment_terms_days", "payment_terms_days"),
    "po_number": (None, "po_required"),
    "auto_renewal": ("auto_renewal", None),
    "renewal_uplift_cap_pct": ("renewal_uplift_cap_pct", None),
    "total_contract_value": ("total_contract_value", None),
}


@dataclass(frozen=True)
class GridRow:
    """One term: the order form's value, the quote's, the ERP's and the verdict."""

    field: str
    order: Any
    quote: Any
    erp: Any
    status: str  # mismatch | missing | low-confidence | ok | info | not-stated
    confidence: float
    codes: tuple[str, ...]


@dataclass(frozen=True)
class OrderView:
    """Everything the order page shows."""

    record: OrderRecord
    quote: Quote
    customer: Customer
    grid: list[GridRow]


def _display(value: Any) -> Any:
    return getattr(value, "value", value)


def comparison_grid(result: CheckResult, quote: Quote, customer: Customer) -> list[GridRow]:
    """Return one grid row per extracted term, mismatches first, then in contract order."""
    if result.extraction is None:
        return []
    flagged: dict[str, list[str]] = {}
    for exception in result.exceptions:
        if exception.field:
            flagged.setdefault(exception.field, []).append(exception.code.value)
    rows = []
    for name in type(result.extraction.fields).model_fields:
        extracted = result.extraction.fields.get(name)
        quote_attr, erp_attr = COUNTERPARTS.get(name, (None, None))
        codes = tuple(flagged.get(name, []))
        unreadable = codes and set(codes) == {ExceptionCode.LOW_CONFIDENCE_EXTRACTION.value}
        if codes and not unreadable:
            status = "mismatch"
        elif extracted.value is None:
            # Missing matters only when a rule needed it (it then raised an exception);
            # a term the order simply does not state (no renewal terms on a fixed-term
            # deal, no PO where none is required) is shown as such, not as a problem.
            status = "missing" if unreadable else "not-stated"
        elif unreadable or extracted.confidence < LOW_CONFIDENCE:
            status = "low-confidence"
        else:
            status = "ok" if quote_attr or erp_attr else "info"
        rows.append(
            GridRow(
                field=name,
                order=_display(extracted.value),
                quote=_display(getattr(quote, quote_attr)) if quote_attr else None,
                erp=_display(getattr(customer, erp_attr)) if erp_attr else None,
                status=status,
                confidence=extracted.confidence,
                codes=codes,
            )
        )
    rank = {"mismatch": 0, "missing": 1, "low-confidence": 2}
    return sorted(rows, key=lambda r: rank.get(r.status, 3))


def _inputs(store: Store, caller: Caller, order_id: str) -> tuple[CheckResult, Quote, Customer]:
    with store.transaction() as session:
        order = order_rows.get_order(session, order_id, tenant_id=caller.tenant_id)
        if order is None:
            raise NotFound(f"order {order_id!r} does not exist")
        return (
            CheckResult.model_validate_json(order.result_json),
            Quote.model_validate_json(order.quote_json),
            Customer.model_validate_json(order.customer_json),
        )


def load_order_view(store: Store, caller: Caller, order_id: str) -> OrderView:
    """Return the order's record, quote, customer and comparison grid; raise NotFound
    (also for an order of another tenant than the caller's)."""
    record = get_order(store, caller, order_id)
    _, quote, customer = _inputs(store, caller, order_id)
    return OrderView(
        record=record,
        quote=quote,
        customer=customer,
        grid=comparison_grid(record.result, quote, customer),
    )


def preview_corrections(
    store: Store, parts: Components, caller: Caller, order_id: str, corrections: dict[str, Any]
) -> CheckResult:
    """Return the result the rules give with ``corrections`` applied, without saving it."""
    result, quote, customer = _inputs(store, caller, order_id)
    return apply_corrections(parts, result, quote, customer, corrections)
