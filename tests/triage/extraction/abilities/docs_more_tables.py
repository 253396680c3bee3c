"""Line-item tables of providers not modelled elsewhere, each for one general ability.

- the totals (Subtotal / Total) printed above the items table, the lines after them
  (``totals_above_*``), and totals that add VAT or sales tax, whose net sum is the contract
  value (``tax_total_*``);
- a description whose first line stands alone, its figures on the next line with the
  description's second line (``figures_below_*``);
- item names made of hyphenated words ("Scanner-Anbindung", "Point-of-Sale connector"),
  with and without a code column beside them: a hyphenated word is no product code
  (``hyphenated_names_*``);
- a discount shown under its item as a separate "Discount" row or as a negative amount in
  parentheses or with a dash, folded into the item as the foreign set's truth does: list
  unit price, discount percent, net after the discount (``discount_shown_*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Build, Order, Sheet

__all__ = [
    "DISCOUNT_DOCS",
    "FIGURES_BELOW_DOCS",
    "HYPHENATED_NAME_DOCS",
    "QUANTITY_UNIT_DOCS",
    "TAX_TOTAL_DOCS",
    "TOTALS_ABOVE_DOCS",
]

_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}

# one unruled row: the description at the left margin, figures right-aligned at these edges
Row = Sequence[str]


def _unruled(
    s: Sheet, x: float, top: float, edges: Sequence[float], rows: Sequence[Row], *, bold: bool
) -> float:
    """Draw ``rows`` (description first, then right-aligned figures at ``edges``) one line
    each, in bold when ``bold``; return the top below the last."""
    font = _BOLD[s.font] if bold else None
    for row in rows:
        if row[0]:
            s.text(x, top, row[0], font=font)
        for edge, words in zip(edges, row[1:], strict=True):
            if words:
                s.right(edge, top, words, font=font)
        top += s.size + 5
    return top


def _unruled_table(
    s: Sheet, x: float, top: float, edges: Sequence[float], header: Row, body: Sequence[Row]
) -> float:
    """An unruled table: the bold ``header`` underlined, then ``body``; return the top below."""
    top = _unruled(s, x, top, edges, (header,), bold=True)
    s.hline(x, edges[-1], top - 3)
    return _unruled(s, x, top + 4, edges, body, bold=False)


def _letterhead(s: Sheet, provider: str, lines: Sequence[str]) -> None:
    """The provider in bold at the top, the order's reference lines under it."""
    s.text(50, 44, provider, font=_BOLD[s.font], size=13)
    for row, words in enumerate(lines):
        s.text(50, 64 + row * (s.size + 4), words)


def _line(
    desc: str, qty: int, unit: str, net: str, disc: float | None = None, **stated: object
) -> dict[str, object]:
    """An expected line item (``disc`` only where the document states a discount; other
    keys such as ``sku`` as ``stated``)."""
    line: dict[str, object] = {"description": desc, "quantity": qty, "unit_price": D(unit),
                               "net_amount": D(net), **stated}  # fmt: skip
    if disc is not None:
        line["discount_pct"] = disc
    return line


# --- 1. totals printed above the items ------------------------------------------------------


