"""Absence is not doubt: terms a form does not state are null, with confidence 0.

An order that is silent on renewal, PO and billing start; a form whose fields for them
are printed but left blank or marked "N/A"; and a choice row where no box is ticked.
The terms each document does state are expected too, so a reader that finds nothing
cannot pass.
"""

from __future__ import annotations

from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["blank_form_fields", "no_option_ticked", "silent_on_renewal_and_po"]


def silent_on_renewal_and_po() -> Order:
    """States order, customer, dates and payment; says nothing of renewal, PO or billing start."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    s.text(60, 50, "Marchbank Tools Inc. - Order MT-4021", font="Times-Bold", size=13)
    s.paragraph(
        60,
        84,
        "Marchbank Tools Inc. will provide Elkhorn Valley Growers Cooperative with the "
        "Marchbank orchard planner from 1 September 2027 to 31 August 2028. Invoices are "
        "payable net 30.",
        chars=88,
        leading=14,
    )
    fields = {
        "order_number": "MT-4021",
        "start_date": date(2027, 9, 1),
        "end_date": date(2028, 8, 31),
        "payment_terms_days": 30,
        "po_number": None,
        "auto_renewal": None,
        "renewal_term_months": None,
        "renewal_notice_days": None,
        "renewal_uplift_cap_pct": None,
        "billing_start_date": None,
        "customer_signatory": None,
        "customer_signed_date": None,
    }
    return Order("silent_on_renewal_and_po", s.finish(), fields=fields, country="US")


def blank_form_fields() -> Order:
    """The labels are printed, the values are blank lines or 'N/A': still not stated."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(50, 46, "Tamsin Road Software Ltd", font="Helvetica-Bold", size=14)
    s.text(50, 66, "Order Form")
    filled = [
        ("Order number", "TR-90312"),
        ("Customer", "Ouseburn Design Studio Ltd"),
        ("Start date", "1 October 2027"),
        ("Payment terms", "Net 30"),
    ]
    blank = ["Customer PO number", "Billing start date", "Renewal notice (days)"]
    top = 96.0
    for label, value in filled:
        s.text(50, top, label + ":", font="Helvetica-Bold")
        s.text(200, top, value)
        top += 18
    for label in blank:
        s.text(50, top, label + ":", font="Helvetica-Bold")
        s.hline(200, 380, top + 11)
        top += 18
    s.text(50, top, "Renewal price cap:", font="Helvetica-Bold")
    s.text(200, top, "N/A")
    fields = {
        "order_number": "TR-90312",
        "start_date": date(2027, 10, 1),
        "payment_terms_days": 30,
        "po_number": None,
        "billing_start_date": None,
        "renewal_notice_days": None,
        "renewal_uplift_cap_pct": None,
    }
    return Order("blank_form_fields", s.finish(), fields=fields, country="GB")


def no_option_ticked() -> Order:
    """Every option has an empty box and none is ticked: the frequency is not stated."""
    s = Sheet(LETTER, font="Helvetica", size=9.5)
    s.text(60, 46, "Lockhart Signal Ltd - Order Form LS-1150", size=13)
    s.text(60, 66, "Payment terms: Net 45")
    s.text(60, 100, "Invoicing frequency", font="Helvetica-Bold")
    x = 200.0
    for option in ("Monthly", "Quarterly", "Annually"):
        s.rect(x, 101, 8, 8)
        s.text(x + 13, 100, option)
        x += 90
    fields = {"payment_terms_days": 45, "billing_frequency": None}
    return Order("no_option_ticked", s.finish(), fields=fields, country="GB")
