"""Second documents for 'which party, which number, which duration', in other wording."""

from __future__ import annotations

from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "defined_terms_client_first",
    "durations_in_notice_and_retention_clauses",
    "po_number_inside_order_line",
]


def po_number_inside_order_line() -> Order:
    """'Order No. HN-1182A (your PO 99-4410)': both numbers on one line, the PO in brackets."""
    s = Sheet(A4, font="Times-Roman", size=10.5)
    s.text(60, 50, "Hornbeam Networks Ltd", font="Times-Bold", size=14)
    s.text(60, 80, "Order No. HN-1182A (your PO 99-4410)")
    s.text(60, 96, "Customer: Lisburn Valley Dairies Ltd")
    fields = {"order_number": "HN-1182A", "po_number": "99-4410"}
    return Order("po_number_inside_order_line", s.finish(), fields=fields, country="GB")


def defined_terms_client_first() -> Order:
    """'by and between X (the "Client") and Y (the "Service Provider")': customer named first."""
    s = Sheet(LETTER, font="Helvetica", size=9.5)
    s.text(60, 50, "STATEMENT OF ORDER", font="Helvetica-Bold", size=13)
    s.paragraph(
        60,
        80,
        "This Statement of Order is entered into by and between Alder Quay Holdings Limited, "
        'a company incorporated in Ireland (the "Client"), and Stonechat Systems LLP, a '
        'limited liability partnership (the "Service Provider").',
        chars=92,
    )
    fields = {
        "customer_legal_name": "Alder Quay Holdings Limited",
        "provider_legal_name": "Stonechat Systems LLP",
    }
    return Order("defined_terms_client_first", s.finish(), fields=fields, country="IE")


def durations_in_notice_and_retention_clauses() -> Order:
    """Price-change notice, data retention and response times before the term and renewal."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(50, 50, "Order Conditions - Marram Grass Software Ltd", font="Helvetica-Bold", size=12)
    clauses = [
        "A. Price changes. Marram will give ninety (90) days' notice of any change to its list "
        "prices.",
        "B. Data. Customer data is retained for thirty (30) days after the order ends.",
        "C. Term. This order starts on 1 February 2028 and has an initial term of thirty-six "
        "(36) months.",
        "D. Renewal. The order then renews for one (1) year at a time unless the Customer "
        "gives at least sixty (60) days' notice before the renewal date.",
        "E. Payment. Invoices are due forty-five (45) days after issue.",
    ]
    top = 84.0
    for words in clauses:
        top = s.paragraph(50, top, words, chars=95) + 6
    fields = {
        "start_date": date(2028, 2, 1),
        "term_months": 36,
        "renewal_term_months": 12,
        "renewal_notice_days": 60,
        "payment_terms_days": 45,
        "auto_renewal": True,
    }
    return Order(
        "durations_in_notice_and_retention_clauses", s.finish(), fields=fields, country="GB"
    )
