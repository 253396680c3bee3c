"""Line items described in running text: bullets, lettered lists and sentences of a letter.

"36 terabytes of Managed storage (product code TSD-STO-TB) at US$910.00 per terabyte per
annum, amounting to US$32,760.00", "(a) 24x7 Premium Support [OST-SUP-247], at an annual
fee of USD 13,500.00", "Payroll implementation, for a one-off fee of GBP 26,500.00".

A list item (or a sentence outside a list) is a line item when it prices something and
is not a statement of totals. Its terms are read by what they are, in any order: a count
of units opening it ("36 terabytes of", "Ten (10) days of"), a product code in brackets or
after "product code", the amount after a price cue ("at", "fee of", "rate of"), the amount
after "amounting to", a discount ("less 10 %", "a discount of 5%"), a period. A priced
item with no count is one unit; a one-off fee's amount is its net amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from triage.contract import ExtractedLineItem, LineKind
from triage.extraction.fields.blocks import TextBlock, block_of
from triage.extraction.layout.segments import LIST_MARK, PlacedWord, evidence_for
from triage.extraction.lexicon_data import load_lexicon
from triage.extraction.lines.assemble import line_confidence
from triage.extraction.normalise.dates import DateStyle, parse_date_range
from triage.extraction.normalise.money import AMOUNT_PATTERN, amount_value
from triage.extraction.normalise.numbers import NUMBER_WORDS, words_to_number
from triage.extraction.normalise.terms import parse_percent

__all__ = ["read_described_items"]

_MARKER = re.compile(rf"^\s*{LIST_MARK}\s+")
_CODE = r"[A-Z][A-Z0-9]*(?:[-_/.][A-Z0-9]+)+"
_SKU = re.compile(
    rf"(?:\b(?:product|item|part|service)\s+(?:code|no\.?|number)|\bcode|\bsku)\s*:?\s*({_CODE})"
    rf"|\[\s*({_CODE})\s*\]|\(\s*({_CODE})\s*\)"
)
_WORDS = load_lexicon().prose_line_words


def _alternatives(phrases: tuple[str, ...]) -> str:
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len)[::-1])


_COUNT = re.compile(
    rf"^(?:(?:{_alternatives(_WORDS['count_lead'])})\s+)?(?:(?P<digits>\d[\d,]*)|(?P<words>[A-Za-z\-]+(?:\s+[A-Za-z\-]+)?)\s*\((?P<inner>\d[\d,]*)\))"
    r"\s+(?P<unit>[A-Za-z\-]+(?:\s+[A-Za-z\-]+)?)\s+of\s+",
)
# "For the period from 15th December 2027 to 14th December 2028, 975 employees of ..."
_LEADING_PERIOD = re.compile(
    r"^\s*(?:for\s+)?(?:the\s+)?(?:period\s+)?from\s+.{4,60}?\bto\b\s+.{4,40}?\b\d{4}\s*,\s*",
    re.I,
)  # (the dates may hold commas of their own: "from October 10, 2027 to October 9, 2028, ")
_PRICE_CUE = re.compile(
    r"\b(?:at|(?:annual|monthly|one[\s\-]off|one[\s\-]time|fixed|flat|platform)?\s*fee\s+of|"
    r"rate\s+of|price\s+of|priced\s+at|charged\s+at|cost\s+of|of)\s+(?:an?\s+)?",
    re.IGNORECASE,
)
# An amount followed by "per user", "each": a price per unit, with or without a cue before it.
_PER_UNIT = re.compile(rf"\s*(?:(?:{_alternatives(_WORDS['per_unit'])})\b|/\s*[a-z])", re.I)
# A count inside a sentence: "calculated on 75 named users at GBP 640.00", "... for 250
# named users of Kontor Planner" (the units in lower case, then a price or a product name).
_COUNT_WITHIN = re.compile(
    r"(?<![\d.,])\b(?P<digits>\d[\d,]*)\s+(?P<unit>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\s+"
    r"(?:(?:at|@)\s+(?:[A-Z]{2,3}\$?\s?|[^\w\s]{1,2}\s?)?\d|of\s+(?:the\s+)?(?P<product>[A-Z]))"
)
_NET_CUE = re.compile(
    r"\b(?:amounting\s+to|net\s+amount\s+of|for\s+a\s+total\s+of|total(?:ling)?\s+of|in\s+total)\s+",
    re.IGNORECASE,
)
# "less 10 %", "less a discount of twelve per cent (12%)", "subject to a discount of 5%",
# or "15% discount"; the percentage itself in any form parse_percent reads.
_DISCOUNT_CUE = re.compile(
    r"\b(?:less|discount(?:ed)?\s+(?:of|by)|subject\s+to\s+a\s+discount\s+of)\s+"
    r"(?:an?\s+)?(?:discount\s+of\s+)?",
    re.IGNORECASE,
)
_DISCOUNT_AFTER = re.compile(r"(\d+(?:[.,]\d+)?)\s*%\s+discount", re.IGNORECASE)


def _discount(text: str) -> float:
    """The discount the item states, in per cent (0 when it states none)."""
    for cue in _DISCOUNT_CUE.finditer(text):
        percent = parse_percent(text[cue.end() : cue.end() + 40])
        if percent is not None and 0 <= percent <= 100:
            return percent
    after = _DISCOUNT_AFTER.search(text)
    return float(after.group(1).replace(",", ".")) if after else 0.0


_ORDINALS = {word: year for year, word in enumerate(_WORDS["year_ordinals"], start=1)}
# A step of a ramp: "50 users in the first year", "thirty-five (35) sites in the second".
_RAMP_STEP = re.compile(
    r"(?:[A-Za-z\-]+\s*\((?P<inner>\d[\d,]*)\)|(?<![\d.,])(?P<digits>\d[\d,]*))"
    r"(?:\s+(?P<unit>[a-z][a-z\-]*))?\s+in\s+the\s+(?P<ordinal>"
    + "|".join(map(re.escape, sorted(_ORDINALS, key=len, reverse=True)))
    + r")\b",
    re.IGNORECASE,
)
_PER_UNIT_WORD = re.compile(r"\s*per\s+(?P<unit>[a-z][a-z\-]*)", re.IGNORECASE)


def _ramp_steps(text: str) -> tuple[list[int], str | None]:
    """The counts of a ramp stated year by year ("for 20 sites in the first contract year,
    35 sites in the second and 50 in the third"), in year order, and their unit; none
    unless the years run 1, 2, ... with a count each."""
    steps = [
        (
            _ORDINALS[m.group("ordinal").lower()],
            int((m.group("inner") or m.group("digits")).replace(",", "")),
            m.group("unit"),
        )
        for m in _RAMP_STEP.finditer(text)
    ]
    if len(steps) < 2 or [year for year, _, _ in steps] != list(range(1, len(steps) + 1)):
        return [], None
    unit = next((u for _, _, u in steps if u), None)
    return [count for _, count, _ in steps], unit


def _priced_per(text: str, unit: str | None) -> Decimal | None:
    """The amount priced per ``unit`` ("EUR 1.800,00 per site" for "sites")."""
    for amount in AMOUNT_PATTERN.finditer(text):
        per = _PER_UNIT_WORD.match(text, amount.end())
        if (amount.group("pre") or amount.group("post")) and per:
            word = per.group("unit").lower()
            if unit is None or unit.lower().startswith(word) or word.startswith(unit.lower()):
                return amount_value(amount.group("num"))
    return None


def _ramp_items(
    counts: list[int], name: str, price: Decimal, text: str, words: tuple[PlacedWord, ...]
) -> list[ExtractedLineItem]:
    """One subscription line per year of a ramp; the order's term gives each its year."""
    discount_pct = _discount(text)
    items = []
    for count in counts:
        item = ExtractedLineItem(
            sku=_sku(text),
            description=name,
            kind=LineKind.SUBSCRIPTION,
            quantity=count,
            unit_price=price,
            discount_pct=discount_pct,
            net_amount=None,
            evidence=evidence_for(words),
        )
        confidence = min(0.8, line_confidence(item, bool(discount_pct)))
        items.append(item.model_copy(update={"confidence": confidence}))
    return items


_TOTALS = re.compile(r"\btotal\s+(?:contract\s+value|fees|value|amount|price)\b", re.IGNORECASE)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS - {"a", "an"}, key=len, reverse=True))
_DESCRIPTION_END = re.compile(
    r"\s*(?:\(|\[|,|;|:|\s+at\s+|\s+of\s+(?=\S*\d)|\s+for\s+"
    r"|\s+(?:will|shall|is|are)\s+)"  # "a workshop will be delivered for ..."
)
# A short opening phrase before the item's subject: "In addition, a single workshop ..."
# (not a counted item itself: "One onboarding package, a fixed fee of ...").
_OPENER = re.compile(
    rf"^(?!(?i:{_NUMBER_WORD}|the)\b)[A-Z][a-z]*(?:\s+[a-z]+){{0,2}},\s+"
    r"(?=(?:an?|the|one|single)\s)"
)
_ONE_TIME = re.compile(r"one[\s\-]?off|one[\s\-]?time|on\s+signature|set[\s\-]?up\s+fee", re.I)
_USAGE = re.compile(
    r"in\s+excess\s+of|\boverage|as\s+incurred|\bper\s+\w+\s+used|usage|consumption"
    r"|\babove\s+the\s+(?:included|committed|contracted|agreed)",
    re.I,
)
_SERVICE = re.compile(r"\b(?:days?|hours?)\s+of\b|consulting|training|workshop", re.I)
_RECURRING = re.compile(
    r"per\s+(?:annum|year|month|quarter)|annual|monthly\s+fee|for\s+the\s+", re.I
)