def totals_above_ruled_items() -> Order:
    """A Subtotal / Total box at the top right, the ruled items table under it."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    _letterhead(
        s,
        "Sawtooth Observability Inc.",
        ("Order Form SO-31877", "Customer: Cedar Hollow Health System"),
    )
    s.grid(340, 110, [120, 100], [["Subtotal", "USD 52,800.00"], ["Total", "USD 52,800.00"]],
           numeric=frozenset({1}))  # fmt: skip
    rows = [
        ["Product", "Qty", "Unit Price", "Amount"],
        ["Log analytics, per host", "120", "360.00", "43,200.00"],
        ["Synthetic monitoring checks", "40", "180.00", "7,200.00"],
        ["Onboarding package", "1", "2,400.00", "2,400.00"],
    ]
    s.grid(50, 170, [230, 50, 100, 110], rows, numeric=frozenset({1, 2, 3}))
    lines = [
        _line("Log analytics, per host", 120, "360", "43200"),
        _line("Synthetic monitoring checks", 40, "180", "7200"),
        _line("Onboarding package", 1, "2400", "2400"),
    ]
    fields = {"total_contract_value": D("52800.00")}
    return Order("totals_above_ruled_items", s.finish(), fields=fields, lines=lines, country="US")


def totals_above_unruled_items() -> Order:
    """'Subtotal' and 'Total' lines right above an unruled table's header (Times, GBP)."""
    s = Sheet(A4, font="Times-Roman", size=10)
    _letterhead(
        s,
        "Pendlebury Archive Systems Ltd",
        ("Quotation PAS-2093, accepted as order", "Customer: Ribblesdale Heritage Trust"),
    )
    edges = (360.0, 450.0, 540.0)
    top = _unruled(s, 300, 112, (540.0,), (("Subtotal", "\u00a318,450.00"),
                   ("Total", "\u00a318,450.00")), bold=True)  # fmt: skip
    body = (
        ("Catalogue hosting (collections)", "3", "4,150.00", "12,450.00"),
        ("Digitisation workflow seats", "10", "480.00", "4,800.00"),
        ("Staff training day", "1", "1,200.00", "1,200.00"),
    )
    _unruled_table(s, 50, top + 14, edges, ("Item", "Qty", "Price", "Line total"), body)
    lines = [
        _line("Catalogue hosting (collections)", 3, "4150", "12450"),
        _line("Digitisation workflow seats", 10, "480", "4800"),
        _line("Staff training day", 1, "1200", "1200"),
    ]
    fields = {"total_contract_value": D("18450.00"), "currency": "GBP"}
    return Order("totals_above_unruled_items", s.finish(), fields=fields, lines=lines, country="GB")


def totals_strip_above_items() -> Order:
    """A ruled strip 'Subtotal | Discount | Total' across the page, then the items (Courier)."""
    s = Sheet(A4, font="Courier", size=8.5)
    _letterhead(
        s,
        "Hvitfjell Maritime Data AS",
        ("ORDER HMD-70214", "CUSTOMER: Lofoten Kystfiske AS   CURRENCY: NOK"),
    )
    s.grid(50, 104, [160, 160, 170], [["SUBTOTAL", "DISCOUNT", "TOTAL"],
           ["NOK 312,000.00", "NOK 0.00", "NOK 312,000.00"]], numeric=frozenset())  # fmt: skip
    rows = [
        ["DESCRIPTION", "QTY", "UNIT PRICE", "AMOUNT"],
        ["VESSEL TRACKING, PER VESSEL", "24", "11,500.00", "276,000.00"],
        ["CATCH REPORTING MODULE", "1", "36,000.00", "36,000.00"],
    ]
    s.grid(50, 160, [220, 50, 100, 120], rows, numeric=frozenset({1, 2, 3}))
    lines = [
        _line("VESSEL TRACKING, PER VESSEL", 24, "11500", "276000"),
        _line("CATCH REPORTING MODULE", 1, "36000", "36000"),
    ]
    fields = {"total_contract_value": D("312000.00"), "currency": "NOK"}
    return Order("totals_strip_above_items", s.finish(), fields=fields, lines=lines, country="NO")


TOTALS_ABOVE_DOCS: tuple[Build, ...] = (
    totals_above_ruled_items,
    totals_above_unruled_items,
    totals_strip_above_items,
)


# --- 1b. totals that add tax --------------------------------------------------------------
# The contract value is the sum of the lines' net amounts (docs/semantics.md), as the quote's
# is: tax is the invoice's, so a "Total" that adds VAT or sales tax is not the contract value.


