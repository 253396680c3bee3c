"""Labels and their values in every arrangement a form uses.

Same line with a colon, dotted leaders, label above the value inside a ruled box, label
under a filled line, label | value table rows, bilingual labels, and values in brackets.
Each document states the same kinds of term with different wording and positions.
"""

from __future__ import annotations

from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "bilingual_labels_english_first",
    "bilingual_labels_german_first",
    "bracketed_values",
    "colon_same_line",
    "dotted_leaders",
    "label_above_value_in_boxes",
    "label_under_filled_line",
    "label_value_table_rows",
]


def colon_same_line() -> Order:
    """'Label: value' on one line, labels in a bold face, values after varying gaps."""
    s = Sheet(LETTER, font="Helvetica", size=10)
    s.text(60, 50, "Norrvik Cloud AB - Subscription Order", font="Helvetica-Bold", size=14)
    pairs = [
        ("Order Ref.:", "NCA-66012", 130),
        ("Customer:", "Thistledown Media Ltd", 130),
        ("Customer PO:", "TM-PO-30981", 145),
        ("Start Date:", "2027-02-01", 130),
        ("Term:", "18 months", 100),
        ("Payment Terms:", "Net 20", 150),
        ("Currency:", "SEK", 130),
    ]
    for row, (label, value, gap) in enumerate(pairs):
        s.text(60, 90 + row * 18, label, font="Helvetica-Bold")
        s.text(60 + gap, 90 + row * 18, value)
    fields = {
        "order_number": "NCA-66012",
        "customer_legal_name": "Thistledown Media Ltd",
        "po_number": "TM-PO-30981",
        "start_date": date(2027, 2, 1),
        "term_months": 18,
        "payment_terms_days": 20,
        "currency": "SEK",
    }
    return Order("colon_same_line", s.finish(), fields=fields, country="SE")


def dotted_leaders() -> Order:
    """'Label ........ value': dots lead from the label to the value at the right margin."""
    s = Sheet(A4, font="Times-Roman", size=10.5)
    s.text(56, 50, "CALDERWOOD TELEMETRY LIMITED", font="Times-Bold", size=13)
    s.text(56, 68, "Order confirmation for Ashgrove Water Services plc")
    pairs = [
        ("Order number", "CT/2027/0419"),
        ("Purchase order", "4501239987"),
        ("Start of service", "15 July 2027"),
        ("Subscription term", "24 months"),
        ("Payment due", "45 days from invoice"),
        ("Invoicing", "quarterly in advance"),
    ]
    for row, (label, value) in enumerate(pairs):
        top = 100 + row * 20
        s.leaders(56, top, label, 530, value)
    fields = {
        "order_number": "CT/2027/0419",
        "po_number": "4501239987",
        "start_date": date(2027, 7, 15),
        "term_months": 24,
        "payment_terms_days": 45,
        "billing_frequency": "quarterly",
    }
    return Order("dotted_leaders", s.finish(), fields=fields, country="GB")


def label_above_value_in_boxes() -> Order:
    """A ruled form: each box holds a small label at its top and the value below it."""
    s = Sheet(LETTER, font="Helvetica", size=10)
    s.text(50, 44, "Procurement Order Form", font="Helvetica-Bold", size=15)
    s.text(50, 64, "Supplier: Graniteview Software Corp.", size=9)
    boxes = [
        [("Order No.", "GV-118842"), ("Date of order", "03/15/2027"), ("PO reference", "77-20415")],
        [("Customer legal name", "Redfern Unified School District"), ("Currency", "USD")],
        [("Service start", "04/01/2027"), ("Service end", "03/31/2028"), ("Payment (days)", "60")],
    ]
    top = 90.0
    for row in boxes:
        width = 512 / len(row)
        for col, (label, value) in enumerate(row):
            x = 50 + col * width
            s.rect(x, top, width, 40)
            s.text(x + 5, top + 4, label, font="Helvetica-Bold", size=7)
            s.text(x + 5, top + 20, value)
        top += 40
    fields = {
        "order_number": "GV-118842",
        "order_date": date(2027, 3, 15),
        "po_number": "77-20415",
        "customer_legal_name": "Redfern Unified School District",
        "currency": "USD",
        "start_date": date(2027, 4, 1),
        "end_date": date(2028, 3, 31),
        "payment_terms_days": 60,
    }
    return Order("label_above_value_in_boxes", s.finish(), fields=fields, country="US")


def label_under_filled_line() -> Order:
    """Values written on a line with their labels printed underneath, signature-block style."""
    s = Sheet(LETTER, font="Times-Roman", size=11)
    s.text(72, 50, "Ferrous Point Software LLC", font="Times-Bold", size=14)
    s.text(72, 70, "Order FP-3390. Billing annually in advance, net 30.")
    s.text(72, 100, "Accepted by the Customer:", font="Times-Bold")
    slots = [
        ("Halloway Dental Partners LLP", "Customer (legal entity)"),
        ("", "Authorised signature"),
        ("Priya Raman", "Printed name"),
        ("June 2, 2027", "Date"),
    ]
    top = 130.0
    for value, label in slots:
        if value:
            s.text(76, top, value)
        else:
            s.ink(80, top + 12, 120)
        s.hline(72, 300, top + 14)
        s.text(72, top + 18, label, size=8)
        top += 44
    fields = {
        "customer_legal_name": "Halloway Dental Partners LLP",
        "customer_signatory": "Priya Raman",
        "customer_signed_date": date(2027, 6, 2),
    }
    return Order("label_under_filled_line", s.finish(), fields=fields, country="US")


