"""Signature blocks in every shape: each name and date belongs to the party of its block.

Side by side (customer on the right), stacked (provider first), a table with one column
per party, labels printed under the lines, a signature in a script-like italic face, and a
typed name on an unsigned block. A signature is shown the ways real forms show one: a
``/s/`` conformed signature, an ink stroke drawn as curves, or a name set in italics on
the signature line. A printed name beside an empty signature line is not a signature.
"""

from __future__ import annotations

from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "captions_under_lines_customer_left",
    "labels_under_lines_side_by_side",
    "name_cell_over_labels_of_value_size",
    "one_column_per_party_table",
    "party_table_supplier_first",
    "side_by_side_customer_left",
    "side_by_side_customer_right",
    "signature_in_italic_face",
    "stacked_customer_first",
    "stacked_provider_first",
    "typed_name_without_signature",
]

_INTRO = "Order {number}. By signing, each party accepts this order and the terms it references."


def _intro(s: Sheet, letterhead: str, number: str) -> None:
    s.text(50, 48, letterhead, font=s.font.split("-")[0] + "-Bold", size=13)
    s.text(50, 72, _INTRO.format(number=number))


def side_by_side_customer_right() -> Order:
    """Provider block on the left, customer block on the right, same labels in each."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    _intro(s, "Halden Grid Software AS", "HG-5102")
    blocks = [
        ("PROVIDER: Halden Grid Software AS", "Ingrid Solberg", "Chief Revenue Officer",
         "2 March 2027"),
        ("CUSTOMER: Fjordline Ferries ASA", "Marius Eik", "Head of IT", "4 March 2027"),
    ]  # fmt: skip
    for col, (heading, name, title, when) in enumerate(blocks):
        x = 50 + col * 260
        s.text(x, 120, heading, font="Helvetica-Bold")
        s.text(x, 146, "Signature:")
        s.ink(x + 60, 156, 110)
        s.hline(x + 55, x + 220, 158)
        for row, (label, value) in enumerate((("Name:", name), ("Title:", title), ("Date:", when))):
            s.text(x, 170 + row * 16, label)
            s.text(x + 55, 170 + row * 16, value)
    fields = {"customer_signatory": "Marius Eik", "customer_signed_date": date(2027, 3, 4)}
    return Order("side_by_side_customer_right", s.finish(), fields=fields, country="NO")


def side_by_side_customer_left() -> Order:
    """The mirror image in Times: customer on the left, other labels ('Print Name', 'Dated')."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    _intro(s, "Wickerby Analytics Corp.", "WA-0712")
    blocks = [
        ("THE CLIENT", "Okonjo Freight Forwarding Inc.", "Adaeze Okonjo", "05/19/2027"),
        ("THE VENDOR", "Wickerby Analytics Corp.", "Lucas Ferreira", "05/16/2027"),
    ]
    for col, (role, party, name, when) in enumerate(blocks):
        x = 60 + col * 250
        s.text(x, 118, role, font="Times-Bold")
        s.text(x, 134, party)
        s.text(x, 164, "Signed:")
        s.text(x + 70, 160, f"/s/ {name}")
        s.text(x, 182, "Print Name:")
        s.text(x + 70, 182, name)
        s.text(x, 200, "Dated:")
        s.text(x + 70, 200, when)
    fields = {"customer_signatory": "Adaeze Okonjo", "customer_signed_date": date(2027, 5, 19)}
    return Order("side_by_side_customer_left", s.finish(), fields=fields, country="US")


def stacked_customer_first() -> Order:
    """Customer block above the supplier's, each headed by the party's name and role."""
    s = Sheet(A4, font="Helvetica", size=9)
    _intro(s, "Kelderman Route Planning B.V.", "KRP-4410")
    top = 120.0
    blocks = [
        ("Customer - Vliet & Zonen Transport B.V.", "Femke de Vries", "12-04-2027"),
        ("Supplier - Kelderman Route Planning B.V.", "Joost Bakker", "10-04-2027"),
    ]
    for heading, name, when in blocks:
        s.text(50, top, heading, font="Helvetica-Bold")
        s.ink(140, top + 34, 120)
        s.hline(130, 330, top + 36)
        s.text(50, top + 26, "Signature")
        s.text(50, top + 46, "Name")
        s.text(130, top + 46, name)
        s.text(50, top + 62, "Date")
        s.text(130, top + 62, when)
        top += 110
    fields = {"customer_signatory": "Femke de Vries", "customer_signed_date": date(2027, 4, 12)}
    return Order("stacked_customer_first", s.finish(), fields=fields, country="NL")


