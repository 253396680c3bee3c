"""OCR-read line items: doubtful digits checked by arithmetic, the total and the order's dates.

A line read on a scan is capped by the recognition confidence of the words that carry its
values; a value an independent check confirms (quantity x price x (1 - discount) x years =
net, the nets add up to the total, the dates are the order's own or meet a neighbouring
period) is trusted at CHECKED_TRUST, and a check that fails leaves the doubt in place.
The pages are drawn here: one OCR page whose words sit in one row of a table.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

from triage.contract import Evidence, ExtractedLineItem
from triage.documents.parsed import Page, ParsedDocument, TextLine, Word
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor
from triage.extraction.lines.checked import CHECKED_TRUST, line_ceilings

ROW = (40.0, 100.0, 560.0, 112.0)
CASES = Path(__file__).resolve().parents[3] / "samples" / "cases"


def _row(*cells: tuple[str, float], source: str = "ocr", top: float = 100.0) -> Page:
    """A page with one row of words, one a cell, each with its recognition confidence."""
    words = tuple(
        Word(text, 50.0 + 60 * i, top + 2, 50.0 + 60 * i + 40, top + 10, confidence)
        for i, (text, confidence) in enumerate(cells)
    )
    return Page(1, 612.0, 792.0, lines=(TextLine(words),), source=source)


def _document(page: Page) -> ParsedDocument:
    return ParsedDocument("0" * 64, "scan.pdf", (page,))


def _item(**values: object) -> ExtractedLineItem:
    fields = {"sku": "FJD-CONN", "quantity": 2, "unit_price": Decimal("3600.00")}
    fields |= {"discount_pct": 18.0, "net_amount": Decimal("5904.00")}
    fields |= {"start_date": date(2027, 8, 1), "end_date": date(2028, 7, 31)}
    evidence = [Evidence(page=1, bbox=ROW, text="row")]
    return ExtractedLineItem(**(fields | values), confidence=0.9, evidence=evidence)


# Row number, SKU, dates, quantity, unit price, discount, net price per unit, net.
CELLS = (
    ("1", 0.71),
    ("FJD-CONN", 0.93),
    ("2027-08-01", 0.25),
    ("2028-07-31", 0.83),
    ("2", 0.55),
    ("3.600,00", 0.55),
    ("18%", 0.8),
    ("2.952,00", 0.3),
    ("5.904,00", 0.85),
)
KNOWN = {date(2027, 8, 1), date(2028, 7, 31)}


def test_a_line_whose_arithmetic_and_dates_check_is_trusted_despite_doubtful_digits() -> None:
    document = _document(_row(*CELLS))
    (ceiling,) = line_ceilings(document, [_item()], None, KNOWN)
    assert ceiling == CHECKED_TRUST


def test_a_line_whose_arithmetic_fails_keeps_its_doubtful_digits() -> None:
    # The net read as 5,094.00 (a 9 and a 0 swapped): 2 x 3,600 less 18 % is not it.
    cells = tuple(("5.094,00", 0.85) if text == "5.904,00" else (text, c) for text, c in CELLS)
    item = _item(net_amount=Decimal("5094.00"))
    (ceiling,) = line_ceilings(_document(_row(*cells)), [item], None, KNOWN)
    assert ceiling == 0.55  # the quantity's and unit price's own recognition


def test_dates_not_read_elsewhere_keep_their_doubt() -> None:
    (ceiling,) = line_ceilings(_document(_row(*CELLS)), [_item()], None, set())
    assert ceiling == 0.25  # the start date's recognition: nothing else says 2027-08-01


def test_the_nets_adding_up_to_the_total_check_the_net_but_not_the_quantity() -> None:
    # No unit price read: the arithmetic cannot be done; the total still checks the net.
    cells = (("2", 0.4), ("5.904,00", 0.3))
    item = _item(unit_price=None, discount_pct=None, start_date=None, end_date=None)
    document = _document(_row(*cells))
    assert line_ceilings(document, [item], Decimal("5904.00")) == [0.4]
    assert line_ceilings(document, [item], Decimal("5905.00")) == [0.3]


def test_digits_that_carry_no_value_count_only_while_a_value_is_missing() -> None:
    # The row number "7" is no value of the line: once all values are read it is left out;
    # with the quantity missing, it may be the misread quantity, and its doubt stays.
    cells = (("7", 0.2), ("2", 0.88), ("3.600,00", 0.88), ("7.200,00", 0.88))
    item = _item(discount_pct=None, net_amount=Decimal("7200.00"), start_date=None, end_date=None)
    document = _document(_row(*cells))
    assert line_ceilings(document, [item]) == [CHECKED_TRUST]
    assert line_ceilings(document, [item.model_copy(update={"quantity": None})]) == [0.2]


def test_ramp_periods_that_meet_check_each_others_dates() -> None:
    first = _row(("2027-08-01", 0.9), ("2028-07-31", 0.2), ("2", 0.9), ("7.200,00", 0.9))
    second = _row(("2028-08-01", 0.2), ("2029-07-31", 0.9), ("2", 0.9), ("7.200,00", 0.9), top=120)
    page = dataclasses.replace(first, lines=first.lines + second.lines)
    lower = Evidence(page=1, bbox=(40.0, 120.0, 560.0, 132.0), text="row")
    common = {"unit_price": Decimal("3600.00"), "discount_pct": None}
    common |= {"net_amount": Decimal("7200.00"), "sku": None}
    items = [
        _item(**common),
        _item(**common, start_date=date(2028, 8, 1), end_date=date(2029, 7, 31)).model_copy(
            update={"evidence": [lower]}
        ),
    ]
    assert line_ceilings(_document(page), items, None, {date(2027, 8, 1)}) == [0.95, 0.2]
    # The last period's end is the order's end date: now every date is checked.
    known = {date(2027, 8, 1), date(2029, 7, 31)}
    assert line_ceilings(_document(page), items, None, known) == [0.95, 0.95]


def test_text_layer_lines_are_not_capped() -> None:
    page = _row(*CELLS, source="text")
    assert line_ceilings(_document(page), [_item(net_amount=Decimal("1.00"))]) == [1.0]


def test_an_ocr_read_table_with_doubtful_digits_keeps_its_lines_above_review() -> None:
    # A sample order's text layer, every word marked as recognised by OCR, every digit
    # doubted (0.3): its lines add up, so none falls to the review threshold (0.5); a net
    # that no longer adds up does.
    extractor = OrderExtractor.load(CASES.parents[1] / "models")
    document = parse_pdf(
        (CASES / "case-0002" / "order.pdf").read_bytes(), "order.pdf", max_pages=20
    )

    def as_scan(doc: ParsedDocument, spoil: dict[str, str]) -> ParsedDocument:
        pages = []
        for page in doc.pages:
            lines = tuple(
                TextLine(
                    tuple(
                        dataclasses.replace(
                            w,
                            text=spoil.get(w.text, w.text),
                            confidence=0.3 if any(c.isdigit() for c in w.text) else 0.97,
                        )
                        for w in line.words
                    )
                )
                for line in page.lines
            )
            pages.append(dataclasses.replace(page, lines=lines, source="ocr"))
        return dataclasses.replace(doc, pages=tuple(pages))

    text_items = extractor.extract(document).line_items
    scanned = extractor.extract(as_scan(document, {})).line_items
    assert [i.net_amount for i in scanned] == [i.net_amount for i in text_items]
    priced = [item for item in scanned if item.quantity]
    assert len(priced) >= 3 and all(item.confidence >= 0.5 for item in priced)
    # A usage line of quantity 0 and net 0: any price gives them, so its price stays doubtful.
    unused = [item for item in scanned if item.quantity == 0]
    assert all(item.net_amount == 0 and item.confidence <= 0.3 for item in unused)
    # The first line's net misread with its last digit a 9 (18,450 -> 18,459).
    net = text_items[0].net_amount
    assert net is not None
    spoil = {f"{n:,{f}}": f"{n + 9:,{f}}" for n in (int(net), net) for f in ("", ".2f")}
    spoiled = [
        item
        for item in extractor.extract(as_scan(document, spoil)).line_items
        if item.net_amount == net + 9
    ]
    assert spoiled and all(item.confidence <= 0.3 for item in spoiled)
