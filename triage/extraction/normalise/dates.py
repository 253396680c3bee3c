"""Dates in the forms order forms use, with the customer's country deciding ambiguous ones.

``01/03/2027`` is 3 January in the US and 1 March in Great Britain. The document itself
wins when it shows its style elsewhere (a date such as ``25/01/2027`` can only be day-first).
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum

from triage.extraction.lexicon_data import alternation, load_lexicon

__all__ = [
    "DATE_PATTERN",
    "MONTHS",
    "DateStyle",
    "infer_style",
    "parse_date",
    "parse_date_range",
    "style_for_country",
]

MONTHS: dict[str, int] = {
    name: number for number, names in load_lexicon().month_names.items() for name in names
}
"""Month names (several languages) to month numbers, from ``models/extraction/lexicon.yaml``."""

# Countries that write the month first in all-numeric dates.
_MONTH_FIRST_COUNTRIES = frozenset({"US", "PH", "FM", "MH", "PW", "GU", "PR", "AS", "VI", "UM"})

_DATE_WORDS = load_lexicon().date_words


_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# 1st, 1er (French), 1. (German): the endings are lexicon data, as are the words that join
# a day to its month ("21st of May", "the 1st day of March") and a month to its year.
_DAY = rf"(?P<day>\d{{1,2}})(?:{alternation(_DATE_WORDS['day_suffixes'])})?"
_BEFORE_MONTH = rf"(?:(?:{alternation(_DATE_WORDS['before_month'])})\s+)?"
_BEFORE_YEAR = rf"(?:(?:{alternation(_DATE_WORDS['before_year'])})\s+)?"
_YEAR = r"(?P<year>\d{4})"
_FORMS = (
    re.compile(rf"\b{_YEAR}[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})\b"),
    re.compile(r"\b(?P<a>\d{1,2})[/.\-](?P<b>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(
        rf"\b{_DAY}[\s\-]+{_BEFORE_MONTH}{_MONTH},?[\s\-]+{_BEFORE_YEAR}{_YEAR}\b",
        re.IGNORECASE,
    ),
)
DATE_PATTERN = re.compile(
    "|".join(re.sub(r"\(\?P<\w+>", "(?:", form.pattern) for form in _FORMS), re.IGNORECASE
)
"""Any date form :func:`parse_date` understands (for scanning text)."""


class DateStyle(Enum):
    """How an all-numeric date orders day and month."""

    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


def style_for_country(country: str | None) -> DateStyle | None:
    """Return the numeric date style of ``country`` (ISO 3166 alpha-2), None if unknown."""
    if not country:
        return None
    return (
        DateStyle.MONTH_FIRST if country.upper() in _MONTH_FIRST_COUNTRIES else DateStyle.DAY_FIRST
    )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(a: int, b: int, year: int, style: DateStyle | None) -> date | None:
    if a > 12 >= b:
        return _safe_date(year, b, a)
    if b > 12 >= a:
        return _safe_date(year, a, b)
    if style is DateStyle.DAY_FIRST:
        return _safe_date(year, b, a)
    return _safe_date(year, a, b)


def parse_date(text: str, style: DateStyle | None = None) -> date | None:
    """Return the first date written in ``text``, or None.

    ``style`` settles all-numeric dates whose day and month are both 12 or less; without
    it they are read month-first.
    """
    iso, numeric = _FORMS[0], _FORMS[1]
    best: tuple[int, date] | None = None
    for form in _FORMS:
        match = form.search(text)
        if not match or (best and match.start() >= best[0]):
            continue
        groups = match.groupdict()
        if form is iso:
            found = _safe_date(int(groups["year"]), int(groups["m"]), int(groups["d"]))
        elif form is numeric:
            raw_year = groups["y"]
            year = int(raw_year) + (2000 if len(raw_year) == 2 else 0)
            found = _numeric(int(groups["a"]), int(groups["b"]), year, style)
        else:
            month = MONTHS[groups["month"].lower()]
            found = _safe_date(int(groups["year"]), month, int(groups["day"]))
        if found:
            best = (match.start(), found)
    return best[1] if best else None


def infer_style(texts: list[str]) -> DateStyle | None:
    """Return the style the document's unambiguous numeric dates show, or None."""
    numeric = _FORMS[1]
    votes = {DateStyle.DAY_FIRST: 0, DateStyle.MONTH_FIRST: 0}
    for text in texts:
        for match in numeric.finditer(text):
            a, b = int(match.group("a")), int(match.group("b"))
            if a > 12 >= b:
                votes[DateStyle.DAY_FIRST] += 1
            elif b > 12 >= a:
                votes[DateStyle.MONTH_FIRST] += 1
    if votes[DateStyle.DAY_FIRST] == votes[DateStyle.MONTH_FIRST]:
        return None
    return max(votes, key=lambda s: votes[s])


def parse_date_range(text: str, style: DateStyle | None) -> tuple[date | None, date | None]:
    """Return the first two dates of ``text`` as a period when the second follows the first,
    else ``(None, None)``."""
    found = [parse_date(m.group(0), style) for m in DATE_PATTERN.finditer(text)]
    dates = [d for d in found if d is not None]
    return (dates[0], dates[1]) if len(dates) >= 2 and dates[0] < dates[1] else (None, None)