_MARK_WORD = re.compile(rf"^{LIST_MARK}$")


def _split_at_markers(block: TextBlock) -> list[TextBlock]:
    """Split a paragraph where one of its lines opens with a list marker, and where a line
    after a list item starts left of the item's marker again (the paragraph goes on)."""
    pieces: list[list[PlacedWord]] = [[]]
    line_key: tuple[int, int] | None = None
    marker_x: float | None = None  # left edge of the list item being read
    for placed in block.words:
        key = (placed[0], placed[1])
        word = placed[2]
        if key != line_key and pieces[-1]:
            if _MARK_WORD.match(word.text):
                pieces.append([])
                marker_x = word.x0
            elif marker_x is not None and word.x0 < marker_x - 2.0:
                pieces.append([])
                marker_x = None
        elif not pieces[-1] and _MARK_WORD.match(word.text):
            marker_x = word.x0
        line_key = key
        pieces[-1].append(placed)
    return [block_of(piece) for piece in pieces if piece] if len(pieces) > 1 else [block]


def _list_items(blocks: Sequence[TextBlock]) -> Iterator[tuple[str, tuple[PlacedWord, ...]]]:
    """Yield list items (a marked block with the unmarked blocks that continue it) and the
    sentences of unmarked blocks, each with its words."""
    pending: list[TextBlock] = []
    for block in (piece for whole in blocks for piece in _split_at_markers(whole)):
        if _MARKER.match(block.text):
            if pending:
                yield _joined(pending)
            pending = [block]
        elif pending and not pending[-1].text.rstrip().endswith((".", ";", ":")):
            pending.append(block)
        else:
            if pending:
                yield _joined(pending)
                pending = []
            yield from _sentences(block)
    if pending:
        yield _joined(pending)