def stacked_provider_first() -> Order:
    """The provider's block above the customer's; each signed with a /s/ signature."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    _intro(s, "Ambergate Survey Tools Inc.", "AST-8841")
    top = 110.0
    blocks = [
        ("Ambergate Survey Tools Inc.", "Owen Castellanos", "March 9, 2027"),
        ("Prairie Line Rail Services LLC", "Danielle Whitaker", "March 11, 2027"),
    ]
    for party, name, when in blocks:
        s.text(50, top, f"Accepted by {party}", font="Times-Bold")
        for row, (label, value) in enumerate(
            (("By:", f"/s/ {name}"), ("Name:", name), ("Date:", when))
        ):
            s.text(50, top + 18 + row * 15, label)
            s.text(110, top + 18 + row * 15, value)
        top += 100
    fields = {"customer_signatory": "Danielle Whitaker", "customer_signed_date": date(2027, 3, 11)}
    return Order("stacked_provider_first", s.finish(), fields=fields, country="US")


def one_column_per_party_table() -> Order:
    """A ruled signature table: a label column, then one column per party (customer first)."""
    s = Sheet(A4, font="Helvetica", size=9)
    _intro(s, "Verdigris Payroll Ltd", "VP-3012")
    rows = [
        ["", "For the Customer", "For the Supplier"],
        ["Company", "Lantern Street Bakeries Ltd", "Verdigris Payroll Ltd"],
        ["Signature", "", "/s/ Rohan Mehta"],
        ["Name", "Sinead Gallagher", "Rohan Mehta"],
        ["Date", "17/05/2027", "15/05/2027"],
    ]
    s.grid(50, 110, [90, 200, 200], rows, row_height=24)
    s.ink(150, 110 + 2 * 24 + 18, 90)  # the customer's ink, inside its signature cell
    fields = {"customer_signatory": "Sinead Gallagher", "customer_signed_date": date(2027, 5, 17)}
    return Order("one_column_per_party_table", s.finish(), fields=fields, country="GB")


def labels_under_lines_side_by_side() -> Order:
    """Values on lines, labels underneath, customer block on the right."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    _intro(s, "Cobblestone Metrics LLC", "CM-2290")
    blocks = [
        ("COBBLESTONE METRICS LLC", "Nadia Brennan", "04/02/2027"),
        ("SUMMIT HOLLOW RESORTS, INC.", "Theo Lindgren", "04/06/2027"),
    ]
    for col, (party, name, when) in enumerate(blocks):
        x = 50 + col * 270
        s.text(x, 110, party, font="Times-Bold")
        s.ink(x + 10, 150, 130)
        for row, (value, label) in enumerate(
            (("", "Authorized Signature"), (name, "Printed Name"), (when, "Date"))
        ):
            top = 138 + row * 40
            if value:
                s.text(x + 4, top, value)
            s.hline(x, x + 220, top + 13)
            s.text(x, top + 16, label, size=8)
    fields = {"customer_signatory": "Theo Lindgren", "customer_signed_date": date(2027, 4, 6)}
    return Order("labels_under_lines_side_by_side", s.finish(), fields=fields, country="US")


