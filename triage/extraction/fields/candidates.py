"""A candidate value for one field, and how a field's raw text becomes its typed value."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from triage.extraction.fields.lexicon import BLOCK_LABELS, match_label, normalise_label
from triage.extraction.layout.segments import PlacedWord
from triage.extraction.normalise import (
    DateStyle,
    parse_amount,
    parse_currency,
    parse_date,
    parse_days,
    parse_frequency,
    parse_months,
    parse_percent,
    parse_yes_no,
)

__all__ = ["DATE_FIELDS", "Candidate", "Source", "parse_field_value"]


class Source(Enum):
    """How a candidate was found; the calibration learns how far each can be trusted."""

    LABEL = "label"  # a label/value pair
    SENTENCE = "sentence"  # a cue phrase and an entity in prose
    SIGNATURE = "signature"  # a signature block
    DERIVED = "derived"  # computed from other fields or the line items


@dataclass(frozen=True, slots=True)
class Candidate:
    """One reading of a field: the value, a rule score in [0, 1], where it came from."""

    field: str
    value: Any
    score: float
    source: Source
    evidence: tuple[PlacedWord, ...]
    fallback: bool = False  # a standard term's default, for when the form states nothing


DATE_FIELDS = frozenset(
    {"order_date", "start_date", "end_date", "billing_start_date", "customer_signed_date"}
)
_ID = re.compile(
    r"(?<![\w-])(?=[\w\-/.#]*\d)([A-Z0-9][A-Z0-9\-/_.]{2,}[A-Z0-9])(?![\w-])", re.IGNORECASE
)
_MAX_NAME_WORDS = 10
_NOT_NAME = re.compile(r"\d{2}|@|\bhttps?:|^(?:n/?a|none|tbd|-+)$", re.IGNORECASE)


def _identifier(text: str) -> str | None:
    match = _ID.search(text.replace("#", " "))
    return match.group(1) if match else None


def _name(text: str) -> str | None:
    cleaned = re.sub(r"\s+", " ", text).strip(" ,;:\"'“”()")
    if len(cleaned) < 2 or _NOT_NAME.search(cleaned) or not cleaned[:1].isalpha():
        return None
    if len(cleaned.split()) > _MAX_NAME_WORDS or match_label(cleaned):
        return None  # a sentence, or the next label of a header row, is no name
    if normalise_label(cleaned) in BLOCK_LABELS:
        return None  # "SHIP TO", "CONTACT": the label of the block beside
    return cleaned


def _months(text: str) -> int | None:
    months = parse_months(text)
    if months is None:
        bare = re.fullmatch(r"\s*(\d{1,3})\s*", text)
        months = int(bare.group(1)) if bare else None
    return months if months is not None and 0 < months <= 240 else None


def _total(text: str) -> Any:
    parsed = parse_amount(text)
    return parsed[0] if parsed else None


def _currency(text: str) -> str | None:
    return parse_currency(text)


_PARSERS: dict[str, Callable[[str], Any]] = {
    "order_number": _identifier,
    "po_number": _identifier,
    "customer_legal_name": _name,
    "provider_legal_name": _name,
    "customer_signatory": _name,
    "currency": _currency,
    "term_months": _months,
    "renewal_term_months": _months,
    "billing_frequency": parse_frequency,
    "payment_terms_days": parse_days,
    "renewal_notice_days": parse_days,
    "auto_renewal": parse_yes_no,
    "renewal_uplift_cap_pct": parse_percent,
    "total_contract_value": _total,
}


def parse_field_value(field: str, text: str, style: DateStyle | None) -> Any:
    """Return ``text`` read as the value of ``field``, or None when it does not parse."""
    if field in DATE_FIELDS:
        return parse_date(text, style)
    return _PARSERS[field](text)