# A sentence ends at a full stop, semicolon or mark followed by a space (not the point of
# "640.00"); it may hold one priced item of a letter's fee paragraph.
_SENTENCE = re.compile(r"(?:[^.;!?]|[.;!?](?!\s))+(?:[.;!?]+|$)")


def _sentences(block: TextBlock) -> Iterator[tuple[str, tuple[PlacedWord, ...]]]:
    """Yield each sentence of an unmarked block with its words (the block when it is one)."""
    found = [m for m in _SENTENCE.finditer(block.text) if m.group(0).strip()]
    if len(found) <= 1:
        yield block.text, block.words
        return
    for match in found:
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        yield match.group(0).strip(), block.words_between(start, match.end())


def _joined(blocks: list[TextBlock]) -> tuple[str, tuple[PlacedWord, ...]]:
    text = " ".join(b.text for b in blocks)
    return _MARKER.sub("", text, count=1), tuple(w for b in blocks for w in b.words)


def _money_after(cue: re.Pattern[str], text: str) -> Decimal | None:
    for match in cue.finditer(text):
        amount = AMOUNT_PATTERN.match(text, match.end())
        if amount and (amount.group("pre") or amount.group("post")):
            return amount_value(amount.group("num"))
    return None


def _price_per_unit(text: str) -> Decimal | None:
    """The amount that a per-unit word follows ("€ 84,00 per user per year")."""
    for amount in AMOUNT_PATTERN.finditer(text):
        if (amount.group("pre") or amount.group("post")) and _PER_UNIT.match(text, amount.end()):
            return amount_value(amount.group("num"))
    return None


def _priced_amounts(text: str) -> int:
    return sum(1 for m in AMOUNT_PATTERN.finditer(text) if m.group("pre") or m.group("post"))


def _sku(text: str) -> str | None:
    match = _SKU.search(text)
    return next((g for g in match.groups() if g), None) if match else None


