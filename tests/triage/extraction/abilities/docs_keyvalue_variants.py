"""Second documents for the key/value arrangements: other labels, fonts, sizes and places.

A reader that learned one document's label words or x positions fails these.
"""

from __future__ import annotations

from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "bracketed_compact_values",
    "dotted_leaders_other_labels",
    "label_above_value_boxes_other_labels",
    "label_value_rows_ruled_by_lines",
]


def dotted_leaders_other_labels() -> Order:
    """Leaders in Helvetica with other label words and values written out in words."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(90, 60, "Tiverton Cloud Services Inc.", font="Helvetica-Bold", size=12)
    s.text(90, 78, "Client: Bayside Orthopaedic Partners PC")
    pairs = [
        ("Quote/Order ID", "QO-55821"),
        ("Client PO", "BOP-88120"),
        ("Service commences", "March 1, 2027"),
        ("Length of subscription", "thirty-six months"),
        ("Invoices due", "Net 60"),
        ("Billing cycle", "every six months"),
    ]
    for row, (label, value) in enumerate(pairs):
        s.leaders(90, 110 + row * 16, label, 470, value)
    fields = {
        "order_number": "QO-55821",
        "po_number": "BOP-88120",
        "start_date": date(2027, 3, 1),
        "term_months": 36,
        "payment_terms_days": 60,
        "billing_frequency": "semiannual",
    }
    return Order("dotted_leaders_other_labels", s.finish(), fields=fields, country="US")


def label_above_value_boxes_other_labels() -> Order:
    """Boxes two to a row on A4 in Times, labels in italics, day-first dates."""
    s = Sheet(A4, font="Times-Roman", size=10.5)
    s.text(70, 50, "Order Schedule", font="Times-Bold", size=16)
    s.text(70, 72, "Provider: Halesowen Logic Ltd", size=9)
    boxes = [
        ("Reference", "HLL/OS/2271"),
        ("Purchase Order No.", "BX-550091"),
        ("Commencement", "01/11/2027"),
        ("Payment Period", "Thirty (30) days from invoice"),
        ("Contract Currency", "Pounds sterling (GBP)"),
        ("Client", "Dunraven Estates Limited"),
    ]
    for index, (label, value) in enumerate(boxes):
        x, top = 70 + (index % 2) * 230, 100 + (index // 2) * 46
        s.rect(x, top, 230, 46)
        s.text(x + 6, top + 5, label, font="Times-Italic", size=8)
        s.text(x + 6, top + 24, value)
    fields = {
        "order_number": "HLL/OS/2271",
        "po_number": "BX-550091",
        "start_date": date(2027, 11, 1),
        "payment_terms_days": 30,
        "currency": "GBP",
        "customer_legal_name": "Dunraven Estates Limited",
    }
    return Order("label_above_value_boxes_other_labels", s.finish(), fields=fields, country="GB")


def label_value_rows_ruled_by_lines() -> Order:
    """Label | value rows in Courier, ruled by a grid of lines, the table low on the page."""
    s = Sheet(LETTER, font="Courier", size=9)
    s.text(50, 300, "ORDER PARTICULARS", font="Courier-Bold", size=11)
    rows = [
        ["Supplier", "Vexley Metering Corp."],
        ["Customer", "Sandpiper Utilities Board"],
        ["Order", "VMC-0091-27"],
        ["Effective from", "2027-06-15"],
        ["Duration", "24 months"],
        ["Invoicing", "Annually, in advance"],
        ["Settlement", "45 days net"],
    ]
    s.grid(50, 320, [140, 260], rows, row_height=17, cells=False)
    fields = {
        "provider_legal_name": "Vexley Metering Corp.",
        "customer_legal_name": "Sandpiper Utilities Board",
        "order_number": "VMC-0091-27",
        "start_date": date(2027, 6, 15),
        "term_months": 24,
        "billing_frequency": "annual",
        "payment_terms_days": 45,
    }
    return Order("label_value_rows_ruled_by_lines", s.finish(), fields=fields, country="US")


def bracketed_compact_values() -> Order:
    """Brackets without padding, in a bulleted term sheet: 'Net [60]', '[twelve (12)] months'."""
    s = Sheet(A4, font="Helvetica", size=10)
    s.text(60, 50, "Term Sheet - Order [KV-3318]", font="Helvetica-Bold", size=13)
    items = [
        "Customer: [Ballymena Linen Works Ltd]",
        "Commencement: [01/09/2027]",
        "Initial term: [twelve (12)] months",
        "Payment: Net [60]",
        "Fees are invoiced [quarterly] in advance.",
    ]
    for row, words in enumerate(items):
        s.text(66, 84 + row * 17, "\u2022")
        s.text(78, 84 + row * 17, words)
    fields = {
        "order_number": "KV-3318",
        "customer_legal_name": "Ballymena Linen Works Ltd",
        "start_date": date(2027, 9, 1),
        "term_months": 12,
        "payment_terms_days": 60,
        "billing_frequency": "quarterly",
    }
    return Order("bracketed_compact_values", s.finish(), fields=fields, country="GB")
