"""Line items read by their arithmetic and layout, on documents other than the ability
documents: other header words, years, fonts and positions, so the mechanisms (amount
columns by arithmetic, discount lines, positions by their sequence, year columns, counts
and prices in sentences) are held to more than one drawing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Sheet
from triage.contract import Extraction
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor

Read = Callable[[bytes, str], Extraction]


def _read(extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]) -> Read:
    return lambda pdf, country: extractor.extract(read_pdf(pdf), country=country)


def _lines(extraction: Extraction) -> list[tuple[object, ...]]:
    return [(i.quantity, i.unit_price, i.discount_pct, i.net_amount) for i in extraction.line_items]


def test_your_price_column_gives_the_discount_and_line_total_spans_three_years(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    s = Sheet(A4, font="Helvetica", size=8.5)
    s.text(50, 50, "Norrland Metrics AB - Order NM-441", font="Helvetica-Bold", size=12)
    s.text(50, 70, "Customer: Vesterby Kommune. Term: 36 months from 1 February 2028. EUR.")
    rows = [
        ["Product", "Quantity", "List price", "Net price", "Line total"],
        ["NM-OBS Observability seats", "40", "500.00", "400.00", "48,000.00"],
        ["NM-ARC Archive add-on", "2", "1,000.00", "1,000.00", "6,000.00"],
    ]
    s.grid(50, 100, [170, 60, 80, 80, 90], rows, numeric=frozenset({1, 2, 3, 4}))
    got = _lines(_read(extractor, read_pdf)(s.finish(), "SE"))
    assert got == [(40, D("500"), 20.0, D("48000")), (2, D("1000"), 0.0, D("6000"))]


def test_credit_lines_fold_into_their_own_product_only(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    s = Sheet(LETTER, font="Times-Roman", size=10)
    s.text(72, 60, "Harrowgate Cloud LLC - Order HC-2210", font="Times-Bold", size=13)
    s.text(72, 80, "Customer: Selby Mutual. USD. 12 months from 1 March 2027.")
    s.text(72, 110, "Item", font="Times-Bold")
    for x, word in ((340, "Units"), (430, "Each"), (530, "Line")):
        s.right(x, 110, word, font="Times-Bold")
    rows = [
        ("Harrowgate storage tier", "10", "1,000.00", "10,000.00"),
        ("Harrowgate backup", "4", "500.00", "2,000.00"),
        ("   Promotional credit", "", "", "(500.00)"),
    ]
    top = 130.0
    for words, qty, unit, amount in rows:
        s.text(72, top, words)
        for x, cell in ((340, qty), (430, unit), (530, amount)):
            if cell:
                s.right(x, top, cell)
        top += 16
    got = _lines(_read(extractor, read_pdf)(s.finish(), "US"))
    assert got == [(10, D("1000"), 0.0, D("10000")), (4, D("500"), 25.0, D("1500"))]


def test_column_counting_one_two_three_under_an_unknown_header_is_the_position(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(60, 60, "Kaltwasser IT GmbH - Order KI-5520", font="Helvetica-Bold", size=12)
    s.text(60, 80, "Customer: Brandt Bau AG. Amounts in EUR. 12 months.")
    s.text(60, 110, "Lfd", font="Helvetica-Bold")
    s.text(100, 110, "Leistung", font="Helvetica-Bold")
    for x, word in ((350, "Menge"), (430, "Preis"), (520, "Betrag")):
        s.right(x, 110, word, font="Helvetica-Bold")
    rows = [
        ("1", "Monitoring agents", "7", "120.00", "840.00"),
        ("2", "Log retention", "3", "300.00", "900.00"),
        ("3", "Alert routing", "5", "40.00", "200.00"),
    ]
    top = 128.0
    for pos, name, qty, price, amount in rows:
        s.right(70, top, pos)
        s.text(100, top, name)
        for x, cell in ((350, qty), (430, price), (520, amount)):
            s.right(x, top, cell)
        top += 15
    got = _read(extractor, read_pdf)(s.finish(), "DE")
    assert [(i.description, i.quantity, i.net_amount) for i in got.line_items] == [
        ("Monitoring agents", 7, D("840")),
        ("Log retention", 3, D("900")),
        ("Alert routing", 5, D("200")),
    ]


def test_three_year_columns_are_dated_from_the_start_when_no_term_is_stated(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(60, 50, "Brightwell Data Inc. - Order BW-88", font="Helvetica-Bold", size=12)
    s.text(60, 70, "Customer: Oakhurst Schools. Service commencing 1 April 2027. USD.")
    rows = [
        ["Product", "Qty", "Year 1", "Year 2", "Year 3"],
        ["BW-LMS Learning seats", "1000", "20,000.00", "22,000.00", "24,000.00"],
    ]
    s.grid(60, 100, [170, 50, 80, 80, 80], rows, numeric=frozenset({1, 2, 3, 4}))
    got = _read(extractor, read_pdf)(s.finish(), "US")
    assert [(i.net_amount, i.start_date, i.end_date) for i in got.line_items] == [
        (D("20000"), date(2027, 4, 1), date(2028, 3, 31)),
        (D("22000"), date(2028, 4, 1), date(2029, 3, 31)),
        (D("24000"), date(2029, 4, 1), date(2030, 3, 31)),
    ]


def test_sentence_naming_licences_and_a_price_each_is_a_line_with_its_net_over_the_term(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    s = Sheet(A4, font="Times-Roman", size=11)
    s.text(60, 60, "Glenmore Survey Systems Ltd", font="Times-Bold", size=14)
    s.paragraph(
        60,
        100,
        "We are pleased to confirm the order of Tayside Water Board for a term of two (2) "
        "years starting 1 May 2027. Tayside Water Board will license 30 field units of "
        "Glenmore Mapper at GBP 410.00 each per year, less 5%. Training is included.",
        chars=90,
        leading=15,
    )
    got = _lines(_read(extractor, read_pdf)(s.finish(), "GB"))
    assert got == [(30, D("410"), 5.0, D("23370"))]


def test_bullets_priced_per_month_and_each_take_their_net_from_the_term_in_months(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    s = Sheet(LETTER, font="Helvetica", size=10)
    s.text(72, 60, "Quarry Lane Software Inc.", font="Helvetica-Bold", size=15)
    s.text(72, 84, "Order QL-2207 - Customer: Beacon Hill Dental Group LLC")
    s.text(72, 100, "Subscription term: 24 months from 1 March 2027.")
    top = 130.0
    for words in (
        "120 seats of Quarry Scheduler at $45.00 per seat per month.",
        "Two onboarding workshops at US$2,000 each.",
    ):
        s.text(80, top, "-")
        top = s.paragraph(92, top, words, chars=80) + 4
    got = _lines(_read(extractor, read_pdf)(s.finish(), "US"))
    assert got == [(120, D("45"), 0.0, D("129600")), (2, D("2000"), 0.0, D("4000"))]


def test_reference_column_of_positions_beside_an_article_column_of_names(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    """Both headers name a code; the cells say one counts the rows and one names them."""
    s = Sheet(A4, font="Times-Roman", size=10)
    s.text(60, 60, "Marsh Lane Systems Ltd", font="Times-Bold", size=14)
    s.text(60, 82, "Customer: Fen Growers Ltd. GBP. Term: 12 months from 1 July 2027.")
    s.text(60, 622, "Ref", font="Times-Bold")
    s.text(95, 622, "Article", font="Times-Bold")
    for x, word in ((360, "Qty"), (440, "Price"), (530, "Total")):
        s.right(x, 622, word, font="Times-Bold")
    rows = [
        ("1", "Scanner licence", "60", "95.00", "5,700.00"),
        ("2", "Yard module", "1", "8,800.00", "8,800.00"),
        ("3", "Label connector", "4", "450.00", "1,800.00"),
        ("4", "Sensor bundle", "12", "310.00", "3,720.00"),
    ]
    top = 622.0
    for index, (pos, name, qty, price, total) in enumerate(rows):
        if index == 3:
            s.new_page()
            top = 60.0
        top += 16
        s.right(75, top, pos)
        s.text(95, top, name)
        for x, cell in ((360, qty), (440, price), (530, total)):
            s.right(x, top, cell)
    got = _read(extractor, read_pdf)(s.finish(), "GB")
    assert [(i.sku, i.description, i.quantity, i.net_amount) for i in got.line_items] == [
        (None, "Scanner licence", 60, D("5700")),
        (None, "Yard module", 1, D("8800")),
        (None, "Label connector", 4, D("1800")),
        (None, "Sensor bundle", 12, D("3720")),
    ]
