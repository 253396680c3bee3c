"""Line-item tables whose header is more than one line of known words.

A second language in smaller type under each header cell (and "Total" among its words),
three languages joined by slashes in one cell, English cells wrapped over two lines ("Unit"
over "price"), a header in a language the lexicon does not know (the rows are read by their
arithmetic), and a description whose first line stands above its figures right under the
header (a row, not part of the header). Each document has its own font, page size,
positions and wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["HEADER_DOCS"]


def _stacked_header(
    s: Sheet, x: float, top: float, widths: Sequence[float], cells: Sequence[tuple[str, str]]
) -> float:
    """Draw one ruled header row whose cells hold a bold line over a smaller italic one,
    the first cell left-aligned and the others right-aligned; return the top below it."""
    height = 26.0
    left = x
    for column, (upper, lower) in enumerate(cells):
        s.rect(left, top, widths[column], height)
        if column == 0:
            s.text(left + 4, top + 4, upper, font="Times-Bold")
            s.text(left + 4, top + 15, lower, font="Times-Italic", size=7)
        else:
            s.right(left + widths[column] - 4, top + 4, upper, font="Times-Bold")
            s.right(left + widths[column] - 4, top + 15, lower, font="Times-Italic", size=7)
        left += widths[column]
    return top + height


def french_under_english_header() -> Order:
    """'Qty' over a smaller 'Quantité', 'Amount' over 'Total': the French line is the
    header's, not a row (its 'Total' once ended the table before its first line)."""
    s = Sheet(LETTER, font="Times-Roman", size=9.5)
    s.text(60, 50, "Nordlys Cloudtjenester AS", font="Times-Bold", size=14)
    s.text(60, 70, "Order Form No. NCT-30417")
    s.text(60, 84, "Customer: Fromagerie des Trois Vallees SARL")
    s.text(60, 98, "Subscription start: 1 June 2027. Term: 24 months.")
    widths = [190, 60, 90, 60, 100]
    cells = [
        ("Item", "Article"), ("Qty", "Quantit\u00e9"), ("Unit price", "Prix unitaire"),
        ("Disc.", "Remise"), ("Amount", "Total"),
    ]  # fmt: skip
    top = _stacked_header(s, 60, 124, widths, cells)
    body = [
        ["Nordlys Fleet Telemetry", "60", "840.00", "15%", "85,680.00"],
        ["Nordlys Edge Gateway", "8", "1,250.00", "", "20,000.00"],
        ["Onboarding workshop", "2", "3,400.00", "", "6,800.00"],
    ]
    s.grid(60, top, widths, body, row_height=18, numeric=frozenset({1, 2, 3, 4}))
    lines = [
        {"description": "Nordlys Fleet Telemetry", "quantity": 60, "unit_price": D("840"),
         "discount_pct": 15, "net_amount": D("85680")},
        {"description": "Nordlys Edge Gateway", "quantity": 8, "unit_price": D("1250"),
         "net_amount": D("20000")},
        {"description": "Onboarding workshop", "quantity": 2, "unit_price": D("3400"),
         "net_amount": D("6800")},
    ]  # fmt: skip
    fields = {"order_number": "NCT-30417", "start_date": date(2027, 6, 1), "term_months": 24,
              "customer_legal_name": "Fromagerie des Trois Vallees SARL"}  # fmt: skip
    return Order("french_under_english_header", s.finish(), fields=fields, lines=lines)


def three_language_header() -> Order:
    """'Artikel / Article / Item', 'Menge / Qté / Qty' ... in one cell each: Swiss francs."""
    s = Sheet(A4, font="Helvetica", size=8.5)
    s.text(46, 40, "Rigi Rechenzentrum AG", font="Helvetica-Bold", size=12)
    s.text(46, 58, "Bestellung / Commande / Order: RRZ-2027-771")
    s.text(46, 70, "Kunde / Client / Customer: Papeterie Lavaux SA")
    rows = [
        ["Artikel / Article / Item", "Menge / Qt\u00e9 / Qty", "Preis / Prix / Price",
         "Rabatt / Remise / Disc.", "Betrag / Montant / Total"],
        ["RRZ Backup Vault 10 TB", "4", "CHF 2'900.00", "5 %", "CHF 11'020.00"],
        ["RRZ Monitoring", "25", "CHF 180.00", "", "CHF 4'500.00"],
    ]  # fmt: skip
    s.grid(46, 96, [150, 85, 95, 110, 110], rows, row_height=19,
           numeric=frozenset({1, 2, 3, 4}), cells=False)  # fmt: skip
    lines = [
        {"description": "RRZ Backup Vault 10 TB", "quantity": 4, "unit_price": D("2900"),
         "discount_pct": 5, "net_amount": D("11020")},
        {"description": "RRZ Monitoring", "quantity": 25, "unit_price": D("180"),
         "net_amount": D("4500")},
    ]  # fmt: skip
    fields = {"order_number": "RRZ-2027-771", "currency": "CHF",
              "customer_legal_name": "Papeterie Lavaux SA"}  # fmt: skip
    return Order("three_language_header", s.finish(), fields=fields, lines=lines, country="CH")