def _tax_form(
    name: str,
    *,
    sheet: Sheet,
    heading: tuple[str, Sequence[str]],
    totals: tuple[float, Sequence[Row]],
    items_top: float,
    items: Sequence[tuple[str, int, str, str, str]],
    net: str,
    country: str,
    header: Row = ("Description", "Qty", "Unit price", "Amount"),
) -> Order:
    """Items (description, quantity, printed unit price and amount, the unit price as a
    decimal) in a ruled table at ``items_top``; the totals (label, amount) rows at the
    ``totals`` top, above or under the items; the contract value is ``net``."""
    _letterhead(sheet, *heading)
    rows = [list(header), *([desc, str(qty), unit, amount] for desc, qty, unit, amount, _ in items)]
    sheet.grid(50, items_top, [230, 50, 100, 110], rows, numeric=frozenset({1, 2, 3}))
    _unruled(sheet, 300, totals[0], (536.0,), totals[1], bold=True)
    lines = [_line(desc, qty, unit, str(qty * D(unit))) for desc, qty, *_, unit in items]
    fields = {"total_contract_value": D(net)}
    return Order(name, sheet.finish(), fields=fields, lines=lines, country=country)


def tax_total_under_the_items() -> Order:
    """'Net total / VAT 20 % / Total' under the items (GBP): the value is the net total."""
    return _tax_form(
        "tax_total_under_the_items",
        sheet=Sheet(A4, font="Helvetica", size=9),
        heading=("Wharfedale Booking Systems Ltd", ("Order WBS-7702",
                 "Customer: Grassington Outdoor Centres Ltd")),
        items_top=100,
        items=(("Booking engine, per centre", 6, "2,100.00", "12,600.00", "2100"),
               ("Payment gateway set-up", 1, "900.00", "900.00", "900")),
        totals=(166, (("Net total", "\u00a313,500.00"), ("VAT 20 %", "\u00a32,700.00"),
                      ("Total", "\u00a316,200.00"))),
        net="13500.00",
        country="GB",
    )  # fmt: skip


def tax_total_above_the_items() -> Order:
    """A German box above the items: 'Nettobetrag / MwSt. 19 % / Gesamtbetrag' (Times)."""
    return _tax_form(
        "tax_total_above_the_items",
        sheet=Sheet(A4, font="Times-Roman", size=10),
        heading=("Kranichsee Mediendienste GmbH", ("Auftrag KM-50931",
                 "Kunde: Spreewald Feinkost GmbH")),
        totals=(100, (("Nettobetrag", "EUR 20.000,00"), ("MwSt. 19 %", "EUR 3.800,00"),
                      ("Gesamtbetrag", "EUR 23.800,00"))),
        items_top=160,
        items=(("Redaktionssystem Lizenz", 16, "1.000,00", "16.000,00", "1000"),
               ("Bildarchiv Anbindung", 2, "2.000,00", "4.000,00", "2000")),
        net="20000.00",
        country="DE",
        header=("Bezeichnung", "Menge", "Einzelpreis", "Betrag"),
    )  # fmt: skip


def sales_tax_total_under_the_items() -> Order:
    """'Subtotal / Sales Tax (8.25%) / Total' under the items (Letter, Courier, USD)."""
    return _tax_form(
        "sales_tax_total_under_the_items",
        sheet=Sheet(LETTER, font="Courier", size=8.5),
        heading=("BRAZOS FIELD SERVICE SOFTWARE LLC", ("SALES ORDER BFS-33018",
                 "SOLD TO: CROSS TIMBERS PLUMBING INC")),
        items_top=100,
        items=(("DISPATCH BOARD LICENCE", 30, "400.00", "12,000.00", "400"),
               ("TECHNICIAN MOBILE APP", 30, "120.00", "3,600.00", "120")),
        totals=(166, (("Subtotal", "$15,600.00"), ("Sales Tax (8.25%)", "$1,287.00"),
                      ("Total", "$16,887.00"))),
        net="15600.00",
        country="US",
    )  # fmt: skip


TAX_TOTAL_DOCS: tuple[Build, ...] = (
    tax_total_under_the_items,
    tax_total_above_the_items,
    sales_tax_total_under_the_items,
)


