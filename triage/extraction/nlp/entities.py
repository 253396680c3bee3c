"""The spaCy layer's rule component: ``spacy.blank("en")`` with an EntityRuler whose token
patterns mark money, dates, durations, day counts, percents,
billing frequencies, in digits or in words ("forty-five (45) days")."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.language import Language

from triage.extraction.lexicon_data import load_lexicon
from triage.extraction.normalise.dates import MONTHS
from triage.extraction.normalise.money import CURRENCY_WORDS
from triage.extraction.normalise.numbers import NUMBER_WORDS

__all__ = ["ENTITY_LABELS", "build_pipeline", "entity_patterns"]

Pattern = dict[str, Any]

_MONTH_TOKENS = sorted({*MONTHS, *(f"{m}." for m in MONTHS)})
_NUMBER_WORDS = sorted(NUMBER_WORDS - {"a", "an", "single"})
# Attribute tests rather than regexes: the matcher checks them per token, and regexes
# made the ruler forty times slower than the tokenizer.
_DIGITS = {"IS_DIGIT": True}
_AMOUNT = {"LIKE_NUM": True, "IS_ALPHA": False}
_SIGN = {
    "TEXT": {"IN": ["$", "€", "£", "¥", "₹", "US$", "A$", "AU$", "C$", "CA$", "NZ$", "S$", "HK$"]}
}
_CODE = {
    "TEXT": {
        "IN": [
            "USD",
            "EUR",
            "GBP",
            "AUD",
            "CAD",
            "CHF",
            "NZD",
            "SGD",
            "HKD",
            "JPY",
            "SEK",
            "NOK",
            "DKK",
            "INR",
        ]
    }
}
_GROUP_HEAD = {"SHAPE": {"IN": ["d", "dd", "ddd"]}}
_GROUP_TAIL = {"SHAPE": {"IN": ["ddd", "ddd,dd", "ddd.dd"]}}
_SUFFIX = {
    "TEXT": {"IN": ["€", "£", "$", "EUR", "GBP", "USD", "CHF", "AUD", "CAD", "SEK", "NOK", "DKK"]}
}
_DAY_TEXTS = [str(d) for d in range(1, 32)] + [f"{d:02d}" for d in range(1, 10)]


def _ordinal(day: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{'th' if 11 <= day <= 13 else suffix}"


_DAY_TEXTS += [_ordinal(d) for d in range(1, 32)]
_DAY = {"LOWER": {"IN": _DAY_TEXTS}}
_YEAR = {"SHAPE": "dddd"}
_NUMERIC_SHAPES = [
    f"{a}{sep}{b}{sep}{y}"
    for a in ("d", "dd")
    for b in ("d", "dd")
    for sep in "/.-"
    for y in ("dd", "dddd")
]


def _counts() -> list[list[Pattern]]:
    """A count in words and/or digits: "forty-five (45)", "forty-five", "45"."""
    word: Pattern = {"LOWER": {"IN": _NUMBER_WORDS}}
    joiner: Pattern = {"LOWER": {"IN": ["-", "and"]}, "OP": "?"}
    words: list[Pattern] = [word, joiner, {"LOWER": {"IN": _NUMBER_WORDS}, "OP": "?"}]
    bracket: list[Pattern] = [{"TEXT": "("}, _DIGITS, {"TEXT": ")"}]
    return [[*words, *bracket], words, [_DIGITS]]


def _dates() -> list[list[Pattern]]:
    month = {"LOWER": {"IN": _MONTH_TOKENS}}
    comma = {"TEXT": ",", "OP": "?"}
    return [
        [{"SHAPE": {"IN": _NUMERIC_SHAPES}}],
        [
            _YEAR,
            {"TEXT": "-"},
            {"SHAPE": {"IN": ["d", "dd"]}},
            {"TEXT": "-"},
            {"SHAPE": {"IN": ["d", "dd"]}},
        ],
        [{"SHAPE": "dddd-dd-dd"}],
        [month, _DAY, comma, _YEAR],
        [_DAY, {"LOWER": "day", "OP": "?"}, {"LOWER": "of", "OP": "?"}, month, comma, _YEAR],
    ]


def _frequencies() -> list[list[Pattern]]:
    single = [
        "monthly",
        "quarterly",
        "annually",
        "annual",
        "yearly",
        "semiannually",
        "semiannual",
        "biannually",
        "bi-annually",
        "semi-annually",
        "semi-annual",
    ]
    period = {"LOWER": {"IN": ["month", "quarter", "year", "annum"]}}
    return [
        [{"LOWER": {"IN": single}}],
        [
            {"LOWER": {"IN": ["semi", "bi", "half"]}},
            {"TEXT": "-", "OP": "?"},
            {"LOWER": {"IN": ["annually", "annual", "yearly"]}},
        ],
        [{"LOWER": {"IN": ["every", "each", "per"]}}, {"LOWER": "calendar", "OP": "?"}, period],
        [
            {"LOWER": "every"},
            {"LOWER": {"IN": ["three", "six", "twelve", "3", "6", "12"]}},
            {"LOWER": "months"},
        ],
        [{"LOWER": {"IN": ["once", "twice"]}}, {"LOWER": {"IN": ["a", "per", "each"]}}, period],
        [{"LOWER": "twice"}, {"LOWER": {"IN": ["yearly", "annually"]}}],
        [
            {"LOWER": {"IN": ["one", "single"]}},
            {"TEXT": "-", "OP": "?"},
            {"LOWER": {"IN": ["time", "invoice", "off"]}},
        ],
        [{"LOWER": "once"}],
    ]


def entity_patterns() -> list[dict[str, Any]]:
    """Return the EntityRuler patterns, labelled DATE, MONEY, DURATION, DAYS, PERCENT, FREQ."""
    unit_months = {"LOWER": {"IN": ["month", "months", "year", "years", "mo", "mos"]}}
    unit_days = {"LOWER": {"IN": ["day", "days"]}}
    calendar = {"LOWER": {"IN": ["calendar", "business"]}, "OP": "?"}
    raw: list[tuple[str, list[Pattern]]] = [
        ("MONEY", [_SIGN, _AMOUNT]),
        ("MONEY", [_CODE, _AMOUNT]),
        ("MONEY", [_AMOUNT, _SIGN]),
        ("MONEY", [_AMOUNT, _CODE]),
        # "26 000,00 EUR": groups of three digits separated by spaces, currency after.
        ("MONEY", [_GROUP_HEAD, {"SHAPE": "ddd", "OP": "*"}, _GROUP_TAIL, _SUFFIX]),
        ("MONEY", [_GROUP_HEAD, {"SHAPE": "ddd", "OP": "*"}, _GROUP_TAIL, _SIGN]),
        ("DAYS", [{"LOWER": "net"}, {"TEXT": "-", "OP": "?"}, _DIGITS, unit_days]),
        ("DAYS", [{"LOWER": "net"}, {"TEXT": "-", "OP": "?"}, _DIGITS]),
        ("PERCENT", [_AMOUNT, {"TEXT": "%"}]),
        (
            "PERCENT",
            [
                {"LOWER": {"IN": _NUMBER_WORDS}},
                {"TEXT": "-", "OP": "?"},
                {"LOWER": {"IN": _NUMBER_WORDS}, "OP": "?"},
                {"LOWER": {"IN": ["percent", "per-cent"]}},
                {"TEXT": "(", "OP": "?"},
                {**_AMOUNT, "OP": "?"},
                {"TEXT": "%", "OP": "?"},
                {"TEXT": ")", "OP": "?"},
            ],
        ),
    ]
    # "payable upon receipt", "due immediately": a payment term of no days
    for phrase in load_lexicon().payment_words["on_receipt"]:
        raw.append(("DAYS", [{"LOWER": word} for word in phrase.split()]))
    for count in _counts():
        raw.append(("DURATION", [*count, {"TEXT": "-", "OP": "?"}, calendar, unit_months]))
        raw.append(("DAYS", [*count, calendar, unit_days]))
    # "36,500.00 pounds sterling", "1,200 euros": the currency spelled out after it.
    for name in CURRENCY_WORDS:
        words: list[Pattern] = [{"LOWER": word} for word in name.split()]
        raw.append(("MONEY", [_AMOUNT, *words]))
    raw += [("DATE", pattern) for pattern in _dates()]
    raw += [("FREQ", pattern) for pattern in _frequencies()]
    return [{"label": label, "pattern": pattern} for label, pattern in raw]


ENTITY_LABELS = ("DATE", "MONEY", "DURATION", "DAYS", "PERCENT", "FREQ")


def build_pipeline() -> Language:
    """Return a blank English pipeline whose entity ruler marks the contract entities.

    Overlapping matches keep the longest span ("forty-five (45) days" over "45").
    """
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "validate": True})
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp
