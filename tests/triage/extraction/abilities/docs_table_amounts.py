"""Amount columns that only arithmetic tells apart, discount lines, and year-column ramps.

"Total" / "Net Price" / "Extended" columns (quantity x unit price x (1 - discount) x years
= net), a discount printed as its own negative line under its product, and ramps printed
with years as columns that become one line per year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "discount_lines",
    "gross_total_beside_net",
    "ramp_years_as_columns",
    "ramp_years_two_products",
    "unit_net_beside_extended",
]


def gross_total_beside_net() -> Order:
    """'Total' is quantity x fee before discount; the net is the 'Net Price' column."""
    s = Sheet(LETTER, font="Helvetica", size=8.5)
    s.text(54, 50, "Ledgerix Ltd.", font="Helvetica-Bold", size=16)
    s.text(54, 74, "Order LX-5521 - Customer: Beaumont Orchards Ltd. - 12-month term - USD")
    rows = [
        ["Item", "Units", "Unit Fee", "Total", "Disc.", "Net Price"],
        ["LX-ANL Analytics seats", "40", "900.00", "36,000.00", "15%", "30,600.00"],
        ["LX-WH Warehouse connector", "2", "3,000.00", "6,000.00", "5%", "5,700.00"],
    ]
    s.grid(54, 100, [160, 50, 70, 80, 50, 80], rows, numeric=frozenset({1, 2, 3, 4, 5}))
    lines = [
        {"sku": "LX-ANL", "quantity": 40, "unit_price": D("900"), "discount_pct": 15,
         "net_amount": D("30600")},
        {"sku": "LX-WH", "quantity": 2, "unit_price": D("3000"), "discount_pct": 5,
         "net_amount": D("5700")},
    ]  # fmt: skip
    return Order("gross_total_beside_net", s.finish(), lines=lines, country="US")


def unit_net_beside_extended() -> Order:
    """'Net Price' is per unit after discount; 'Extended' is qty x net price x years."""
    s = Sheet(LETTER, font="Times-Roman", size=9)
    s.text(60, 50, "PROVABLE SYSTEMS CORP.", font="Times-Bold", size=14)
    s.text(60, 72, "Order PV-99120 for Wrenfield Credit Union. Term: 24 months from 1 July 2027.")
    rows = [
        ["Product", "Qty", "Price", "Net Price", "Extended"],
        ["PV-ENT Enterprise users", "150", "240.00", "204.00", "61,200.00"],
        ["PV-SSO Single sign-on pack", "1", "5,000.00", "5,000.00", "10,000.00"],
    ]
    s.grid(60, 100, [170, 50, 80, 80, 90], rows, numeric=frozenset({1, 2, 3, 4}), cells=False)
    lines = [
        {"sku": "PV-ENT", "quantity": 150, "unit_price": D("240"), "discount_pct": 15,
         "net_amount": D("61200")},
        {"sku": "PV-SSO", "quantity": 1, "unit_price": D("5000"), "discount_pct": 0,
         "net_amount": D("10000")},
    ]  # fmt: skip
    return Order("unit_net_beside_extended", s.finish(), lines=lines, country="US")


def discount_lines() -> Order:
    """Each discount is its own negative line under its product: one line item each."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(60, 50, "SentryMesh Networks Pty Ltd - Quote/Order SM-7304", size=12)
    s.text(60, 70, "Prepared for Coral Coast Councils. Prices in USD for a 12 month term.")
    s.text(60, 100, "Description", font="Helvetica-Bold")
    for x, word in ((330, "Qty"), (420, "Unit price"), (520, "Amount")):
        s.right(x, 100, word, font="Helvetica-Bold")
    s.hline(60, 525, 114)
    rows = [
        ("SentryMesh gateway licences", "25", "2,400.00", "60,000.00"),
        ("      Discount 12.5%", "", "", "-7,500.00"),
        ("SentryMesh premium support", "1", "9,000.00", "9,000.00"),
        ("      Less partner credit", "", "", "(900.00)"),
    ]
    top = 122.0
    for words, qty, unit, amount in rows:
        s.text(60, top, words)
        for x, cell in ((330, qty), (420, unit), (520, amount)):
            if cell:
                s.right(x, top, cell)
        top += 15
    s.hline(60, 525, top)
    s.text(360, top + 8, "Total USD")
    s.right(520, top + 8, "60,600.00")
    lines = [
        {"description": "SentryMesh gateway licences", "quantity": 25, "unit_price": D("2400"),
         "discount_pct": 12.5, "net_amount": D("52500")},
        {"description": "SentryMesh premium support", "quantity": 1, "unit_price": D("9000"),
         "discount_pct": 10, "net_amount": D("8100")},
    ]  # fmt: skip
    return Order("discount_lines", s.finish(), lines=lines, country="AU")