def wrapped_header_cells() -> Order:
    """An unruled table whose 'Unit price' and 'Line total' cells wrap onto a second line
    ('Line' alone would name a line-number column)."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(54, 48, "Quarrystone Analytics LLC", font="Helvetica-Bold", size=13)
    s.text(54, 66, "Order Number: QA-55120")
    s.text(54, 80, "Customer: Bellwether Grain Cooperative")
    header_top = 110.0
    for x, upper, lower in ((250, "Unit", "price"), (400, "Line", "total")):
        s.right(x + 60, header_top, upper, font="Helvetica-Bold")
        s.right(x + 60, header_top + 10, lower, font="Helvetica-Bold")
    s.text(54, header_top + 10, "Product", font="Helvetica-Bold")
    s.right(240, header_top + 10, "Qty", font="Helvetica-Bold")
    s.right(380, header_top + 10, "Disc.", font="Helvetica-Bold")
    s.hline(54, 470, header_top + 23)
    top = header_top + 30
    for name, qty, price, disc, net in (
        ("Harvest Forecasting Suite", "14", "2,150.00", "20%", "24,080.00"),
        ("Silo Sensor Connector", "30", "95.00", "", "2,850.00"),
    ):
        s.text(54, top, name)
        s.right(240, top, qty)
        s.right(310, top, price)
        s.right(380, top, disc)
        s.right(460, top, net)
        top += 14
    lines = [
        {"description": "Harvest Forecasting Suite", "quantity": 14, "unit_price": D("2150"),
         "discount_pct": 20, "net_amount": D("24080")},
        {"description": "Silo Sensor Connector", "quantity": 30, "unit_price": D("95"),
         "net_amount": D("2850")},
    ]  # fmt: skip
    fields = {"order_number": "QA-55120", "customer_legal_name": "Bellwether Grain Cooperative"}
    return Order("wrapped_header_cells", s.finish(), fields=fields, lines=lines)


def header_in_an_unknown_language() -> Order:
    """A Dutch header the lexicon does not know: the rows give themselves by their numbers,
    the discount printed with a space before its sign ('12,5 %')."""
    s = Sheet(A4, font="Courier", size=9)
    s.text(50, 50, "POLDERWERK SOFTWARE B.V. - OFFERTE PW-4410", font="Courier-Bold", size=11)
    s.text(50, 68, "Klant: Kaasmakerij De Zeven Sloten B.V.")
    rows = [
        ["Omschrijving", "Aantal", "Stukprijs", "Korting", "Bedrag"],
        ["Polderwerk Planning", "16", "1.200,00", "12,5 %", "16.800,00"],
        ["Polderwerk Koppeling", "3", "950,00", "", "2.850,00"],
    ]
    s.grid(50, 92, [170, 60, 90, 70, 100], rows, row_height=17, numeric=frozenset({1, 2, 3, 4}))
    lines = [
        {"description": "Polderwerk Planning", "quantity": 16, "unit_price": D("1200"),
         "discount_pct": 12.5, "net_amount": D("16800")},
        {"description": "Polderwerk Koppeling", "quantity": 3, "unit_price": D("950"),
         "net_amount": D("2850")},
    ]  # fmt: skip
    return Order("header_in_an_unknown_language", s.finish(), lines=lines, country="NL")


def description_above_its_figures() -> Order:
    """A description's first line right under the header, its figures on the line below
    (bottom-aligned cells): that line is the row's, not a second header line."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(64, 52, "Tidewater Records Management Inc.", font="Helvetica-Bold", size=12)
    s.text(64, 70, "Order Form OF-90233")
    s.text(64, 96, "Description", font="Helvetica-Bold")
    for x, word in ((300, "Qty"), (390, "Unit Price"), (500, "Amount")):
        s.right(x, 96, word, font="Helvetica-Bold")
    s.text(64, 109, "Offsite tape vaulting for")
    s.text(64, 120, "all production sites")
    s.right(300, 120, "10")
    s.right(390, 120, "480.00")
    s.right(500, 120, "4,800.00")
    s.text(64, 136, "Courier pickups")
    s.right(300, 136, "52")
    s.right(390, 136, "35.00")
    s.right(500, 136, "1,820.00")
    lines = [
        {"description": "Offsite tape vaulting for all production sites", "quantity": 10,
         "unit_price": D("480"), "net_amount": D("4800")},
        {"description": "Courier pickups", "quantity": 52, "unit_price": D("35"),
         "net_amount": D("1820")},
    ]  # fmt: skip
    return Order("description_above_its_figures", s.finish(), lines=lines)


HEADER_DOCS = (
    french_under_english_header,
    three_language_header,
    wrapped_header_cells,
    header_in_an_unknown_language,
    description_above_its_figures,
)
