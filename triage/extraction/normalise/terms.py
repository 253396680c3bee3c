"""Contract terms: day counts, durations in months, billing frequencies, percents, yes/no."""

from __future__ import annotations

import re

from triage.contract import BillingFrequency
from triage.extraction.lexicon_data import alternation, load_lexicon
from triage.extraction.normalise.numbers import NUMBER_WORDS, parse_count

__all__ = ["parse_days", "parse_frequency", "parse_months", "parse_percent", "parse_yes_no"]

_NUMBER = (
    r"(?:\d+|(?:" + "|".join(sorted(NUMBER_WORDS - {"a", "an"}, key=len, reverse=True)) + r"))"
)
_COUNT = rf"(?:(?:{_NUMBER})(?:[\s\-]+(?:and\s+)?{_NUMBER})*(?:\s*\(\s*\d+\s*\))?|a|an|one)"
# Units of a duration in the languages of the forms ("24 Monate", "30 Tage"), from
# ``models/extraction/lexicon.yaml``: each word to the unit it counts in.
_UNITS: dict[str, str] = {
    word.lower(): unit for unit, words in load_lexicon().duration_units.items() for word in words
}
_UNIT_WORDS = "|".join(re.escape(w) for w in sorted(_UNITS, key=len, reverse=True))
_DURATION = re.compile(
    rf"\b(?P<count>{_COUNT})[\s\-]*\(?(?P<unit>calendar\s+)?(?P<u>{_UNIT_WORDS})(?!\w)",
    re.IGNORECASE,
)
_NET = re.compile(r"\bnet[\s\-]*(\d{1,3})\b", re.IGNORECASE)

_FREQUENCIES: tuple[tuple[BillingFrequency, str], ...] = (
    (
        BillingFrequency.SEMIANNUAL,
        r"semi[\s\-]?annual(?:ly)?|half[\s\-]?year(?:ly)?|bi[\s\-]?annual(?:ly)?"
        r"|every\s+(?:six|6)(?:\s*\(6\))?\s+months|twice\s+(?:a|per|each)\s+year|twice\s+(?:yearly|annually)|six[\s\-]monthly",
    ),
    (
        BillingFrequency.QUARTERLY,
        r"quarterly|(?:per|each|every)\s+(?:calendar\s+)?quarter"
        r"|every\s+(?:three|3)(?:\s*\(3\))?\s+months|three[\s\-]monthly",
    ),
    (
        BillingFrequency.MONTHLY,
        r"monthly|(?:per|each|every)\s+(?:calendar\s+)?month\b|month[\s\-]to[\s\-]month",
    ),
    (
        BillingFrequency.ONE_TIME,
        r"one[\s\-]?time|one[\s\-]?off|single\s+(?:up[\s\-]?front\s+)?(?:payment|invoice)"
        r"|in\s+full\s+(?:up[\s\-]?front|in\s+advance|upon|on\s+signature)|lump[\s\-]sum"
        r"|one\s+invoice|once\b(?!\s+(?:a|per|every|each)\s)",
    ),
    (
        BillingFrequency.ANNUAL,
        r"annual(?:ly)?|yearly|per\s+annum|(?:per|each|every)\s+(?:contract\s+)?year"
        r"|every\s+(?:twelve|12)(?:\s*\(12\))?\s+months|once\s+a\s+year",
    ),
)
_FREQUENCY_PATTERNS = tuple(
    (freq, re.compile(rf"\b(?:{rx})", re.IGNORECASE)) for freq, rx in _FREQUENCIES
)

_YES = re.compile(
    r"^\W*(?:yes|y|true|auto(?:matic(?:ally)?)?|included|applies|renews)\b", re.IGNORECASE
)
_NO = re.compile(
    r"^\W*(?:no|n|false|none|not\s+applicable|n/?a|does\s+not|will\s+not)\b", re.IGNORECASE
)


def _durations(text: str) -> list[tuple[int, str, int]]:
    found = []
    for match in _DURATION.finditer(text):
        count = parse_count(match.group("count"))
        if count is not None:
            found.append((count, _UNITS[match.group("u").lower()], match.start()))
    return found


def parse_months(text: str) -> int | None:
    """Return a duration in whole months: "twenty-four (24) months" -> 24, "2 years" -> 24."""
    for count, unit, _ in _durations(text):
        if unit == "month":
            return count
        if unit == "year":
            return count * 12
    return None


def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


_PAYMENT_WORDS = load_lexicon().payment_words
_END_OF_MONTH = _words_pattern(_PAYMENT_WORDS["end_of_month"])
_ON_RECEIPT = _words_pattern(_PAYMENT_WORDS["on_receipt"])


def parse_days(text: str) -> int | None:
    """Return a number of days: "Net 45" -> 45, "forty-five (45) days" -> 45, "30" -> 30.

    Days counted from the end of the invoice's month ("Net 30 EOM") are no fixed count
    (None); "Due on receipt" with no count is 0 days."""
    if _END_OF_MONTH.search(text):
        return None
    days = _day_count(text)
    if days is None and _ON_RECEIPT.search(text):
        return 0
    return days


def _day_count(text: str) -> int | None:
    net = _NET.search(text)
    if net:
        return int(net.group(1))
    for count, unit, _ in _durations(text):
        if unit == "day":
            return count
    bare = re.fullmatch(r"\s*(\d{1,3})\s*", text)
    return int(bare.group(1)) if bare else None


def parse_frequency(text: str) -> BillingFrequency | None:
    """Return the billing frequency a phrase names, earliest mention first."""
    best: tuple[int, BillingFrequency] | None = None
    for frequency, pattern in _FREQUENCY_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), frequency)
    return best[1] if best else None


def parse_percent(text: str) -> float | None:
    """Return the percentage in ``text``: "5%", "5.5 percent", "five percent (5%)"."""
    match = re.search(r"(\d+(?:[.,]\d+)?)\s*(?:%|per\s?cent|pct)", text, re.IGNORECASE)
    if match:
        return float(match.group(1).replace(",", "."))
    worded = re.search(r"([a-z\-\s]+?)\s*(?:per\s?cent)", text, re.IGNORECASE)
    if worded:
        count = parse_count(worded.group(1))
        return float(count) if count is not None else None
    return None


def parse_yes_no(text: str) -> bool | None:
    """Return True/False for a yes/no value ("Yes", "Auto-renews", "No", "N/A"), else None."""
    if _NO.search(text):
        return False
    if _YES.search(text):
        return True
    return None