# --- 2. a description's first line alone, its figures on the next ---------------------------


def figures_below_in_ruled_cells() -> Order:
    """Ruled rows two lines high: the description wraps, the figures sit bottom-aligned on
    its second line, in every row."""
    s = Sheet(A4, font="Helvetica", size=8.5)
    _letterhead(s, "Kittiwake Cold Chain Ltd", ("Order Form KCC-5517",))
    widths, x, top, height = (230.0, 50.0, 90.0, 100.0), 50.0, 96.0, 26.0
    edges = [x + sum(widths[: i + 1]) for i in range(len(widths))]
    header = ("Description", "Qty", "Unit price", "Amount")
    items = (
        ("Temperature logging for", "refrigerated trailers", "85", "96.00", "8,160.00"),
        ("Alarm escalation service,", "24/7 call centre", "1", "6,500.00", "6,500.00"),
    )
    s.grid(x, top, widths, [list(header)], numeric=frozenset({1, 2, 3}))
    top += 18
    for first, second, *figures in items:
        for left, w in zip((x, *edges[:-1]), widths, strict=True):
            s.rect(left, top, w, height)
        s.text(x + 4, top + 3, first)
        _unruled(s, x + 4, top + 14, [e - 4 for e in edges[1:]], ((second, *figures),), bold=False)
        top += height
    lines = [
        _line("Temperature logging for refrigerated trailers", 85, "96", "8160"),
        _line("Alarm escalation service, 24/7 call centre", 1, "6500", "6500"),
    ]
    return Order("figures_below_in_ruled_cells", s.finish(), lines=lines, country="GB")


def figures_below_an_unruled_name_line() -> Order:
    """Unruled (Times, Letter): the first and third items wrap, their figures on the second
    line; the second item fits on one line."""
    s = Sheet(LETTER, font="Times-Roman", size=10)
    _letterhead(s, "Bluestem Survey Instruments, Inc.", ("Sales Order BSI-80412",))
    edges = (360.0, 450.0, 545.0)
    body = (
        ("GNSS base station licence with", "", "", ""),
        ("real-time correction feed", "6", "2,750.00", "16,500.00"),
        ("Field tablet software", "18", "340.00", "6,120.00"),
        ("Cloud project archive for", "", "", ""),
        ("completed surveys (per TB)", "12", "210.00", "2,520.00"),
    )  # fmt: skip
    _unruled_table(s, 60, 100, edges, ("Description", "Quantity", "Rate", "Total"), body)
    lines = [
        _line("GNSS base station licence with real-time correction feed", 6, "2750", "16500"),
        _line("Field tablet software", 18, "340", "6120"),
        _line("Cloud project archive for completed surveys (per TB)", 12, "210", "2520"),
    ]
    return Order("figures_below_an_unruled_name_line", s.finish(), lines=lines, country="US")


FIGURES_BELOW_DOCS: tuple[Build, ...] = (
    figures_below_in_ruled_cells,
    figures_below_an_unruled_name_line,
)


# --- 3. hyphenated item names ---------------------------------------------------------------


def hyphenated_names_german_compounds() -> Order:
    """German compounds joined by hyphens, no code column: 'Scanner-Anbindung' alone in its
    cell, 'E-Mail-Archiv' (Times, CHF)."""
    s = Sheet(A4, font="Times-Roman", size=9.5)
    _letterhead(s, "Brienzer Logistiksysteme AG", ("Bestellung BL-40078",
                "Kunde: Emmentaler Holzbau AG   W\u00e4hrung: CHF"))  # fmt: skip
    rows = [
        ["Artikel", "Menge", "Preis", "Betrag"],
        ["Lagerverwaltung Modul", "14", "1,234.50", "17,283.00"],
        ["Scanner-Anbindung", "3", "1,400.00", "4,200.00"],
        ["E-Mail-Archiv", "50", "24.00", "1,200.00"],
    ]
    s.grid(50, 104, [210, 50, 110, 120], rows, numeric=frozenset({1, 2, 3}))
    lines = [
        _line("Lagerverwaltung Modul", 14, "1234.50", "17283", sku=None),
        _line("Scanner-Anbindung", 3, "1400", "4200", sku=None),
        _line("E-Mail-Archiv", 50, "24", "1200", sku=None),
    ]
    return Order("hyphenated_names_german_compounds", s.finish(), lines=lines, country="CH")


