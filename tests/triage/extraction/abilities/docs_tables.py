"""Pricing tables to be found by their geometry and read by what their cells contain.

Headerless ruled tables (cell rectangles, or one grid of lines), unruled tables whose
columns exist only as aligned words, unfamiliar header words, a period column, and a
table that breaks across pages. Amount columns and ramps are in ``docs_table_amounts``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "continued_table",
    "continued_unruled_table_with_positions",
    "headerless_grid_of_lines",
    "headerless_ruled_cells",
    "headerless_unruled_with_periods",
    "period_column",
    "unruled_aligned_columns",
    "unusual_header_words",
]


def headerless_ruled_cells() -> Order:
    """Each cell its own drawn rectangle, no header row: roles only from the cells."""
    s = Sheet(A4, font="Times-Roman", size=10)
    s.text(56, 50, "Brambleton Instruments Ltd", font="Times-Bold", size=15)
    s.text(56, 74, "Order BI-30417 for Ostrava Glassworks s.r.o.")
    s.text(56, 90, "Service period 1 April 2027 to 31 March 2028. Amounts in GBP.")
    rows = [
        ["BRM-CAL-01", "Calibration cloud, per device", "120", "310.00", "37,200.00"],
        ["BRM-ALR-02", "Alert routing add-on", "120", "45.50", "5,460.00"],
        ["BRM-TRN", "Operator training day", "2", "1,750.00", "3,500.00"],
    ]
    bottom = s.grid(56, 130, [90, 190, 55, 75, 85], rows, numeric=frozenset({2, 3, 4}))
    s.text(56, bottom + 20, "Order value GBP 46,160.00, exclusive of VAT.")
    lines = [
        {"sku": "BRM-CAL-01", "quantity": 120, "unit_price": D("310.00"), "net_amount": D("37200")},
        {"sku": "BRM-ALR-02", "quantity": 120, "unit_price": D("45.50"), "net_amount": D("5460")},
        {"sku": "BRM-TRN", "quantity": 2, "unit_price": D("1750"), "net_amount": D("3500")},
    ]
    return Order("headerless_ruled_cells", s.finish(), lines=lines, country="GB")


def headerless_grid_of_lines() -> Order:
    """A grid drawn as lines, columns in an unusual order: text, money, count, money, code."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(60, 48, "Corrigan Fleet Software, Inc.", font="Helvetica-Bold", size=14)
    s.text(60, 70, "Sales order CF-8830 - customer: Dunmore Haulage LLC - all prices in USD")
    rows = [
        ["Fleet telemetry seat", "88.00", "250", "22,000.00", "TLM-S"],
        ["Route optimiser module", "12,400.00", "1", "12,400.00", "TLM-RO"],
        ["Driver app seat", "19.00", "300", "5,700.00", "TLM-DA"],
    ]
    s.grid(60, 110, [170, 80, 50, 90, 70], rows, numeric=frozenset({1, 2, 3}), cells=False)
    lines = [
        {"sku": "TLM-S", "quantity": 250, "unit_price": D("88"), "net_amount": D("22000")},
        {"sku": "TLM-RO", "quantity": 1, "unit_price": D("12400"), "net_amount": D("12400")},
        {"sku": "TLM-DA", "quantity": 300, "unit_price": D("19"), "net_amount": D("5700")},
    ]
    return Order("headerless_grid_of_lines", s.finish(), lines=lines, country="US")


def unruled_aligned_columns() -> Order:
    """No lines at all: columns are words aligned over several rows; a percentage column."""
    s = Sheet(LETTER, font="Times-Roman", size=10)
    s.text(72, 60, "AQUAMERE SENSING LLC", font="Times-Bold", size=13)
    s.text(72, 80, "Order AQ-1187 / Customer: Tillman County Water District / USD")
    x_left = (72, 140)
    x_right = (350, 410, 450, 530)
    rows = [
        ("AQ-200", "Aquifer sensor licences", "64", "150.00", "5%", "9,120.00"),
        ("AQ-HUB", "Regional data hub", "3", "2,900.00", "0%", "8,700.00"),
        ("AQ-SVC", "Installation supervision", "1", "4,250.00", "10%", "3,825.00"),
    ]
    top = 120.0
    for row in rows:
        for x, words in zip(x_left, row[:2], strict=True):
            s.text(x, top, words)
        for x, words in zip(x_right, row[2:], strict=True):
            s.right(x, top, words)
        top += 16
    lines = [
        {"sku": "AQ-200", "quantity": 64, "unit_price": D("150"), "discount_pct": 5,
         "net_amount": D("9120")},
        {"sku": "AQ-HUB", "quantity": 3, "unit_price": D("2900"), "discount_pct": 0,
         "net_amount": D("8700")},
        {"sku": "AQ-SVC", "quantity": 1, "unit_price": D("4250"), "discount_pct": 10,
         "net_amount": D("3825")},
    ]  # fmt: skip
    return Order("unruled_aligned_columns", s.finish(), lines=lines, country="US")


