"""Small builders of quotes, customers and extractions: a clean order unless told otherwise."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from tests.contract_examples import CUSTOMER, QUOTE
from triage.contract import (
    Clause,
    ClauseType,
    Customer,
    DocumentInfo,
    Evidence,
    ExtractedField,
    ExtractedFields,
    ExtractedLineItem,
    Extraction,
    Quote,
    QuoteLine,
)

START, END = date(2027, 1, 1), date(2027, 12, 31)


def evidence(text: str, page: int = 1) -> list[Evidence]:
    """Return one evidence box holding ``text``."""
    return [Evidence(page=page, bbox=(72.0, 100.0, 300.0, 112.0), text=text)]


def quote_line(sku: str = "PLAT-ENT", **overrides: Any) -> QuoteLine:
    """Return a 12-month subscription line: 50 × 1200.00 at 10 % = 54000.00."""
    values: dict[str, Any] = {
        "sku": sku,
        "description": f"{sku} seats",
        "kind": "subscription",
        "quantity": 50,
        "unit_price": "1200.00",
        "discount_pct": 10,
        "net_amount": "54000.00",
        "start_date": START,
        "end_date": END,
    }
    return QuoteLine.model_validate(values | overrides)


def order_line(source: QuoteLine | None = None, **overrides: Any) -> ExtractedLineItem:
    """Return the order's reading of ``source`` (default: ``quote_line()``), read confidently."""
    line = source or quote_line()
    values = line.model_dump() | {"confidence": 0.95, "evidence": evidence(line.sku)}
    return ExtractedLineItem.model_validate(values | overrides)


def ramp_lines(sku: str = "PLAT-RAMP") -> list[QuoteLine]:
    """Return a two-step ramp: 20 seats for H1 2027, 40 seats for H2 2027, at 1000.00."""
    return [
        quote_line(
            sku,
            quantity=20,
            unit_price="1000.00",
            discount_pct=0,
            net_amount="10000.00",
            start_date=date(2027, 1, 1),
            end_date=date(2027, 6, 30),
        ),
        quote_line(
            sku,
            quantity=40,
            unit_price="1000.00",
            discount_pct=0,
            net_amount="20000.00",
            start_date=date(2027, 7, 1),
            end_date=date(2027, 12, 31),
        ),
    ]


def make_quote(lines: list[QuoteLine] | None = None, **overrides: Any) -> Quote:
    """Return the contract's example quote, with ``lines`` and the total following them."""
    lines = lines if lines is not None else [quote_line()]
    total = sum((line.net_amount for line in lines), Decimal(0))
    values: dict[str, Any] = {**QUOTE, "total_contract_value": total, "lines": lines}
    return Quote.model_validate(values | overrides)


def make_customer(**overrides: Any) -> Customer:
    """Return the contract's example customer (PO required, not tax-exempt)."""
    values = {k: v for k, v in CUSTOMER.items() if k != "history"}
    return Customer.model_validate(values | overrides)


def read(value: Any, confidence: float = 0.95) -> ExtractedField[Any]:
    """Return a field read with ``confidence`` (0 and no evidence when ``value`` is None)."""
    if value is None:
        return ExtractedField(value=None, confidence=0.0)
    return ExtractedField(value=value, confidence=confidence, evidence=evidence(str(value)))


def make_extraction(
    quote: Quote | None = None,
    *,
    lines: list[ExtractedLineItem] | None = None,
    clauses: list[tuple[ClauseType, str]] = (),  # type: ignore[assignment]
    **fields: Any,
) -> Extraction:
    """Return a clean reading of an order for ``quote``; ``fields`` override terms by name
    (a value, or an ExtractedField for a chosen confidence)."""
    quote = quote or make_quote()
    values: dict[str, Any] = {
        "order_number": "OF-1",
        "customer_legal_name": "Acme Corporation",
        "provider_legal_name": "Northwind Software Inc.",
        "currency": quote.currency,
        "order_date": date(2026, 12, 1),
        "start_date": quote.start_date,
        "end_date": quote.end_date,
        "term_months": quote.term_months,
        "billing_frequency": quote.billing_frequency,
        "billing_start_date": quote.start_date,
        "payment_terms_days": 30,
        "po_number": "PO-77",
        "auto_renewal": quote.auto_renewal,
        "renewal_term_months": 12,
        "renewal_notice_days": 30,
        "renewal_uplift_cap_pct": quote.renewal_uplift_cap_pct,
        "total_contract_value": quote.total_contract_value,
        "customer_signatory": "Jo Doe",
        "customer_signed_date": date(2026, 12, 2),
    } | fields
    terms = {k: v if isinstance(v, ExtractedField) else read(v) for k, v in values.items()}
    return Extraction(
        document=DocumentInfo(sha256="0" * 64, pages=2, filename="order.pdf"),
        fields=ExtractedFields.model_validate(terms),
        line_items=lines if lines is not None else [order_line(q) for q in quote.lines],
        clauses=[
            Clause(type=kind, text=text, confidence=0.9, evidence=evidence(text))
            for kind, text in clauses
        ],
    )