def hyphenated_names_english_unruled() -> Order:
    """Unruled (Helvetica): 'Point-of-Sale connector', 'Add-on storage (1 TB)',
    'Follow-up workshop', whose first words are hyphenated, no code column."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    _letterhead(s, "Larchfield Retail Cloud Inc.", ("Order Form LRC-2291",))
    edges = (350.0, 440.0, 540.0)
    body = (
        ("Point-of-Sale connector", "12", "650.00", "7,800.00"),
        ("Add-on storage (1 TB)", "8", "300.00", "2,400.00"),
        ("Follow-up workshop", "2", "1,750.00", "3,500.00"),
    )  # fmt: skip
    _unruled_table(s, 50, 96, edges, ("Description", "Qty", "Unit Price", "Amount"), body)
    lines = [
        _line("Point-of-Sale connector", 12, "650", "7800", sku=None),
        _line("Add-on storage (1 TB)", 8, "300", "2400", sku=None),
        _line("Follow-up workshop", 2, "1750", "3500", sku=None),
    ]
    return Order("hyphenated_names_english_unruled", s.finish(), lines=lines, country="US")


def hyphenated_names_first_word_in_a_grid() -> Order:
    """A grid ruled by lines (Courier), title-case names opening with a hyphenated word
    ('Point-of-Sale Terminal Licences', 'Cross-Dock Planner'), no code column."""
    s = Sheet(A4, font="Courier", size=8.5)
    _letterhead(s, "Tollgate Depot Systems Ltd", ("ORDER TDS-66102",))
    rows = [
        ["DESCRIPTION", "QTY", "UNIT PRICE", "AMOUNT"],
        ["Point-of-Sale Terminal Licences", "45", "220.00", "9,900.00"],
        ["Cross-Dock Planner", "1", "14,000.00", "14,000.00"],
    ]
    s.grid(50, 96, [220, 50, 100, 110], rows, numeric=frozenset({1, 2, 3}), cells=False)
    lines = [
        _line("Point-of-Sale Terminal Licences", 45, "220", "9900", sku=None),
        _line("Cross-Dock Planner", 1, "14000", "14000", sku=None),
    ]
    return Order("hyphenated_names_first_word_in_a_grid", s.finish(), lines=lines, country="GB")


def hyphenated_names_beside_a_code_column() -> Order:
    """A code column ('LRC-POS-12') beside names with hyphenated words: the codes are the
    SKUs, the hyphenated names stay descriptions (so a reader that never reads a code
    cannot pass the two above)."""
    s = Sheet(LETTER, font="Times-Roman", size=9.5)
    _letterhead(s, "Larchfield Retail Cloud Inc.", ("Order Form LRC-2307",))
    rows = [
        ["Code", "Description", "Qty", "Unit Price", "Amount"],
        ["LRC-POS-12", "Point-of-Sale connector", "20", "650.00", "13,000.00"],
        ["LRC-STO-1T", "Add-on storage (1 TB)", "4", "300.00", "1,200.00"],
    ]
    s.grid(50, 96, [80, 190, 50, 90, 100], rows, numeric=frozenset({2, 3, 4}))
    lines = [
        _line("Point-of-Sale connector", 20, "650", "13000", sku="LRC-POS-12"),
        _line("Add-on storage (1 TB)", 4, "300", "1200", sku="LRC-STO-1T"),
    ]
    return Order("hyphenated_names_beside_a_code_column", s.finish(), lines=lines, country="US")


HYPHENATED_NAME_DOCS: tuple[Build, ...] = (
    hyphenated_names_german_compounds,
    hyphenated_names_english_unruled,
    hyphenated_names_first_word_in_a_grid,
    hyphenated_names_beside_a_code_column,
)


# --- 4. discounts under their item ----------------------------------------------------------


def discount_shown_as_its_own_row() -> Order:
    """A 'Rabatt / Discount 10 %' row with '(3.000,00)' under its item (euro, German digits)."""
    s = Sheet(A4, font="Helvetica", size=9)
    _letterhead(
        s,
        "Elbufer Softwarehaus GmbH",
        (
            "Auftrag / Order ES-4410",
            "Kunde / Customer: Altmark Landtechnik GmbH",
            "W\u00e4hrung / Currency: EUR",
        ),
    )
    rows = [
        ["Artikel / Item", "Menge / Qty", "Preis / Price", "Betrag / Amount"],
        ["Maschinenportal Pro", "20", "1.500,00", "30.000,00"],
        ["   Rabatt / Discount 10 %", "", "", "(3.000,00)"],
        ["Telematikadapter", "12", "240,00", "2.880,00"],
    ]
    s.grid(50, 110, [220, 70, 90, 110], rows, numeric=frozenset({1, 2, 3}), cells=False)
    lines = [
        _line("Maschinenportal Pro", 20, "1500", "27000", 10),
        _line("Telematikadapter", 12, "240", "2880"),
    ]
    return Order("discount_shown_as_its_own_row", s.finish(), lines=lines, country="DE")


def discount_shown_in_parentheses_column() -> Order:
    """A 'Discount' column holding the amount off in parentheses, not a percent (Times)."""
    s = Sheet(LETTER, font="Times-Roman", size=9.5)
    _letterhead(
        s,
        "Ironbark Route Planning Pty Ltd",
        ("Order IRP-1290", "Customer: Gippsland Freight Co-operative Ltd   Prices in AUD"),
    )
    rows = [
        ["Product", "Qty", "List price", "Discount", "Net"],
        ["Route optimiser seats", "40", "600.00", "(2,400.00)", "21,600.00"],
        ["Driver mobile app", "90", "75.00", "(1,687.50)", "5,062.50"],
        ["Depot integration", "1", "4,000.00", "", "4,000.00"],
    ]
    s.grid(50, 104, [170, 45, 85, 90, 100], rows, numeric=frozenset({1, 2, 3, 4}))
    lines = [
        _line("Route optimiser seats", 40, "600", "21600", 10),
        _line("Driver mobile app", 90, "75", "5062.50", 25),
        _line("Depot integration", 1, "4000", "4000"),
    ]
    return Order("discount_shown_in_parentheses_column", s.finish(), lines=lines, country="AU")


def discount_shown_with_an_en_dash() -> Order:
    """Unruled (Courier): 'LESS DISCOUNT' under its item with '–1,250.00' (en dash)."""
    s = Sheet(LETTER, font="Courier", size=9)
    _letterhead(
        s,
        "Coldwater Print Logistics Corp.",
        ("SALES ORDER CPL-00917", "SOLD TO: Harbor Street Publishing Inc."),
    )
    edges = (330.0, 430.0, 540.0)
    body = (
        ("PRESS SCHEDULING LICENCE", "25", "500.00", "12,500.00"),
        ("  LESS DISCOUNT", "", "", "\u20131,250.00"),
        ("PLATE INVENTORY OPTION", "5", "300.00", "1,500.00"),
    )  # fmt: skip
    _unruled_table(s, 50, 104, edges, ("ITEM", "QTY", "UNIT", "EXTENDED"), body)
    lines = [
        _line("PRESS SCHEDULING LICENCE", 25, "500", "11250", 10),
        _line("PLATE INVENTORY OPTION", 5, "300", "1500"),
    ]
    return Order("discount_shown_with_an_en_dash", s.finish(), lines=lines, country="US")


def discount_shown_with_a_trailing_minus() -> Order:
    """An ERP printout (Courier, A4): the discount row's amount carries its minus sign
    after the number, '4.320,00-', under its item (German digits, EUR)."""
    s = Sheet(A4, font="Courier", size=8.5)
    _letterhead(s, "Ostwind Anlagenservice GmbH", ("AUFTRAGSBESTAETIGUNG 4500018231",
                "KUNDE: Uckermark Energiepark GmbH   WAEHRUNG: EUR"))  # fmt: skip
    edges = (330.0, 430.0, 540.0)
    body = (
        ("Fernueberwachung Windpark", "36", "800,00", "28.800,00"),
        ("  Rabatt 15,00 %", "", "", "4.320,00-"),
        ("Wartungsportal Zugang", "10", "150,00", "1.500,00"),
    )  # fmt: skip
    _unruled_table(s, 50, 110, edges, ("BEZEICHNUNG", "MENGE", "PREIS", "WERT"), body)
    lines = [
        _line("Fernueberwachung Windpark", 36, "800", "24480", 15),
        _line("Wartungsportal Zugang", 10, "150", "1500"),
    ]
    return Order("discount_shown_with_a_trailing_minus", s.finish(), lines=lines, country="DE")


DISCOUNT_DOCS: tuple[Build, ...] = (
    discount_shown_as_its_own_row,
    discount_shown_in_parentheses_column,
    discount_shown_with_an_en_dash,
    discount_shown_with_a_trailing_minus,
)


# --- 5. quantities printed with their unit --------------------------------------------------


def quantities_with_units_in_a_grid() -> Order:
    """The quantity cell names its unit: '50 users', '3 days', '2 sites' (Helvetica, ruled)."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    _letterhead(s, "Northbeam HR Cloud, Inc.", ("Order Form NHC-41170",))
    rows = [
        ["Description", "Quantity", "Unit Price", "Total"],
        ["Payroll and benefits suite", "50 users", "240.00", "12,000.00"],
        ["Implementation consulting", "3 days", "1,600.00", "4,800.00"],
        ["Time clock integration", "2 sites", "900.00", "1,800.00"],
    ]
    s.grid(50, 96, [210, 80, 100, 110], rows, numeric=frozenset({1, 2, 3}))
    lines = [
        _line("Payroll and benefits suite", 50, "240", "12000"),
        _line("Implementation consulting", 3, "1600", "4800"),
        _line("Time clock integration", 2, "900", "1800"),
    ]
    return Order("quantities_with_units_in_a_grid", s.finish(), lines=lines, country="US")


