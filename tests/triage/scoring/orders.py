"""Builders of one order's inputs for the scoring tests: a clean order unless told otherwise."""

from __future__ import annotations

from datetime import date
from typing import Any

from tests.contract_examples import CUSTOMER, QUOTE
from triage.contract import (
    BillingException,
    Clause,
    ClauseType,
    Customer,
    DocumentInfo,
    ExceptionCode,
    ExtractedField,
    ExtractedFields,
    ExtractedLineItem,
    Extraction,
    Quote,
    Severity,
)

START, END = date(2027, 1, 1), date(2027, 12, 31)
LINE: dict[str, Any] = {**QUOTE["lines"][0], "start_date": START, "end_date": END}


def quote(**overrides: Any) -> Quote:
    """Return a 12-month annual quote for one subscription line, Net 30."""
    values: dict[str, Any] = {**QUOTE, "lines": [LINE]}
    return Quote.model_validate(values | overrides)


def customer(
    *, invoices: int = 8, disputed: int = 1, late: float = 4.5, **overrides: Any
) -> Customer:
    """Return the ERP record of ACC-1001 with the given 12-month history."""
    values: dict[str, Any] = {
        **CUSTOMER,
        "po_required": False,
        "history": {
            "invoices_12m": invoices,
            "disputed_invoices_12m": disputed,
            "avg_days_late_12m": late,
        },
    }
    return Customer.model_validate(values | overrides)


def extraction(
    *, clauses: tuple[ClauseType, ...] = (), omit: tuple[str, ...] = (), **fields: Any
) -> Extraction:
    """Return a confident reading of a clean order; ``fields`` override values."""
    values: dict[str, Any] = {
        "customer_legal_name": "Acme Corporation",
        "provider_legal_name": "Northwind Software Inc.",
        "currency": "USD",
        "start_date": START,
        "end_date": END,
        "term_months": 12,
        "billing_frequency": "annual",
        "billing_start_date": START,
        "payment_terms_days": 30,
        "auto_renewal": True,
        "renewal_uplift_cap_pct": 5,
        "total_contract_value": "54000.00",
        "customer_signatory": "Jane Doe",
        "customer_signed_date": date(2026, 12, 1),
    } | fields
    found = {
        name: ExtractedField[Any](value=value, confidence=0.9)
        for name, value in values.items()
        if name not in omit
    }
    return Extraction(
        document=DocumentInfo(sha256="a" * 64, pages=2, filename="order.pdf"),
        fields=ExtractedFields.model_validate(found),
        line_items=[ExtractedLineItem.model_validate(LINE | {"confidence": 0.8})],
        clauses=[Clause(type=kind, text=f"{kind.value} text", confidence=0.7) for kind in clauses],
    )


def exception(code: ExceptionCode, severity: Severity = Severity.HIGH) -> BillingException:
    """Return one exception of ``code`` as a rule would raise it."""
    return BillingException(code=code, severity=severity, queue="finance-ar", message=code.value)