def headerless_unruled_with_periods() -> Order:
    """No header, no rules, no codes: description, period, count, rate and net by content."""
    s = Sheet(A4, font="Times-Roman", size=9.5)
    s.text(60, 56, "Wrackham Acoustics Ltd", font="Times-Bold", size=14)
    s.text(60, 78, "Order WA-6120 for Harlow Concert Halls Trust - pounds sterling")
    rows = [
        ("Venue monitoring service", "01/07/2027 - 30/06/2028", "6", "2,150.00", "12,900.00"),
        ("Venue monitoring service", "01/07/2028 - 30/06/2029", "8", "2,150.00", "17,200.00"),
        ("Acoustic survey, one-off", "01/07/2027 - 31/07/2027", "1", "3,400.00", "3,400.00"),
    ]
    for index, (words, period, qty, rate, net) in enumerate(rows):
        top = 120 + index * 15
        s.text(60, top, words)
        s.text(215, top, period)
        for x, cell in ((390, qty), (460, rate), (535, net)):
            s.right(x, top, cell)
    lines = [
        {"description": "Venue monitoring service", "quantity": 6, "unit_price": D("2150"),
         "net_amount": D("12900"), "start_date": date(2027, 7, 1), "end_date": date(2028, 6, 30)},
        {"description": "Venue monitoring service", "quantity": 8, "unit_price": D("2150"),
         "net_amount": D("17200"), "start_date": date(2028, 7, 1), "end_date": date(2029, 6, 30)},
        {"description": "Acoustic survey, one-off", "quantity": 1, "unit_price": D("3400"),
         "net_amount": D("3400"), "start_date": date(2027, 7, 1), "end_date": date(2027, 7, 31)},
    ]  # fmt: skip
    return Order("headerless_unruled_with_periods", s.finish(), lines=lines, country="GB")