def quantities_with_units_unruled() -> Order:
    """German units after the count, unruled (Times): '12 Stk.', '40 Lizenzen', '1 Paket'."""
    s = Sheet(A4, font="Times-Roman", size=10)
    _letterhead(s, "Havelbruch Kassensysteme GmbH", ("Angebot / Auftrag HK-2027-118",))
    edges = (340.0, 440.0, 540.0)
    body = (
        ("Kassenterminal Mietmodell", "12 Stk.", "420,00", "5.040,00"),
        ("Filialsoftware Lizenz", "40 Lizenzen", "96,00", "3.840,00"),
        ("Einrichtung und Schulung", "1 Paket", "2.200,00", "2.200,00"),
    )  # fmt: skip
    _unruled_table(s, 50, 100, edges, ("Artikel", "Menge", "Einzelpreis", "Gesamt"), body)
    lines = [
        _line("Kassenterminal Mietmodell", 12, "420", "5040"),
        _line("Filialsoftware Lizenz", 40, "96", "3840"),
        _line("Einrichtung und Schulung", 1, "2200", "2200"),
    ]
    return Order("quantities_with_units_unruled", s.finish(), lines=lines, country="DE")


QUANTITY_UNIT_DOCS: tuple[Build, ...] = (
    quantities_with_units_in_a_grid,
    quantities_with_units_unruled,
)
