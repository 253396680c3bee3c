"""Amounts in every format the order forms use: ``$1,200.00``, ``1.200,00 €``, ``GBP 1,200``.

The decimal separator is whichever of ``.`` and ``,`` comes last when both appear; a lone
separator followed by exactly three digits groups thousands, otherwise it marks decimals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

__all__ = [
    "AMOUNT_PATTERN",
    "CURRENCY_SIGNS",
    "CURRENCY_WORDS",
    "ISO_CODES",
    "amount_value",
    "join_spaced_groups",
    "parse_amount",
    "parse_currency",
]

CURRENCY_SIGNS = {
    "US$": "USD",
    "USD$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD$": "CAD",
    "NZ$": "NZD",
    "S$": "SGD",
    "SG$": "SGD",
    "HK$": "HKD",
    "R$": "BRL",
    "MX$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "CHF": "CHF",
    "Fr.": "CHF",
    "kr": "SEK",
    "zł": "PLN",
    "₩": "KRW",
    "R": "ZAR",
}
ISO_CODES = frozenset(
    {
        "USD",
        "EUR",
        "GBP",
        "AUD",
        "CAD",
        "NZD",
        "SGD",
        "HKD",
        "JPY",
        "CHF",
        "SEK",
        "NOK",
        "DKK",
        "INR",
        "BRL",
        "MXN",
        "ZAR",
        "PLN",
        "CNY",
        "KRW",
        "AED",
        "ILS",
        "CZK",
        "HUF",
    }
)
CURRENCY_WORDS: dict[str, str] = {
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "swiss francs": "CHF",
    "yen": "JPY",
}

_SIGN = r"(?:US\$|USD\$|AU\$|AUD\$|A\$|CA\$|CAD\$|C\$|NZ\$|SG\$|S\$|HK\$|R\$|MX\$|\$|€|£|¥|₹)"
_CODE = r"(?:" + "|".join(sorted(ISO_CODES)) + r")"
# Thousands grouped by commas, points, apostrophes (straight or typographic, Swiss
# "21’483.00"), spaces, no-break, narrow no-break or thin spaces.
_GROUP = ",.'\u2019\u00a0\u202f\u2009 "
_NUMBER = rf"\d{{1,3}}(?:[{_GROUP}]\d{{3}})+(?!\d)(?:[.,]\d{{1,4}})?|\d+(?:[.,]\d{{1,4}})?"
AMOUNT_PATTERN = re.compile(
    rf"(?P<pre>{_SIGN}|{_CODE})?\s?(?P<num>{_NUMBER})(?:\s?(?P<post>{_SIGN}|{_CODE}))?"
)
"""An amount with an optional currency sign or ISO code before or after it."""


def amount_value(number: str) -> Decimal | None:
    """Return a printed number (grouping and decimal marks of any style) as a Decimal."""
    cleaned = re.sub(r"[\s'\u2019]", "", number)  # (\s: every space, no-break ones too)
    last_dot, last_comma = cleaned.rfind("."), cleaned.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        decimal_mark = "." if last_dot > last_comma else ","
    elif last_dot >= 0 or last_comma >= 0:
        mark = "." if last_dot >= 0 else ","
        head, _, tail = cleaned.rpartition(mark)
        grouped = cleaned.count(mark) > 1 or (len(tail) == 3 and head not in {"0", ""})
        decimal_mark = "" if grouped else mark
    else:
        decimal_mark = ""
    if decimal_mark:
        whole, _, fraction = cleaned.rpartition(decimal_mark)
        whole = whole.replace(".", "").replace(",", "")
        cleaned = f"{whole}.{fraction}"
    else:
        cleaned = cleaned.replace(".", "").replace(",", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


# A number whose thousands are grouped by a space the reader parts words at ("1 234,50",
# "EUR 43 250,00"): its head of one to three digits (a sign or code may lead), whole groups
# of three, and a last group of three that may carry the decimals and a trailing sign.
_GROUP_HEAD = re.compile(r"^\D{0,4}\d{1,3}$")
_GROUP_MIDDLE = re.compile(r"^\d{3}$")
_GROUP_LAST = re.compile(r"^\d{3}(?:[.,]\d{1,2})?\D{0,4}$")


def join_spaced_groups(tokens: Sequence[str], joiner: str = "'") -> list[str]:
    """Return ``tokens`` (the words of one run without wide gaps) with each number split at
    its space-grouped thousands joined again by ``joiner``: ["1", "234,50", "EUR"] ->
    ["1'234,50", "EUR"]; "12 400" is joined, "12 40" and "3 1,250.00" are not. Where the
    run holds two figures parted by one space ("5 250.00"), the join is wrong: callers
    that can check a reading by its arithmetic try the words as printed too."""
    out: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        end = index + 1
        if _GROUP_HEAD.match(token):
            while end < len(tokens) and _GROUP_MIDDLE.match(tokens[end]):
                end += 1
            if end < len(tokens) and _GROUP_LAST.match(tokens[end]):
                end += 1
        out.append(joiner.join(tokens[index:end]))
        index = end
    return out


def parse_amount(text: str) -> tuple[Decimal, str | None] | None:
    """Return the first amount in ``text`` and its currency (ISO code or None)."""
    for match in AMOUNT_PATTERN.finditer(text):
        value = amount_value(match.group("num"))
        if value is None:
            continue
        sign = match.group("pre") or match.group("post")
        return value, (_code_of(sign) if sign else parse_currency(text))
    return None


def _code_of(sign: str) -> str:
    return sign if sign in ISO_CODES else CURRENCY_SIGNS[sign]


_CODE_WORD = re.compile(r"\b[A-Z]{3}\b")
_SIGN_PATTERN = re.compile(_SIGN)
# The currency words, longest first, each as its whole-word pattern: built once, not per
# call (amounts are read by the thousand per document).
_WORD_PATTERNS = tuple(
    (re.compile(rf"\b{re.escape(word)}\b"), code)
    for word, code in sorted(CURRENCY_WORDS.items(), key=lambda item: -len(item[0]))
)


def parse_currency(text: str) -> str | None:
    """Return the currency ``text`` names by ISO code, sign or word, or None."""
    for match in _CODE_WORD.finditer(text):
        if match.group(0) in ISO_CODES:
            return match.group(0)
    sign = _SIGN_PATTERN.search(text)
    if sign:
        return CURRENCY_SIGNS[sign.group(0)]
    lowered = text.lower()
    for pattern, code in _WORD_PATTERNS:
        if pattern.search(lowered):
            return code
    return None
