"""One cloud-service cover page filled in many ways (issue 12: a SaaS form "filled in 40 ways").

The form is the same on every document: key/value rows whose values are filled blanks
(typed over a line, between underscores, or inside brackets), choices made by ticking a
box or by striking out the words that do not apply, some rows left blank, and a pointer
to attached standard terms. What differs is how it is filled: which boxes are ticked,
which blanks are filled, fees per month or per year, term in months or years, payment
by invoice within N days or automatic, signed or not. Our own wording and names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D

from reportlab.pdfbase import pdfmetrics

from tests.triage.extraction.abilities.sheet import LETTER, Build, Order, Sheet

__all__ = ["COVER_FILLS", "cover_fill"]

_BILLING = (("Monthly", "monthly"), ("Quarterly", "quarterly"), ("Annually", "annual"))


@dataclass(frozen=True)
class Fill:
    """How one copy of the cover page was filled in."""

    name: str
    order_no: str
    customer: str
    provider: str
    order_date: str
    effective: str
    start: date
    term: int
    term_unit: str  # "months" or "years"
    fee: str  # as typed, e.g. "2,150.00"
    fee_per: str  # "month" or "year"
    billing: int  # index into _BILLING
    invoice_days: int | None  # None: automatic payment ticked
    renews: bool  # the other wording is struck out
    renewal_months: int | None  # None: blank left empty
    notice_days: int | None  # None: blank left empty
    signer: tuple[str, str, date] | None  # typed name, date as printed, date
    blanks: str  # "line", "underscores" or "brackets"
    mark: str  # "drawn" or "typed"
    country: str = "US"


def _width(s: Sheet, words: str) -> float:
    return float(pdfmetrics.stringWidth(words, s.font, s.size))


def _blank(s: Sheet, x: float, top: float, value: str | None, style: str, width: float) -> float:
    """Draw a blank filled with ``value`` (or left empty); return the x after it."""
    if style == "brackets":
        words = f"[ {value} ]" if value else "[          ]"
        s.text(x, top, words)
        return x + _width(s, words) + 4
    if style == "underscores":
        words = f"__{value}__" if value else "_" * 12
        s.text(x, top, words)
        return x + _width(s, words) + 4
    s.hline(x, x + width, top + s.size + 2, width=0.5)
    if value:
        s.text(x + 3, top, value)
    return x + width + 4


def _box(s: Sheet, x: float, top: float, on: bool, mark: str) -> float:
    if mark == "typed":
        words = "[X]" if on else "[  ]"
        s.text(x, top, words)
        return x + _width(s, words) + 4
    side = s.size * 0.9
    s.rect(x, top + 1, side, side)
    if on:
        s.cross(x, top + 1, side)
    return x + side + 5


def _struck(s: Sheet, x: float, top: float, words: str, strike: bool) -> float:
    s.text(x, top, words)
    w = _width(s, words)
    if strike:
        s.hline(x - 1, x + w + 1, top + s.size * 0.62, width=0.9)
    return x + w


def cover_fill(f: Fill) -> Order:
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(54, 40, "CLOUD SUBSCRIPTION COVER SHEET", font="Helvetica-Bold", size=13)
    s.text(
        54,
        58,
        "Complete each row. Tick one box where boxes are shown; strike out what does not apply.",
        size=7.5,
    )
    x0, top, step = 54.0, 84.0, 24.0

    def label(words: str) -> None:
        s.text(x0, top, words, font="Helvetica-Bold")

    rows = [("Order Form No.", f.order_no), ("Order Date", f.order_date), ("Customer", f.customer),
            ("Provider", f.provider), ("Effective Date", f.effective)]  # fmt: skip
    for words, value in rows:
        label(words)
        _blank(s, 170, top, value, f.blanks, 220)
        top += step
    label("Subscription Period")
    x = _blank(s, 170, top, str(f.term), f.blanks, 40)
    s.text(x, top, f"{f.term_unit}, beginning on the Effective Date")
    top += step
    label("Fees")
    s.text(170, top, "USD")
    x = _blank(s, 194, top, f.fee, f.blanks, 80)
    s.text(x, top, "per")
    x += 18
    for per in ("month", "year"):
        x = _box(s, x, top, f.fee_per == per, f.mark)
        s.text(x, top, per)
        x += 40
    top += step
    label("Billing")
    x = 170.0
    for index, (words, _value) in enumerate(_BILLING):
        x = _box(s, x, top, f.billing == index, f.mark)
        s.text(x, top, words)
        x += 62
    s.text(x, top, "in advance")
    top += step
    label("Payment Process")
    x = _box(s, 170, top, f.invoice_days is None, f.mark)
    s.text(x, top, "Automatic: charged to the card on file on each billing date")
    top += 16
    x = _box(s, 170, top, f.invoice_days is not None, f.mark)
    s.text(x, top, "Invoice: payable within")
    x = _blank(s, x + 100, top, str(f.invoice_days) if f.invoice_days else None, f.blanks, 34)
    s.text(x, top, "days of the invoice date")
    top += step
    label("Renewal")
    x = _struck(s, 170, top, "renews", not f.renews)
    x = _struck(s, x + 3, top, "/ does not renew", f.renews)
    s.text(x + 4, top, "automatically for further periods of")
    renewal = str(f.renewal_months) if f.renewal_months else None
    x = _blank(s, x + 152, top, renewal, f.blanks, 34)
    s.text(x, top, "months")
    top += step
    label("Non-Renewal Notice")
    s.text(170, top, "at least")
    notice = str(f.notice_days) if f.notice_days else None
    x = _blank(s, 204, top, notice, f.blanks, 34)
    s.text(x, top, "days before the current Subscription Period ends")
    top += step
    label("Customer PO")
    _blank(s, 170, top, None, f.blanks, 120)
    top += step + 8
    top = s.paragraph(
        x0, top,
        "This Cover Sheet and the Skylark Standard Cloud Terms, version 4.1 of 3 February 2025, "
        "attached as Exhibit A, form the agreement. Terms in capitals are defined there. The "
        "Provider keeps Customer Data confidential for five (5) years after termination.",
        chars=110, leading=12, size=8,
    ) + 20  # fmt: skip
    for column, (party, who) in enumerate(((f.provider, "PROVIDER"), (f.customer, "CUSTOMER"))):
        x = 54 + column * 270
        s.text(x, top, who, font="Helvetica-Bold")
        s.text(x, top + 13, party, size=8)
        signed = column == 0 or f.signer is not None
        name, when = ("Morgan Ellery", "14 Jan 2027") if column == 0 else (
            (f.signer[0], f.signer[1]) if f.signer else ("", ""))  # fmt: skip
        for offset, (cap, value) in enumerate((("Signature", f"/s/ {name}" if signed else ""),
                                               ("Name", name), ("Date", when))):  # fmt: skip
            line_top = top + 34 + offset * 22
            s.text(x, line_top, cap + ":", size=8)
            s.hline(x + 50, x + 230, line_top + 10, width=0.5)
            if value:
                s.text(x + 54, line_top, value)
    months = f.term * (12 if f.term_unit == "years" else 1)
    periods = months if f.fee_per == "month" else months // 12
    year, month = divmod(f.start.month - 1 + months, 12)
    end = date(f.start.year + year, month + 1, f.start.day)
    fields: dict[str, object] = {
        "order_number": f.order_no,
        "customer_legal_name": f.customer,
        "provider_legal_name": f.provider,
        "start_date": f.start,
        "term_months": months,
        "end_date": date.fromordinal(end.toordinal() - 1),
        "currency": "USD",
        "total_contract_value": D(f.fee.replace(",", "")) * periods,
        "billing_frequency": _BILLING[f.billing][1],
        "auto_renewal": f.renews,
        "renewal_term_months": f.renewal_months if f.renews else None,
        "renewal_notice_days": f.notice_days,
        "po_number": None,
        "customer_signatory": f.signer[0] if f.signer else None,
        "customer_signed_date": f.signer[2] if f.signer else None,
    }
    if f.invoice_days is not None:  # automatic payment states no period: not asserted
        fields["payment_terms_days"] = f.invoice_days
    fields["order_date"] = _ORDER_DATES[f.order_date]
    return Order(f.name, s.finish(), fields=fields, country=f.country)


_ORDER_DATES = {
    "January 12, 2027": date(2027, 1, 12),
    "2027-02-03": date(2027, 2, 3),
    "March 8, 2027": date(2027, 3, 8),
    "April 19, 2027": date(2027, 4, 19),
    "May 4, 2027": date(2027, 5, 4),
    "6 June 2027": date(2027, 6, 6),
    "July 21, 2027": date(2027, 7, 21),
}

_FILLS = (
    Fill(
        "cover_monthly_fee_invoice_net30_drawn",
        "CS-10412",
        "Larchmont Dental Group LLC",
        "Skylark Ledger Inc.",
        "January 12, 2027",
        "February 1, 2027",
        date(2027, 2, 1),
        12,
        "months",
        "2,150.00",
        "month",
        0,
        30,
        True,
        12,
        60,
        ("Priya Castellan", "January 14, 2027", date(2027, 1, 14)),
        "line",
        "drawn",
    ),
    Fill(
        "cover_annual_fee_years_automatic_typed",
        "CS-10577",
        "Bellweather Freight Co.",
        "Skylark Ledger Inc.",
        "2027-02-03",
        "2027-03-01",
        date(2027, 3, 1),
        2,
        "years",
        "48,600.00",
        "year",
        2,
        None,
        True,
        12,
        30,
        ("Tomasz Verhoeven", "2027-02-05", date(2027, 2, 5)),
        "underscores",
        "typed",
    ),
    Fill(
        "cover_unsigned_quarterly_net45",
        "CS-10630",
        "Quillfeather Publishing Corp.",
        "Skylark Ledger Inc.",
        "March 8, 2027",
        "April 1, 2027",
        date(2027, 4, 1),
        24,
        "months",
        "3,400.00",
        "month",
        1,
        45,
        True,
        24,
        90,
        None,
        "brackets",
        "drawn",
    ),
    Fill(
        "cover_no_renewal_notice_blank",
        "CS-10719",
        "Harrowgate Veterinary Partners PC",
        "Skylark Ledger Inc.",
        "April 19, 2027",
        "May 1, 2027",
        date(2027, 5, 1),
        1,
        "years",
        "19,900.00",
        "year",
        2,
        60,
        False,
        None,
        None,
        ("Odile Brannock", "April 22, 2027", date(2027, 4, 22)),
        "line",
        "typed",
    ),
    Fill(
        "cover_three_years_monthly_automatic",
        "CS-10804",
        "Marigold Transit Authority",
        "Skylark Ledger Inc.",
        "May 4, 2027",
        "June 15, 2027",
        date(2027, 6, 15),
        3,
        "years",
        "875.00",
        "month",
        0,
        None,
        True,
        36,
        45,
        ("Reuben Achterberg", "May 6, 2027", date(2027, 5, 6)),
        "brackets",
        "typed",
    ),
    Fill(
        "cover_eighteen_months_renewal_blank_net15",
        "CS-10866",
        "Ostrava Glassworks Ltd",
        "Skylark Ledger Inc.",
        "6 June 2027",
        "1 July 2027",
        date(2027, 7, 1),
        18,
        "months",
        "1,240.00",
        "month",
        1,
        15,
        True,
        None,
        30,
        ("Hana Kudrnova", "8 June 2027", date(2027, 6, 8)),
        "underscores",
        "drawn",
        "GB",
    ),
    Fill(
        "cover_unsigned_annual_net60_typed",
        "CS-10903",
        "Pemberton Hills School District",
        "Skylark Ledger Inc.",
        "July 21, 2027",
        "August 1, 2027",
        date(2027, 8, 1),
        36,
        "months",
        "27,300.00",
        "year",
        2,
        60,
        True,
        12,
        120,
        None,
        "line",
        "typed",
    ),
)


def _build(fill: Fill) -> Build:
    return lambda: cover_fill(fill)


COVER_FILLS: tuple[Build, ...] = tuple(_build(fill) for fill in _FILLS)