def unusual_header_words() -> Order:
    """Headers no vocabulary expects ('Offering', 'Seats', 'Rate', 'Charge'): roles by content."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(60, 50, "Pellucid Forms Inc. - Order PF-1009", font="Helvetica-Bold", size=13)
    s.text(60, 70, "Customer: Ironbridge Credit Union. USD. Twelve months from 1 May 2027.")
    rows = [
        ["Offering", "Seats", "Rate", "Charge"],
        ["Member onboarding forms", "90", "120.00", "10,800.00"],
        ["E-signature bundle", "90", "36.00", "3,240.00"],
    ]
    s.grid(60, 100, [200, 60, 90, 100], rows, numeric=frozenset({1, 2, 3}), row_height=20)
    lines = [
        {"description": "Member onboarding forms", "quantity": 90, "unit_price": D("120"),
         "net_amount": D("10800")},
        {"description": "E-signature bundle", "quantity": 90, "unit_price": D("36"),
         "net_amount": D("3240")},
    ]  # fmt: skip
    return Order("unusual_header_words", s.finish(), lines=lines, country="US")


def period_column() -> Order:
    """A column of date ranges gives each line its own start and end."""
    s = Sheet(A4, font="Helvetica", size=8)
    s.text(50, 50, "Hexmoor Data GmbH - Order HX-2027-044", font="Helvetica-Bold", size=12)
    s.text(50, 70, "Customer: Lindqvist Marine AB. Currency: EUR.", size=9)
    rows = [
        ["Ref", "Service", "Period", "Qty", "Rate", "Amount"],
        ["HX-CORE", "Core platform", "1 May 2027 - 30 April 2028", "80", "600.00", "48,000.00"],
        ["HX-CORE", "Core platform", "1 May 2028 \u2013 30 April 2029", "100", "600.00",
         "60,000.00"],
        ["HX-API", "API gateway allowance", "1 May 2027 - 30 April 2029", "1", "7,500.00",
         "15,000.00"],
    ]  # fmt: skip
    s.grid(50, 100, [60, 110, 130, 40, 60, 70], rows, numeric=frozenset({3, 4, 5}))
    lines = [
        {"sku": "HX-CORE", "quantity": 80, "net_amount": D("48000"),
         "start_date": date(2027, 5, 1), "end_date": date(2028, 4, 30)},
        {"sku": "HX-CORE", "quantity": 100, "net_amount": D("60000"),
         "start_date": date(2028, 5, 1), "end_date": date(2029, 4, 30)},
        {"sku": "HX-API", "quantity": 1, "unit_price": D("7500"), "net_amount": D("15000"),
         "start_date": date(2027, 5, 1), "end_date": date(2029, 4, 30)},
    ]  # fmt: skip
    return Order("period_column", s.finish(), lines=lines, country="DE")


def continued_table() -> Order:
    """A fee table that breaks onto page 2 under '(continued)' with its header repeated."""

    def decor(sheet: Sheet, page: int) -> None:
        sheet.text(50, 24, "Tarnwick Systems Inc. | Order TW-55120", size=7)
        sheet.text(480, 760, f"Page {page} of 2", size=7)

    s = Sheet(LETTER, font="Helvetica", size=9, decor=decor)
    s.text(50, 60, "Order Form TW-55120", font="Helvetica-Bold", size=14)
    s.text(50, 82, "Customer: Pellworth Insurance Group. Currency: USD. Term 1 Jan - 31 Dec 2027.")
    body = [
        ("TW-EDGE", "Edge node licence", "40", "1,100.00", "44,000.00"),
        ("TW-CORE", "Core orchestrator", "2", "18,500.00", "37,000.00"),
        ("TW-OBS", "Observability add-on", "40", "150.00", "6,000.00"),
        ("TW-BKP", "Backup vault, per TB", "25", "220.00", "5,500.00"),
        ("TW-SUP", "Premier support", "1", "12,000.00", "12,000.00"),
        ("TW-ONB", "Onboarding programme", "1", "8,000.00", "8,000.00"),
    ]
    header = ["Code", "Description", "Quantity", "Unit Price", "Net"]
    widths = [70, 200, 60, 80, 90]
    numeric = frozenset({2, 3, 4})
    s.text(50, 560, "Schedule 1 - Fees", font="Helvetica-Bold", size=11)
    s.grid(50, 580, widths, [header, *map(list, body[:4])], numeric=numeric)
    s.new_page()
    s.text(50, 60, "Schedule 1 - Fees (continued)", font="Helvetica-Bold", size=11)
    bottom = s.grid(50, 80, widths, [header, *map(list, body[4:])], numeric=numeric)
    s.text(50, bottom + 16, "Total fees USD 112,500.00")
    lines = [
        {"sku": sku, "quantity": int(qty), "unit_price": D(unit.replace(",", "")),
         "net_amount": D(net.replace(",", ""))}
        for sku, _, qty, unit, net in body
    ]  # fmt: skip
    return Order("continued_table", s.finish(), lines=lines, country="US")


_POSITIONS = [
    ("1", "Warehouse scanner licence", "60", "95.00", "5,700.00"),
    ("2", "Yard management module", "1", "8,800.00", "8,800.00"),
    ("3", "Label printing connector", "4", "450.00", "1,800.00"),
    ("4", "Cold-store sensor bundle", "12", "310.00", "3,720.00"),
    ("5", "Go-live assistance (days)", "3", "1,200.00", "3,600.00"),
]


def _position_rows(s: Sheet, top: float, rows: list[tuple[str, ...]]) -> float:
    s.text(60, top, "Pos.", font="Times-Bold")
    s.text(95, top, "Article", font="Times-Bold")
    for x, words in ((360, "Qty"), (440, "Price"), (530, "Total")):
        s.right(x, top, words, font="Times-Bold")
    for pos, article, qty, price, total in rows:
        top += 16
        s.right(75, top, pos)
        s.text(95, top, article)
        for x, words in ((360, qty), (440, price), (530, total)):
            s.right(x, top, words)
    return top + 16


def continued_unruled_table_with_positions() -> Order:
    """An unruled table split over two pages: 'continued overleaf', the header repeated,
    and a position-number column that is not the quantity."""

    def decor(sheet: Sheet, page: int) -> None:
        sheet.right(530, 30, f"Order GL-77031 - sheet {page}/2", size=7)

    s = Sheet(A4, font="Times-Roman", size=10, decor=decor)
    s.text(60, 60, "Granary Lane Logistics Software Ltd", font="Times-Bold", size=14)
    s.text(60, 82, "Customer: Fenland Fresh Produce Ltd. All prices in GBP, 12 months.")
    s.text(60, 600, "Price schedule", font="Times-Bold", size=11)
    bottom = _position_rows(s, 622, _POSITIONS[:3])
    s.text(60, bottom + 10, "continued overleaf", font="Times-Italic", size=8)
    s.new_page()
    s.text(60, 60, "Price schedule (continued)", font="Times-Bold", size=11)
    bottom = _position_rows(s, 82, _POSITIONS[3:])
    s.text(360, bottom + 6, "Grand total")
    s.right(530, bottom + 6, "23,620.00")
    lines = [
        {"description": article, "quantity": int(qty), "unit_price": D(price.replace(",", "")),
         "net_amount": D(total.replace(",", ""))}
        for _, article, qty, price, total in _POSITIONS
    ]  # fmt: skip
    return Order("continued_unruled_table_with_positions", s.finish(), lines=lines, country="GB")