def _ramp_header(s: Sheet, top: float, years: int) -> None:
    s.text(60, top, "Product", font="Helvetica-Bold")
    s.right(290, top, "Users", font="Helvetica-Bold")
    for year in range(years):
        s.right(380 + 90 * year, top, f"Year {year + 1}", font="Helvetica-Bold")


def ramp_years_as_columns() -> Order:
    """Year 1 | Year 2 | Year 3 columns: one line per year with consecutive dates."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(60, 50, "Quillvale Software Inc. - Order QV-3101", font="Helvetica-Bold", size=13)
    s.text(60, 72, "Customer: Hartsdale Regional Health. Subscription term: 36 months")
    s.text(60, 86, "commencing 1 March 2027. Annual fees in USD, invoiced annually in advance.")
    _ramp_header(s, 116, 3)
    s.text(60, 134, "QV-PLAT Clinical platform")
    for x, words in ((290, "200"), (380, "96,000.00"), (470, "100,800.00"), (560, "105,600.00")):
        s.right(x, 134, words)
    starts = [date(2027, 3, 1), date(2028, 3, 1), date(2029, 3, 1)]
    ends = [date(2028, 2, 29), date(2029, 2, 28), date(2030, 2, 28)]
    lines = [
        {"sku": "QV-PLAT", "quantity": 200, "unit_price": D(price), "net_amount": D(net),
         "start_date": start, "end_date": end}
        for price, net, start, end in zip(
            ("480", "504", "528"), ("96000", "100800", "105600"), starts, ends, strict=True
        )
    ]  # fmt: skip
    return Order("ramp_years_as_columns", s.finish(), lines=lines, country="US")


def ramp_years_two_products() -> Order:
    """Two products over two year columns, ruled: four lines, each with its year's dates."""
    s = Sheet(A4, font="Courier", size=8)
    s.text(50, 50, "Ostwind Telematik AG / Auftrag - Order OT-7712", font="Courier-Bold", size=11)
    s.text(50, 70, "Customer: Brenner Logistik GmbH. Term 24 months from 1 January 2028. EUR.")
    rows = [
        ["Product", "Units", "Year 1", "Year 2"],
        ["OT-TRK Tracker licences", "500", "30,000.00", "36,000.00"],
        ["OT-MAP Map data feed", "1", "4,000.00", "4,000.00"],
    ]
    s.grid(50, 100, [190, 50, 90, 90], rows, numeric=frozenset({1, 2, 3}))
    y1 = {"start_date": date(2028, 1, 1), "end_date": date(2028, 12, 31)}
    y2 = {"start_date": date(2029, 1, 1), "end_date": date(2029, 12, 31)}
    lines = [
        {"sku": "OT-TRK", "quantity": 500, "net_amount": D("30000"), **y1},
        {"sku": "OT-TRK", "quantity": 500, "net_amount": D("36000"), **y2},
        {"sku": "OT-MAP", "quantity": 1, "net_amount": D("4000"), **y1},
        {"sku": "OT-MAP", "quantity": 1, "net_amount": D("4000"), **y2},
    ]
    return Order("ramp_years_two_products", s.finish(), lines=lines, country="DE")
