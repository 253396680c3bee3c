"""Reading the parameters a clause states: months of fees, multiples, amounts, days, percentages.

The playbook compares these with the provider's standard position. Numbers are read in
digits or words ("twelve (12) months", "three times", "twice", "US$1,000,000", "Net 45",
"10 per cent"); a number written both ways is read once. Each reading keeps its span of
the text, so a parameter can be limited to readings near a word ("credit") and the
message can quote what the clause says.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

__all__ = ["Quantity", "QuantityKind", "read_quantities", "words_to_digits"]


class QuantityKind(StrEnum):
    """What kind of parameter a reading is."""

    MONTHS = "months"
    MULTIPLE = "multiple"
    AMOUNT = "amount"
    DAYS = "days"
    PERCENT = "percent"


@dataclass(frozen=True, slots=True)
class Quantity:
    """One parameter read from a text: its kind, value and where it stands."""

    kind: QuantityKind
    value: Decimal
    start: int
    end: int
    text: str


_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_UNIT_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
_NUMBER_WORDS = re.compile(
    rf"\b(?:{_UNIT_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*\b", re.IGNORECASE
)
_DOUBLED = re.compile(r"(\d[\d,.]*)\s*(?:per\s*cent|percent)?\s*\(\s*(\d[\d,.]*\s*%?)\s*\)")
_NUM = r"(\d+(?:,\d{3})*(?:\.\d+)?)"
_MONEY_SIGN = r"(?:US\$|USD|EUR|GBP|CAD|AUD|CHF|\$|€|£)"
_SCALE_WORD = r"(?:\s*(million|thousand|m\b|k\b))?"

_MONTH_UNIT = r"[\s-]*(?:calendar[\s-]+)?months?\b"
_YEAR_UNIT = r"[\s-]*(?:calendar[\s-]+)?years?\b"
_DAY_UNIT = r"[\s-]*(?:business[\s-]+|calendar[\s-]+)?days?\b"
_PERCENT = r"\s*(?:%|percent\b|per\s*cent\b)"
_OF_FEES = (
    r"\s+of\s+(?:the\s+)?(?:total\s+|annual\s+|aggregate\s+)?"
    r"(?:fees|charges|amounts|contract\s+value)"
)
_LOOK_BACK_YEAR = r"\b(?:preceding|previous|prior|last)\s+(year)\b"
_I = re.IGNORECASE

_PATTERNS: tuple[tuple[QuantityKind, re.Pattern[str], Decimal], ...] = (
    (QuantityKind.MONTHS, re.compile(_NUM + _MONTH_UNIT, _I), Decimal(1)),
    (QuantityKind.MONTHS, re.compile(_NUM + _YEAR_UNIT, _I), Decimal(12)),
    (QuantityKind.MONTHS, re.compile(_LOOK_BACK_YEAR, _I), Decimal(12)),
    (QuantityKind.MULTIPLE, re.compile(rf"{_NUM}\s*(?:x|×|times)\b", _I), Decimal(1)),
    (QuantityKind.MULTIPLE, re.compile(r"\b(twice|double|triple)\b", _I), Decimal(1)),
    (QuantityKind.MULTIPLE, re.compile(_NUM + _PERCENT + _OF_FEES, _I), Decimal("0.01")),
    (QuantityKind.AMOUNT, re.compile(rf"{_MONEY_SIGN}\s?{_NUM}{_SCALE_WORD}", _I), Decimal(1)),
    (QuantityKind.DAYS, re.compile(_NUM + _DAY_UNIT, _I), Decimal(1)),
    (QuantityKind.DAYS, re.compile(rf"\bnet\s*{_NUM}\b", _I), Decimal(1)),
    (QuantityKind.PERCENT, re.compile(_NUM + _PERCENT, _I), Decimal(1)),
)
_MULTIPLE_WORDS = {"twice": 2, "double": 2, "triple": 3, "year": 1}
_SCALE_VALUES = {"million": 1_000_000, "m": 1_000_000, "thousand": 1000, "k": 1000}


def _words_value(words: str) -> int | None:
    total = current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and" or not word:
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    value = total + current
    return value if words.strip() else None


def words_to_digits(text: str) -> str:
    """Return ``text`` with numbers in words written in digits, and "12 (12)" read once.

    Spans keep their meaning but not their length, so readings of the result are quoted
    from the result, never from the original text.
    """

    def replace(match: re.Match[str]) -> str:
        value = _words_value(match.group(0))
        return match.group(0) if value is None else str(value)

    # "twice" and friends are multiples, not numbers: leave them for their own pattern
    digits = _NUMBER_WORDS.sub(replace, text)
    return _DOUBLED.sub(lambda m: m.group(2), digits)


def _value(match: re.Match[str], kind: QuantityKind, factor: Decimal) -> Decimal | None:
    word = match.group(1)
    if word.lower() in _MULTIPLE_WORDS:
        return Decimal(_MULTIPLE_WORDS[word.lower()]) * factor
    try:
        value = Decimal(word.replace(",", "")) * factor
    except InvalidOperation:
        return None
    if kind is QuantityKind.AMOUNT and match.lastindex and match.lastindex >= 2:
        scale = match.group(2)
        if scale:
            value *= _SCALE_VALUES[scale.lower()]
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def read_quantities(text: str) -> list[Quantity]:
    """Return every parameter stated in ``text`` (numbers in words read as digits).

    A percentage "of the fees" is a multiple, not also a percentage; an amount's digits
    are not read again as anything else.
    """
    normal = words_to_digits(text)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern, factor in _PATTERNS:
        for match in pattern.finditer(normal):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            value = _value(match, kind, factor)
            if value is None:
                continue
            found.append(Quantity(kind, value, match.start(), match.end(), match.group(0)))
            if kind in (QuantityKind.MULTIPLE, QuantityKind.AMOUNT):
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda q: q.start)


def quantities_of(text: str, kind: QuantityKind) -> Iterator[Quantity]:
    """Yield the readings of one ``kind`` in ``text``, in order."""
    return (q for q in read_quantities(text) if q.kind is kind)
