"""Discrepancies in the terms, the ERP record and the document itself."""

from __future__ import annotations

from datetime import timedelta
from random import Random

from triage.contract import BillingFrequency, ExceptionCode
from triage.samples import catalog
from triage.samples.amounts import styles_for
from triage.samples.dates import add_months
from triage.samples.deal import Deal
from triage.samples.entities import different_entity

__all__ = ["TERM_INJECTORS"]

_CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD")


def inject_currency(deal: Deal, rng: Random) -> None:
    """Print the order in another currency, or let the ERP hold another currency."""
    other = rng.choice([c for c in _CURRENCIES if c != deal.quote.currency])
    if rng.random() < 0.7:
        deal.order.currency = other
        deal.presentation.amount_style = rng.choice(styles_for(other, deal.country))
        detail = f"order in {other}, quote and ERP in {deal.quote.currency}"
    else:
        deal.customer = deal.customer.model_copy(update={"currency": other})
        detail = f"ERP currency {other}, order and quote in {deal.quote.currency}"
    deal.inject(ExceptionCode.CURRENCY_MISMATCH, "currency", detail)


def inject_term_dates(deal: Deal, rng: Random) -> None:
    """Shift the term, extend the end date or print a different term length."""
    order = deal.order
    roll = rng.random()
    if roll < 0.4:
        shift = rng.choice((1, 2, -1))
        order.start_date = add_months(order.start_date, shift)
        order.end_date = add_months(order.end_date + timedelta(days=1), shift) - timedelta(days=1)
        order.billing_start_date = order.start_date
        detail = f"term shifted by {shift} month(s)"
    elif roll < 0.7:
        order.end_date = add_months(order.end_date + timedelta(days=1), 12) - timedelta(days=1)
        order.term_months += 12
        detail = f"end date {order.end_date}, term {order.term_months} months"
    else:
        order.term_months = order.term_months + rng.choice((12, -6 if order.term_months > 6 else 6))
        detail = f"term printed as {order.term_months} months"
    deal.inject(ExceptionCode.TERM_DATES_MISMATCH, "start_date/end_date/term_months", detail)


def inject_billing_frequency(deal: Deal, rng: Random) -> None:
    """Print another billing frequency than the quote's."""
    quoted = deal.quote.billing_frequency
    other = rng.choice(
        [f for f in BillingFrequency if f not in (quoted, BillingFrequency.ONE_TIME)]
    )
    deal.order.billing_frequency = other
    deal.inject(
        ExceptionCode.BILLING_FREQUENCY_MISMATCH,
        "billing_frequency",
        f"{other.value} on order, {quoted.value} quoted",
    )


def inject_payment_terms(deal: Deal, rng: Random) -> None:
    """Print payment terms other than the ERP's."""
    erp = deal.customer.payment_terms_days
    days = rng.choice([d for d in (15, 30, 45, 60, 75, 90, 120) if d != erp])
    deal.order.payment_terms_days = days
    deal.inject(
        ExceptionCode.PAYMENT_TERMS_MISMATCH,
        "payment_terms_days",
        f"Net {days} on order, Net {erp} in ERP",
    )


def inject_billing_start(deal: Deal, rng: Random) -> None:
    """Start invoicing later than the subscription starts."""
    start = deal.order.start_date
    later = rng.choice(
        (
            add_months(start, 1),
            add_months(start, 2),
            add_months(start, 3),
            start + timedelta(days=45),
        )
    )
    deal.order.billing_start_date = later
    deal.inject(
        ExceptionCode.BILLING_START_DEVIATION,
        "billing_start_date",
        f"billing starts {later}, subscription starts {start}",
    )


def inject_renewal(deal: Deal, rng: Random) -> None:
    """Flip auto-renewal, raise the uplift cap or leave the quoted cap out."""
    order, quote = deal.order, deal.quote
    cap = quote.renewal_uplift_cap_pct
    if cap is not None and rng.random() < 0.6:
        if rng.random() < 0.5:
            order.renewal_uplift_cap_pct = cap + rng.choice((2.0, 3.0, 5.0))
            detail = f"uplift cap {order.renewal_uplift_cap_pct:g}% above quoted {cap:g}%"
        else:
            order.renewal_uplift_cap_pct = None
            detail = f"quoted uplift cap {cap:g}% missing"
    else:
        order.auto_renewal = not quote.auto_renewal
        order.renewal_term_months = 12 if order.auto_renewal else None
        order.renewal_notice_days = rng.choice((30, 60)) if order.auto_renewal else None
        order.renewal_uplift_cap_pct = None
        detail = f"auto-renewal {'on' if order.auto_renewal else 'off'} on order"
    deal.inject(ExceptionCode.RENEWAL_TERMS_MISMATCH, "auto_renewal/renewal_uplift_cap_pct", detail)


