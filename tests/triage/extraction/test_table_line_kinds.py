"""Which lines of a pricing table run over the order's term, and what kind of charge each is.

The documents are drawn with the abilities' ``Sheet`` (top-down positions) and read by the
shipped reader and extractor: a period cell in words ("One-time", "As scheduled"), a note
under a description naming its kind, a usage rate in a table that prints no periods, and a
product code with a tax word in it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from reportlab.lib.pagesizes import A4, LETTER

from tests.triage.extraction.abilities.sheet import Sheet
from triage.contract import ExtractedLineItem, LineKind
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor

Reader = Callable[[bytes], ParsedDocument]


def _lines(extractor: OrderExtractor, read_pdf: Reader, pdf: bytes) -> dict[str, ExtractedLineItem]:
    items = extractor.extract(read_pdf(pdf), country="US").line_items
    return {item.sku or "": item for item in items}


def _period_column_pdf() -> bytes:
    """A table with a service-period column: dates for the subscriptions, words for the rest."""
    s = Sheet(LETTER, font="Helvetica", size=8)
    s.text(50, 50, "Orrery Analytics Ltd - Order Form OA-55120", font="Helvetica-Bold", size=12)
    s.text(50, 80, "Start date: 01/04/2027        Contract term: 12 months")
    columns = ((50, "Code"), (120, "Description"), (300, "Service period"))
    for x, word in columns:
        s.text(x, 110, word, font="Helvetica-Bold")
    for x, word in ((410, "Qty"), (470, "Unit price"), (540, "Amount")):
        s.right(x, 110, word, font="Helvetica-Bold")
    rows = (
        ("ORA-SEAT", "Analyst seat", "01/04/2027 - 31/03/2028", "40", "900.00", "36,000.00"),
        ("ORA-IMPL", "Deployment package", "One-time", "1", "8,000.00", "8,000.00"),
        ("ORA-QBR", "Executive review meeting", "As scheduled", "4", "1,500.00", "6,000.00"),
        ("ORA-OVG", "Queries over allowance, per 1,000", "Monthly in arrears", "0", "3.10", "0"),
    )
    for index, (code, text, period, qty, unit, amount) in enumerate(rows):
        top = 126 + 16 * index
        s.text(50, top, code)
        s.text(120, top, text)
        s.text(300, top, period)
        for x, figure in ((410, qty), (470, unit), (540, amount)):
            s.right(x, top, figure)
    return s.finish()


def test_period_cell_in_words_says_the_line_is_not_sold_over_the_term(
    extractor: OrderExtractor, read_pdf: Reader
) -> None:
    lines = _lines(extractor, read_pdf, _period_column_pdf())
    seat = lines["ORA-SEAT"]
    assert seat.kind is LineKind.SUBSCRIPTION
    assert (seat.start_date, seat.end_date) == (date(2027, 4, 1), date(2028, 3, 31))
    one_off, review = lines["ORA-IMPL"], lines["ORA-QBR"]
    assert one_off.kind is LineKind.ONE_TIME
    assert review.kind is LineKind.SERVICE  # "As scheduled": delivered, not subscribed
    assert all(i.start_date is None and i.end_date is None for i in (one_off, review))
    assert review.net_amount == Decimal("6000.00")
    usage = lines["ORA-OVG"]
    assert usage.kind is LineKind.USAGE and usage.start_date is None


def _undated_table_pdf(period_in_description: bool) -> bytes:
    """A table printing no period column: a seat line, a committed block of credits whose
    note says it is an overage rate, a rate without quantity and a code with "GST" in it."""
    s = Sheet(A4, font="Times-Roman", size=9)
    s.text(60, 60, "Quillfeather Systems GmbH", font="Times-Bold", size=13)
    s.text(60, 90, "Quote Q-20931 / Order Form")
    for x, word in ((60, "Product Code"), (150, "Description")):
        s.text(x, 120, word, font="Times-Bold")
    for x, word in ((380, "Qty"), (440, "List Price"), (530, "Total")):
        s.right(x, 120, word, font="Times-Bold")
    seat = "Workspace seat"
    if period_in_description:
        seat += " 01.05.2027 - 30.04.2028"
    rows = (
        ("QFS-SEAT", seat, "120", "300.00", "36,000.00"),
        ("QFS-CRD", "Compute credits (per 1,000)", "200", "45.00", "9,000.00"),
        ("QFS-GST-25", "Guest pack (25 guests)", "6", "1,500.00", "9,000.00"),
        ("QFS-STOR", "Extra storage (per 100 GB-month)", "-", "12.00", "0.00"),
    )
    top = 138.0
    for code, text, qty, unit, amount in rows:
        s.text(60, top, code)
        s.text(150, top, text)
        for x, figure in ((380, qty), (440, unit), (530, amount)):
            s.right(x, top, figure)
        if code == "QFS-CRD":
            s.text(150, top + 10, "(overage rate; billed in arrears)", size=7)
            top += 10
        top += 16
    s.right(530, top + 10, "Total EUR 54,000.00")
    s.text(60, top + 40, "Start Date: 01.05.2027")
    s.text(60, top + 54, "End Date: 30.04.2028")
    s.text(60, top + 68, "Subscription Term: 12 Months")
    return s.finish()


def test_usage_rate_of_a_table_without_periods_runs_over_the_term(
    extractor: OrderExtractor, read_pdf: Reader
) -> None:
    lines = _lines(extractor, read_pdf, _undated_table_pdf(period_in_description=False))
    storage = lines["QFS-STOR"]
    assert storage.kind is LineKind.USAGE and storage.unit_price == Decimal("12.00")
    assert (storage.start_date, storage.end_date) == (date(2027, 5, 1), date(2028, 4, 30))


def test_usage_rate_stays_undated_where_the_table_prints_the_lines_periods(
    extractor: OrderExtractor, read_pdf: Reader
) -> None:
    lines = _lines(extractor, read_pdf, _undated_table_pdf(period_in_description=True))
    assert lines["QFS-SEAT"].start_date == date(2027, 5, 1)
    storage = lines["QFS-STOR"]
    assert storage.kind is LineKind.USAGE and storage.start_date is None


def test_note_under_a_description_names_its_kind_and_a_tax_word_in_a_code_is_no_total(
    extractor: OrderExtractor, read_pdf: Reader
) -> None:
    lines = _lines(extractor, read_pdf, _undated_table_pdf(period_in_description=False))
    credits = lines["QFS-CRD"]
    assert credits.kind is LineKind.USAGE  # named by the note in small type only
    assert (credits.quantity, credits.net_amount) == (200, Decimal("9000.00"))
    assert credits.description == "Compute credits (per 1,000)"
    guests = lines["QFS-GST-25"]
    assert (guests.quantity, guests.unit_price, guests.net_amount) == (
        6,
        Decimal("1500.00"),
        Decimal("9000.00"),
    )
