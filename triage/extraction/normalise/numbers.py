"""Numbers written in words ("forty-five"), with or without the digits in brackets."""

from __future__ import annotations

import re

__all__ = ["parse_count", "words_to_number"]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a": 1,
    "an": 1,
    "single": 1,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | frozenset(_SCALES)

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_BRACKETED = re.compile(r"\(\s*(\d+)\s*\)")


def words_to_number(text: str) -> int | None:
    """Return the integer spelled by ``text`` ("forty-five", "one hundred and twenty")."""
    tokens = [t for t in re.split(r"[\s\-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total = current = 0
    seen = False
    for token in tokens:
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_count(text: str) -> int | None:
    """Return the whole number in ``text``: digits in brackets win, then digits, then words.

    "forty-five (45)" -> 45, "Net 30" -> 30, "twelve" -> 12. A bracketed figure that
    disagrees with the words is still trusted: it is what the parties signed as digits.
    """
    bracketed = _BRACKETED.search(text)
    if bracketed:
        return int(bracketed.group(1))
    digits = _DIGITS.search(text)
    if digits:
        return int(digits.group(0).replace(",", ""))
    words = re.findall(r"[a-z]+", text.lower())
    run: list[str] = []
    for word in words:
        if word in NUMBER_WORDS and word not in {"a", "an"}:
            run.append(word)
        elif run:
            break
    return words_to_number(" ".join(run)) if run else None