def inject_po_missing(deal: Deal, rng: Random) -> None:
    """Require a PO in the ERP and print none."""
    deal.customer = deal.customer.model_copy(update={"po_required": True})
    deal.order.po_number = None
    deal.inject(ExceptionCode.PO_MISSING, "po_number", "ERP requires a PO; none printed")


def inject_entity(deal: Deal, rng: Random) -> None:
    """Name a different customer entity, or a provider entity other than the ERP's."""
    if rng.random() < 0.7:
        name = different_entity(rng, deal.customer.legal_name, catalog.COUNTRIES[deal.country])
        deal.order.customer_name = name
        field, detail = "customer_legal_name", f"{name} vs ERP {deal.customer.legal_name}"
    else:
        name = rng.choice([p for p in catalog.PROVIDERS if p != deal.customer.provider_entity])
        deal.order.provider_name = name
        field, detail = "provider_legal_name", f"{name} vs ERP {deal.customer.provider_entity}"
    deal.inject(ExceptionCode.ENTITY_MISMATCH, field, detail)


def inject_signature(deal: Deal, rng: Random) -> None:
    """Leave the customer's signature block blank, or without name or date."""
    roll = rng.random()
    if roll < 0.6:
        deal.order.signatory, deal.order.signed_date = None, None
        detail = "unsigned copy"
    elif roll < 0.8:
        deal.order.signed_date = None
        detail = "signature date blank"
    else:
        deal.order.signatory = None
        detail = "signatory name blank"
    deal.inject(ExceptionCode.SIGNATURE_MISSING, "customer_signatory", detail)


def inject_credit_hold(deal: Deal, rng: Random) -> None:
    """Put the customer on credit hold in the ERP."""
    deal.customer = deal.customer.model_copy(update={"credit_hold": True})
    deal.inject(ExceptionCode.CREDIT_HOLD, "customer.credit_hold", "ERP credit hold")


def inject_tax_id(deal: Deal, rng: Random) -> None:
    """Remove the ERP's tax id from a customer that is not tax-exempt."""
    deal.customer = deal.customer.model_copy(update={"tax_id": None, "tax_exempt": False})
    deal.inject(ExceptionCode.TAX_ID_MISSING, "customer.tax_id", "no tax id, not exempt")


def inject_low_confidence(deal: Deal, rng: Random) -> None:
    """Make a needed term unreadable: terms on an image-only page, or a term left out."""
    if rng.random() < 0.6:
        deal.presentation.terms_as_image = True
        detail = "commercial terms page is an image without a text layer"
        field = "payment_terms_days/billing_frequency/billing_start_date"
    elif rng.random() < 0.5:
        deal.order.payment_terms_days = None
        field, detail = "payment_terms_days", "payment terms not stated"
    else:
        deal.order.billing_frequency = None
        field, detail = "billing_frequency", "billing frequency not stated"
    deal.inject(ExceptionCode.LOW_CONFIDENCE_EXTRACTION, field, detail)


TERM_INJECTORS = {
    ExceptionCode.CURRENCY_MISMATCH: inject_currency,
    ExceptionCode.TERM_DATES_MISMATCH: inject_term_dates,
    ExceptionCode.BILLING_FREQUENCY_MISMATCH: inject_billing_frequency,
    ExceptionCode.PAYMENT_TERMS_MISMATCH: inject_payment_terms,
    ExceptionCode.BILLING_START_DEVIATION: inject_billing_start,
    ExceptionCode.RENEWAL_TERMS_MISMATCH: inject_renewal,
    ExceptionCode.PO_MISSING: inject_po_missing,
    ExceptionCode.ENTITY_MISMATCH: inject_entity,
    ExceptionCode.SIGNATURE_MISSING: inject_signature,
    ExceptionCode.CREDIT_HOLD: inject_credit_hold,
    ExceptionCode.TAX_ID_MISSING: inject_tax_id,
    ExceptionCode.LOW_CONFIDENCE_EXTRACTION: inject_low_confidence,
}
"""Injectors of term, ERP and document discrepancies, by the code they must raise."""