_SPELLED_COUNT = re.compile(
    rf"^(?:(?:{_alternatives(_WORDS['count_lead'])})\s+)?(?:an?\s+)?"
    rf"(?P<number>(?:(?:{_NUMBER_WORD})[\s\-]+)+)(?=(?-i:[a-z]))",
    re.IGNORECASE,
)


def _description(text: str) -> tuple[str, int | None]:
    """Return the item's product name and its count of units (None if none is stated)."""
    text = _OPENER.sub("", _LEADING_PERIOD.sub("", text))
    count = _COUNT.match(text)
    quantity: int | None = None
    rest = text
    within = None if count else _COUNT_WITHIN.search(text)
    if count:
        number = count.group("digits") or count.group("inner")
        quantity = int(number.replace(",", ""))
        rest = text[count.end() :]
    elif within:
        quantity = int(within.group("digits").replace(",", ""))
        if within.group("product"):
            rest = text[within.start("product") :]
    rest = re.sub(r"^(?:the|an?)\s+", "", rest, flags=re.IGNORECASE)
    spelled = _SPELLED_COUNT.match(rest)
    if spelled:  # "for one data migration", "Two onboarding workshops at US$2,000 each"
        rest = rest[spelled.end() :]
        if quantity is None:
            quantity = words_to_number(spelled.group("number").lower())
    end = _DESCRIPTION_END.search(rest)
    name = (rest[: end.start()] if end else rest).strip(" -–—")
    return name, quantity


def _kind(text: str, quantity: int | None) -> LineKind:
    if _USAGE.search(text) and not quantity:
        return LineKind.USAGE
    if _ONE_TIME.search(text):
        return LineKind.ONE_TIME
    if _SERVICE.search(text):
        return LineKind.SERVICE
    return LineKind.SUBSCRIPTION if _RECURRING.search(text) else LineKind.ONE_TIME


def _item(
    text: str, words: tuple[PlacedWord, ...], style: DateStyle | None
) -> ExtractedLineItem | None:
    if _TOTALS.search(text) or not _priced_amounts(text):
        return None
    name, quantity = _description(text)
    if not name or len(name.split()) > 10 or not name[:1].isalnum():
        return None
    unit_price = _money_after(_PRICE_CUE, text)
    if unit_price is None:
        unit_price = _price_per_unit(text)
    net_amount = _money_after(_NET_CUE, text)
    if unit_price is None and net_amount is None:
        return None
    discount_pct = _discount(text)
    kind = _kind(text, quantity)
    if quantity is None:
        quantity = 0 if kind is LineKind.USAGE else 1
    if net_amount is None and kind is LineKind.USAGE:
        net_amount = Decimal("0.00")
    elif net_amount is None and kind in (LineKind.ONE_TIME, LineKind.SERVICE) and unit_price:
        net_amount = (unit_price * quantity * Decimal(str(1 - discount_pct / 100))).quantize(
            Decimal("0.01")
        )
    start, end = parse_date_range(text, style)
    item = ExtractedLineItem(
        sku=_sku(text),
        description=name,
        kind=kind,
        quantity=quantity,
        unit_price=unit_price if unit_price is not None else net_amount,
        discount_pct=discount_pct,
        net_amount=net_amount,
        start_date=start,
        end_date=end,
        evidence=evidence_for(words),
    )
    return item.model_copy(
        update={"confidence": min(0.85, line_confidence(item, bool(discount_pct)))}
    )


def read_described_items(
    blocks: Sequence[TextBlock], style: DateStyle | None
) -> list[ExtractedLineItem]:
    """Return the line items that bullets, list items and sentences describe one by one."""
    items: list[ExtractedLineItem] = []
    ramp: tuple[list[int], str | None, str, str, tuple[PlacedWord, ...]] | None = None
    for text, words in _list_items(blocks):
        counts, unit = _ramp_steps(text)
        if counts:
            name = _description(text)[0]
            price = _priced_per(text, unit)
            if price is not None and name:
                items += _ramp_items(counts, name, price, text, words)
                ramp = None
                continue
            ramp = (counts, unit, name, text, words) if name else None
            continue
        if ramp is not None:
            # A ramp's counts, then its price in the next sentence ("The charge is EUR
            # 1.800,00 per site per contract year"): the price belongs to the ramp.
            price = _priced_per(text, ramp[1])
            if price is not None and _description(text)[1] is None:
                items += _ramp_items(ramp[0], ramp[2], price, ramp[3] + " " + text, ramp[4] + words)
                ramp = None
                continue
            ramp = None
        item = _item(text, words, style)
        if item is not None:
            items.append(item)
    return items
