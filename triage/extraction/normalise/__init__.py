"""Turn the strings of an order form into contract values: dates, money, numbers, terms."""

from triage.extraction.normalise.dates import DateStyle, parse_date
from triage.extraction.normalise.money import parse_amount, parse_currency
from triage.extraction.normalise.numbers import parse_count, words_to_number
from triage.extraction.normalise.terms import (
    parse_days,
    parse_frequency,
    parse_months,
    parse_percent,
    parse_yes_no,
)

__all__ = [
    "DateStyle",
    "parse_amount",
    "parse_count",
    "parse_currency",
    "parse_date",
    "parse_days",
    "parse_frequency",
    "parse_months",
    "parse_percent",
    "parse_yes_no",
    "words_to_number",
]
