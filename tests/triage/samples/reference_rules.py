"""An independent, test-only reading of docs/semantics.md over labels, quote and customer.

It recomputes the exception codes a correct rule engine raises from what the PDF prints
(the labels), so the tests can prove ``expected_codes`` says exactly that.
"""

from __future__ import annotations

import re
from decimal import Decimal

from triage.contract import Customer, ExceptionCode, Quote
from triage.samples import CaseLabels

E = ExceptionCode
_SUFFIXES = {
    "incorporated": "inc",
    "inc": "inc",
    "llc": "llc",
    "limited": "ltd",
    "ltd": "ltd",
    "corporation": "corp",
    "corp": "corp",
    "plc": "plc",
    "pty": "pty",
}


def _entity_key(name: str) -> str:
    words = re.sub(r"[.,]", "", name.lower().replace("&", " and ")).split()
    return " ".join(_SUFFIXES.get(w, w) for w in words)


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= max(Decimal("0.01"), abs(b) * Decimal("0.0005"))


def _line_codes(labels: CaseLabels, quote: Quote) -> set[ExceptionCode]:
    codes: set[ExceptionCode] = set()
    order_skus = {line.sku for line in labels.line_items}
    quote_skus = {line.sku for line in quote.lines}
    if quote_skus - order_skus:
        codes.add(E.LINE_MISSING_IN_ORDER)
    if order_skus - quote_skus:
        codes.add(E.LINE_NOT_IN_QUOTE)
    for sku in order_skus & quote_skus:
        ordered = [x for x in labels.line_items if x.sku == sku]
        quoted = [x for x in quote.lines if x.sku == sku]
        steps = [(x.start_date, x.end_date) for x in ordered]
        quoted_steps = [(x.start_date, x.end_date) for x in quoted]
        if (len(quoted) > 1 or len(ordered) > 1) and steps != quoted_steps:
            codes.add(E.RAMP_SCHEDULE_MISMATCH)  # the steps' dates or count differ
            continue
        for o, q in zip(ordered, quoted, strict=True):
            if o.quantity != q.quantity:
                codes.add(E.QUANTITY_MISMATCH)
            net_only = o.quantity == q.quantity and not _close(o.net_amount, q.net_amount)
            if (
                not _close(o.unit_price, q.unit_price)
                or o.discount_pct != q.discount_pct
                or net_only
            ):
                codes.add(E.PRICE_MISMATCH)
    if any(x.discount_pct > quote.approved_max_discount_pct for x in labels.line_items):
        codes.add(E.DISCOUNT_EXCEEDS_APPROVAL)
    return codes


def reference_codes(labels: CaseLabels, quote: Quote, customer: Customer) -> set[ExceptionCode]:
    """Return the exception codes the semantics imply for one case."""
    f = labels.fields
    codes = _line_codes(labels, quote)
    needed = (f.payment_terms_days, f.billing_frequency, f.billing_start_date)
    if any(v is None for v in needed):
        codes.add(E.LOW_CONFIDENCE_EXTRACTION)
    if f.total_contract_value is not None and not _close(
        f.total_contract_value, quote.total_contract_value
    ):
        codes.add(E.TOTAL_MISMATCH)
    if f.currency not in (None,) and (
        f.currency != quote.currency or quote.currency != customer.currency
    ):
        codes.add(E.CURRENCY_MISMATCH)
    if (f.start_date, f.end_date, f.term_months) != (
        quote.start_date,
        quote.end_date,
        quote.term_months,
    ):
        codes.add(E.TERM_DATES_MISMATCH)
    if f.billing_frequency is not None and f.billing_frequency != quote.billing_frequency:
        codes.add(E.BILLING_FREQUENCY_MISMATCH)
    if f.payment_terms_days is not None and f.payment_terms_days != customer.payment_terms_days:
        codes.add(E.PAYMENT_TERMS_MISMATCH)
    if f.billing_start_date and f.start_date and f.billing_start_date > f.start_date:
        codes.add(E.BILLING_START_DEVIATION)
    cap = quote.renewal_uplift_cap_pct
    if f.auto_renewal != quote.auto_renewal or (
        cap is not None and (f.renewal_uplift_cap_pct is None or f.renewal_uplift_cap_pct > cap)
    ):
        codes.add(E.RENEWAL_TERMS_MISMATCH)
    if customer.po_required and not f.po_number:
        codes.add(E.PO_MISSING)
    if (
        _entity_key(f.customer_legal_name or "") != _entity_key(customer.legal_name)
        or f.provider_legal_name != customer.provider_entity
    ):
        codes.add(E.ENTITY_MISMATCH)
    if not f.customer_signatory or f.customer_signed_date is None:
        codes.add(E.SIGNATURE_MISSING)
    if customer.credit_hold:
        codes.add(E.CREDIT_HOLD)
    if not customer.tax_exempt and not customer.tax_id:
        codes.add(E.TAX_ID_MISSING)
    if labels.clauses:
        codes.add(E.NONSTANDARD_CLAUSE)
    return codes