def label_value_table_rows() -> Order:
    """A two-column ruled table: the label cell on the left, the value cell on the right."""
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(50, 50, "Maplestone Digital Pty Ltd", font="Helvetica-Bold", size=14)
    s.text(50, 70, "Key Commercial Terms")
    rows = [
        ["Order identifier", "MD-77104"],
        ["Customer entity", "Yarra Bend Cycling Co Pty Ltd"],
        ["Commencement", "1 August 2027"],
        ["Initial period", "36 months"],
        ["Payment", "Invoices are due 14 days after issue"],
        ["Invoice schedule", "Monthly in arrears"],
        ["Currency", "AUD"],
    ]
    s.grid(50, 90, [150, 300], rows, row_height=20)
    fields = {
        "order_number": "MD-77104",
        "customer_legal_name": "Yarra Bend Cycling Co Pty Ltd",
        "start_date": date(2027, 8, 1),
        "term_months": 36,
        "payment_terms_days": 14,
        "billing_frequency": "monthly",
        "currency": "AUD",
    }
    return Order("label_value_table_rows", s.finish(), fields=fields, country="AU")


def bilingual_labels_german_first() -> Order:
    """'Zahlungsziel / Payment terms': German first, English after the slash."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(50, 50, "Lindenhof Software GmbH", font="Helvetica-Bold", size=14)
    s.text(50, 68, "Bestellformular / Order Form")
    pairs = [
        ("Bestellnummer / Order No.", "LH-2027-0311"),
        ("Kunde / Customer", "Brauerei Steinbach KG"),
        ("Bestellnummer des Kunden / Customer PO", "BS-4471"),
        ("Vertragsbeginn / Start date", "01.04.2027"),
        ("Laufzeit / Term", "36 Monate / 36 months"),
        ("Zahlungsziel / Payment terms", "30 Tage netto / 30 days net"),
        ("Abrechnung / Billing", "j\u00e4hrlich im Voraus / annually in advance"),
        ("W\u00e4hrung / Currency", "EUR"),
    ]
    for row, (label, value) in enumerate(pairs):
        s.text(50, 100 + row * 18, label + ":", font="Helvetica-Bold")
        s.text(260, 100 + row * 18, value)
    fields = {
        "order_number": "LH-2027-0311",
        "customer_legal_name": "Brauerei Steinbach KG",
        "po_number": "BS-4471",
        "start_date": date(2027, 4, 1),
        "term_months": 36,
        "payment_terms_days": 30,
        "billing_frequency": "annual",
        "currency": "EUR",
    }
    return Order("bilingual_labels_german_first", s.finish(), fields=fields, country="DE")


def bilingual_labels_english_first() -> Order:
    """'Payment terms / Conditions de paiement' with the label above its value, in boxes."""
    s = Sheet(A4, font="Times-Roman", size=10)
    s.text(50, 50, "Solvay Ridge Informatique SAS", font="Times-Bold", size=14)
    boxes = [
        ("Order number / Num\u00e9ro de commande", "SRI-55-0917"),
        ("Start date / Date de d\u00e9but", "01/09/2027"),
        ("Payment terms / Conditions de paiement", "45 days / 45 jours"),
        ("Billing / Facturation", "Quarterly / Trimestrielle"),
    ]
    top = 80.0
    for label, value in boxes:
        s.rect(50, top, 300, 36)
        s.text(54, top + 3, label, font="Times-Italic", size=8)
        s.text(54, top + 18, value)
        top += 36
    fields = {
        "order_number": "SRI-55-0917",
        "start_date": date(2027, 9, 1),
        "payment_terms_days": 45,
        "billing_frequency": "quarterly",
    }
    return Order("bilingual_labels_english_first", s.finish(), fields=fields, country="FR")


def bracketed_values() -> Order:
    """A template filled in by hand: the values sit inside square brackets in sentences."""
    s = Sheet(LETTER, font="Times-Roman", size=11)
    s.text(72, 50, "SERVICE ORDER [ SO-40288 ]", font="Times-Bold", size=13)
    sentences = [
        "Customer: [ Whitcombe Surveying Associates LLC ]",
        "Customer purchase order number: [ WSA-1183 ]",
        "The subscription starts on [ June 1, 2027 ].",
        "It continues for an initial term of [ 36 ] months.",
        "Customer shall pay each invoice within [ 45 ] days of the invoice date.",
        "Either party may prevent renewal by notice given at least [ 90 ] days before the end "
        "of the then-current term.",
    ]
    top = 84.0
    for words in sentences:
        top = s.paragraph(72, top, words, chars=84, leading=15) + 8
    fields = {
        "order_number": "SO-40288",
        "customer_legal_name": "Whitcombe Surveying Associates LLC",
        "po_number": "WSA-1183",
        "start_date": date(2027, 6, 1),
        "term_months": 36,
        "payment_terms_days": 45,
        "renewal_notice_days": 90,
    }
    return Order("bracketed_values", s.finish(), fields=fields, country="US")