def signature_in_italic_face() -> Order:
    """The signature line carries the signer's name set in italics: that is a signature."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    _intro(s, "Pallister Forms Ltd", "PF-7720")
    s.text(50, 120, "Signed on behalf of the Customer (Elmstead Veterinary Clinics Ltd)")
    s.text(50, 146, "Signature")
    s.text(130, 142, "Helena Voss", font="Times-Italic", size=14)
    s.hline(125, 330, 160)
    s.text(50, 172, "Name")
    s.text(130, 172, "Helena Voss")
    s.text(50, 190, "Date")
    s.text(130, 190, "21 June 2027")
    fields = {"customer_signatory": "Helena Voss", "customer_signed_date": date(2027, 6, 21)}
    return Order("signature_in_italic_face", s.finish(), fields=fields, country="GB")


def typed_name_without_signature(*, signed: bool = False) -> Order:
    """The customer typed a name but never signed or dated: no signatory, no signing date.

    With ``signed`` the same block carries the customer's ink and date, and is then read:
    the pair keeps a reader that never reads this layout from passing the unsigned case.
    """
    s = Sheet(LETTER, font="Helvetica", size=9.5)
    _intro(s, "Brightmoor Labs Inc.", "BL-6604")
    blocks = [
        ("SUPPLIER: Brightmoor Labs Inc.", "Carla Nguyen", "07/12/2027", True),
        ("CUSTOMER: Westfield Ceramics Corp.", "Tomas Reyes", "07/14/2027" if signed else "",
         signed),
    ]  # fmt: skip
    for col, (heading, name, when, signed) in enumerate(blocks):
        x = 50 + col * 270
        s.text(x, 120, heading, font="Helvetica-Bold")
        s.text(x, 146, "Authorized signature")
        if signed:
            s.ink(x + 105, 156, 100)
        s.hline(x + 100, x + 240, 158)
        s.text(x, 172, "Name (print)")
        s.text(x + 100, 172, name)
        s.text(x, 190, "Date")
        if when:
            s.text(x + 100, 190, when)
        s.hline(x + 100, x + 240, 202)
    fields: dict[str, object] = {"customer_signatory": None, "customer_signed_date": None}
    if signed:
        fields = {"customer_signatory": "Tomas Reyes", "customer_signed_date": date(2027, 7, 14)}
    name = "typed_name_with_ink_signature" if signed else "typed_name_without_signature"
    return Order(name, s.finish(), fields=fields, country="US")


def party_table_supplier_first(*, signed: bool) -> Order:
    """A signature table in Times, the supplier's column first and the customer's second.

    The customer typed a name and a date in its column; ``signed`` adds its ``/s/``
    signature in the signature cell. Unsigned, the typed name is no signature (null).
    """
    s = Sheet(LETTER, font="Times-Roman", size=10)
    _intro(s, "Quillon Freight Software Inc.", "QF-1187")
    rows = [
        ["", "SUPPLIER", "CUSTOMER"],
        ["Signature", "/s/ Amara Quist", "/s/ Bastian Roe" if signed else ""],
        ["Printed Name", "Amara Quist", "Bastian Roe"],
        ["Date", "August 2, 2027", "August 5, 2027"],
    ]
    s.grid(60, 120, [110, 180, 180], rows, row_height=26)
    fields: dict[str, object] = {"customer_signatory": None, "customer_signed_date": None}
    if signed:
        fields = {"customer_signatory": "Bastian Roe", "customer_signed_date": date(2027, 8, 5)}
    name = f"party_table_supplier_first_{'signed' if signed else 'unsigned'}"
    return Order(name, s.finish(), fields=fields, country="US")


def captions_under_lines_customer_left() -> Order:
    """Captions under the lines in Helvetica on A4, the customer's block on the left, each
    block headed by its role; the signatures are conformed (``/s/``) on their lines."""
    s = Sheet(A4, font="Helvetica", size=9)
    _intro(s, "Marrowby Data GmbH", "MD-0450")
    blocks = [
        ("CUSTOMER", "Oksana Lindqvist", "15.09.2027"),
        ("PROVIDER", "Jens Marrow", "12.09.2027"),
    ]
    for col, (role, name, when) in enumerate(blocks):
        x = 60 + col * 250
        s.text(x, 116, role, font="Helvetica-Bold")
        for row, (value, label) in enumerate(
            ((f"/s/ {name}", "Signature"), (name, "Name"), (when, "Date"))
        ):
            top = 142 + row * 34
            s.text(x + 2, top, value)
            s.hline(x, x + 200, top + 12)
            s.text(x, top + 15, label, size=7)
    fields = {"customer_signatory": "Oksana Lindqvist", "customer_signed_date": date(2027, 9, 15)}
    return Order("captions_under_lines_customer_left", s.finish(), fields=fields, country="DE")


def name_cell_over_labels_of_value_size() -> Order:
    """Form boxes side by side: ``Name (print)`` in small type over the name, then ``Title``
    and ``Date`` labels set nearly as large as their values (as a scan's uneven line
    heights make them), so only the first row reads as a row of labels."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    _intro(s, "Kestrel Forms Ltd", "KF-2231")
    blocks = [
        ("CUSTOMER: Vantor Mobility SpA", "Yara Benedetti", "VP, Procurement", "2026-11-19"),
        ("SUPPLIER: Kestrel Forms Ltd", "Owen Price", "Sales Director", "2026-11-16"),
    ]  # fmt: skip
    for col, (heading, name, title, when) in enumerate(blocks):
        x = 50 + col * 260
        s.text(x, 110, heading, font="Helvetica-Bold")
        s.text(x, 124, "Authorised signature", size=7)
        s.ink(x + 10, 150, 110)
        s.text(x, 160, "Name (print)", size=7)
        s.text(x, 169, name, size=10)
        s.text(x, 184, "Title", size=9.5)
        s.text(x, 196, title, size=10)
        s.text(x, 211, "Date (YYYY-MM-DD)", size=9.5)
        s.text(x, 223, when, size=10)
    fields = {"customer_signatory": "Yara Benedetti"}
    return Order("name_cell_over_labels_of_value_size", s.finish(), fields=fields, country="IT")
