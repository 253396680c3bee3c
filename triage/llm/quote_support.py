"""Does the quoted passage actually state the proposed value?

A real quote is not enough: a model can quote "payment is due within 30 days" and answer
45. Each field type has a check that the value can be read off the quoted words: numbers
as digits or English number words (and years as twelve months for month fields), dates by
their year, month and day, names by occurring in the passage, vocabularies by keywords.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from triage.contract import BillingFrequency
from triage.llm.locator import normalise_token

__all__ = ["numbers_in", "quote_states_value"]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_WORD_VALUES = (
    {word: n for n, word in enumerate(_UNITS)}
    | {word: n for n, word in enumerate(_ORDINALS)}
    | {word: 20 + 10 * n for n, word in enumerate(_TENS)}
    | {"twentieth": 20, "thirtieth": 30}
)
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_FREQUENCY_WORDS: dict[BillingFrequency, tuple[str, ...]] = {
    BillingFrequency.MONTHLY: ("month",),
    BillingFrequency.QUARTERLY: ("quarter", "three months", "3 months", "three-month"),
    BillingFrequency.SEMIANNUAL: ("semi", "half", "six months", "6 months", "twice", "biannual"),
    BillingFrequency.ANNUAL: ("annual", "year", "twelve months", "12 months"),
    BillingFrequency.ONE_TIME: ("one-time", "one time", "once", "single", "upfront", "up front"),
}
_CURRENCY_MARKS = {
    "$": {"USD", "CAD", "AUD", "NZD", "SGD"},
    "€": {"EUR"},
    "£": {"GBP"},
    "¥": {"JPY", "CNY"},
    "dollar": {"USD", "CAD", "AUD", "NZD", "SGD"},
    "euro": {"EUR"},
    "sterling": {"GBP"},
    "pound": {"GBP"},
    "yen": {"JPY"},
}


def _words(text: str) -> list[str]:
    return [token for token in (normalise_token(t) for t in re.split(r"[\s-]+", text)) if token]


def numbers_in(text: str) -> set[Decimal]:
    """Return every number ``text`` states, as digits (commas allowed) or English words."""
    found: set[Decimal] = set()
    for digits in re.findall(r"\d[\d,]*(?:\.\d+)?", text):
        try:
            found.add(Decimal(digits.replace(",", "")))
        except InvalidOperation:
            continue
    words = _words(text)
    for index, word in enumerate(words):
        if word not in _WORD_VALUES:
            continue
        value = _WORD_VALUES[word]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _TENS and _WORD_VALUES.get(following, 10) < 10:
            value += _WORD_VALUES[following]
        found.add(Decimal(value))
    return found


def _states_number(name: str, value: Decimal, text: str) -> bool:
    numbers = numbers_in(text)
    if value in numbers:
        return True
    lowered = text.casefold()
    if name.endswith("_months") and "year" in lowered:
        return any(n * 12 == value for n in numbers) or (value == 12 and "one year" in lowered)
    return False


def _states_date(value: date, text: str) -> bool:
    lowered = text.casefold()
    if str(value.year) not in lowered and f"/{value.year % 100:02d}" not in lowered:
        return False
    numbers = {int(n) for n in numbers_in(lowered) if n == n.to_integral_value()}
    month_named = _MONTHS[value.month - 1][:3] in lowered
    return (month_named or value.month in numbers) and value.day in numbers


def _states_text(value: str, text: str) -> bool:
    wanted, have = _words(value), _words(text)
    return bool(wanted) and any(
        have[i : i + len(wanted)] == wanted for i in range(len(have) - len(wanted) + 1)
    )


def quote_states_value(name: str, value: Any, text: str) -> bool:
    """Return True when ``text`` (the located quote) states ``value`` for field ``name``."""
    lowered = text.casefold()
    if isinstance(value, bool):
        return "renew" in lowered
    if isinstance(value, BillingFrequency):
        return any(word in lowered for word in _FREQUENCY_WORDS[value])
    if isinstance(value, Enum):
        return str(value.value).replace("_", " ") in lowered
    if isinstance(value, date):
        return _states_date(value, text)
    if isinstance(value, int | float | Decimal):
        return _states_number(name, Decimal(str(value)), text)
    if name == "currency":
        marks = {mark for mark, codes in _CURRENCY_MARKS.items() if value in codes}
        return value.casefold() in lowered or any(mark in lowered for mark in marks)
    return _states_text(str(value), text)
