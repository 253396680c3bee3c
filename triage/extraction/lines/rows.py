"""Line items known by their arithmetic: table rows with no header the reader understands.

A pricing row says what it is by its numbers: a count, a unit price and an amount with
count x price x (1 - discount) = amount (times the years of a stated period for a
subscription). A row of a table without header words ("BRM-CAL-01 Calibration cloud, per
device 120 310.00 37,200.00"), a monospaced printout whose columns are spaces, or a table
whose header cells name nothing known, is read this way: the numbers are tried in every
role, and only a row whose numbers agree is a line item. The words before the first number
are its code (when one looks like a product code) and description; a date range on the row
is its period.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from itertools import permutations

from triage.contract import ExtractedLineItem, LineKind
from triage.documents.parsed import Page, TextLine
from triage.extraction.layout.segments import evidence_for, split_line
from triage.extraction.lines.assemble import less_deduction, whole_months
from triage.extraction.lines.kinds import infer_kind
from triage.extraction.lines.skus import is_compound_word, looks_like_sku
from triage.extraction.normalise.dates import DATE_PATTERN, DateStyle, parse_date_range
from triage.extraction.normalise.money import amount_value, join_spaced_groups

__all__ = ["read_row_items"]

_NUMBER = re.compile(r"^[^\d\-]{0,4}(\d[\d.,' ]*\d|\d)(?:[^\d]{0,4})$")
_PERCENT = re.compile(r"^-?(\d{1,2}(?:[.,]\d+)?)\s*%$")
_SPACED_PERCENT = re.compile(r"(\d)\s+%")
_CENT = Decimal("0.01")
_TOTAL_WORDS = re.compile(r"\b(?:total|subtotal|sum|tax|vat|gst|balance|due)\b", re.IGNORECASE)


def _number(text: str) -> Decimal | None:
    match = _NUMBER.match(text)
    if not match:
        return None
    try:
        return amount_value(match.group(1))
    except (InvalidOperation, ValueError):
        return None


def _has_fraction(token: str) -> bool:
    """Whether a number is printed with decimals ("88.00", "1.234,50")."""
    return bool(re.search(r"[.,]\d{1,2}\D{0,4}$", token))


def _is_code(token: str) -> bool:
    text = token.strip(",;")
    if is_compound_word(text):
        return False  # "Scanner-Anbindung": an item's name, however it is hyphenated
    return looks_like_sku(text) and any(c.isdigit() or c in "-_/" for c in text)


def _agrees(
    quantity: Decimal, unit: Decimal, net: Decimal, discount: Decimal, years: Decimal
) -> bool:
    expected = quantity * unit * (1 - discount / 100) * years
    return abs(expected - net) <= max(_CENT, net * Decimal("0.0005"))


def _row(
    line: TextLine, page: int, index: int, style: DateStyle | None
) -> ExtractedLineItem | None:
    segments = split_line(line, page, index)
    if _TOTAL_WORDS.search(line.text) or len(segments) < 2:
        return None  # a total, or a sentence: a row parts its cells with gaps
    # amounts grouped by spaces ("1 550,00 EUR") are one figure of their cell; where that
    # reading agrees with no arithmetic, the words as printed are tried
    grouped = " ".join(
        w for seg in segments for w in join_spaced_groups([x.text for x in seg.words])
    )
    item = _read_row(grouped, line, page, index, style)
    if item is None and grouped != line.text:
        item = _read_row(line.text, line, page, index, style)
    return item


def _read_row(
    printed: str, line: TextLine, page: int, index: int, style: DateStyle | None
) -> ExtractedLineItem | None:
    text = _SPACED_PERCENT.sub(r"\1%", printed)  # "10 %" (French and German type) is "10%"
    start, end = parse_date_range(text, style)
    without_dates = DATE_PATTERN.sub(" ", text)
    tokens = without_dates.split()
    if len(tokens) > 1 and re.fullmatch(r"\d{1,2}[.)]?", tokens[0]):
        tokens = tokens[1:]  # the row's running number
    numbers = [(i, value) for i, t in enumerate(tokens) if (value := _number(t)) is not None]
    # A count is printed as a whole number; a price with its cents ("88.00" beside "250"):
    # where both readings agree (88 x 250 = 250 x 88), the whole number is the count.
    whole = {value for i, value in numbers if not _has_fraction(tokens[i])}
    percents = [Decimal(m.group(1).replace(",", ".")) for t in tokens if (m := _PERCENT.match(t))]
    if len(numbers) < 3:
        return None
    first = numbers[0][0]
    head = tokens[:first]
    if not head or not any(c.isalpha() for c in " ".join(head)):
        return None
    sku = head[0] if _is_code(head[0]) else None
    description = " ".join(head[1:] if sku else head).strip(" ,;-–—")
    tail = tokens[numbers[-1][0] + 1 :]
    if sku is None and len(tail) == 1 and _is_code(tail[0]):
        sku = tail[0]  # the code column printed last
    if not description:
        return None
    years = Decimal(whole_months(start, end)) / 12 if start and end else Decimal(1)
    values = [v for _, v in numbers[-4:]]
    discount = percents[0] if percents else Decimal(0)
    orders = sorted(permutations(values, 3), key=lambda trio: trio[0] not in whole)
    for quantity, unit, net in orders:
        if quantity != quantity.to_integral_value() or quantity <= 0 or net <= 0:
            continue
        if values.index(net) < values.index(unit):
            continue  # the amount comes after the price on a row, never before it
        for span in (years, Decimal(1)):
            if _agrees(quantity, unit, net, discount, span):
                kind = infer_kind(description, str(unit), True, start is not None)
                item = ExtractedLineItem(
                    sku=sku.strip(",;") if sku else None,
                    description=description,
                    kind=kind if kind is not LineKind.USAGE else LineKind.SUBSCRIPTION,
                    quantity=int(quantity),
                    unit_price=unit.quantize(_CENT),
                    discount_pct=float(discount),
                    net_amount=net.quantize(_CENT),
                    start_date=start,
                    end_date=end,
                    evidence=evidence_for([(page, index, w) for w in line.words]),
                )
                return item.model_copy(update={"confidence": 0.85})
    return None


# "-1,200.00", "(500.00)", or the sign after the number as ERP printouts set it ("4.320,00-")
_DEDUCTION = re.compile(
    r"(?:^|\s)(?:[-−–]\s?\D{0,4}(\d[\d.,']*)|\(\s?\D{0,4}(\d[\d.,']*)\s?\)"
    r"|(?:[^\d\s%]{1,4}\s?)?(\d[\d.,']*\d)[-−–])$"
)


def _deduction(line: TextLine) -> Decimal | None:
    """The amount a words-and-one-negative-figure line takes off ("Promotional credit
    (500.00)", "Discount 10% -1,200.00", "Rabatt 15,00 % 4.320,00-"), or None."""
    match = _DEDUCTION.search(line.text)
    head = line.text[: match.start()] if match else ""
    if not match or not any(c.isalpha() for c in head) or _TOTAL_WORDS.search(head):
        return None
    head = _SPACED_PERCENT.sub(r"\1%", head)  # "Rabatt 15,00 %": the percent, no figure
    if any(_number(t) is not None for t in DATE_PATTERN.sub(" ", head).split() if "%" not in t):
        return None  # the line has figures of its own: no bare deduction
    return _number(match.group(1) or match.group(2) or match.group(3))


def read_row_items(pages: Sequence[Page], style: DateStyle | None) -> list[ExtractedLineItem]:
    """Return the rows of the document whose numbers make them line items; a line right
    under one that only takes an amount off ("Promotional credit (500.00)") is its discount."""
    items: list[ExtractedLineItem] = []
    for page in pages:
        above: tuple[int, int] | None = None  # (line index, item index) of the last row read
        for index, line in enumerate(page.lines):
            item = _row(line, page.number, index, style)
            if item is not None:
                above = (index, len(items))
                items.append(item)
                continue
            deduction = _deduction(line) if above and above[0] == index - 1 else None
            if above is not None and deduction is not None:
                evidence = evidence_for([(page.number, index, w) for w in line.words])
                folded = less_deduction(items[above[1]], deduction, evidence)
                items[above[1]] = folded or items[above[1]]
            above = None
    return items
