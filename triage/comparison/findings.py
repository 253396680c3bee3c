"""What a rule returns: findings, and the reads it could not trust.

A ``Finding`` is a discrepancy before the pack dresses it with code, severity, queue and
message. An ``Unreadable`` is a term a rule needed but could not trust; the engine turns
those into LOW_CONFIDENCE_EXTRACTION exceptions, one per field.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from triage.contract import Evidence, Severity

__all__ = ["Finding", "Reading", "Unreadable", "display_value", "json_value"]

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class Finding:
    """One discrepancy: the field judged, expected and found values, and its evidence.

    ``expected``/``found`` are JSON-friendly (see ``json_value``); ``details`` fills the
    extra placeholders of the rule's message template; ``severity`` overrides the pack's
    severity for this one finding (e.g. payment terms beyond the longest standard term).
    """

    field: str | None
    expected: Any
    found: Any
    evidence: tuple[Evidence, ...] = ()
    details: Mapping[str, str] = dataclasses.field(default_factory=dict)
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A term a rule needed whose value is missing or below its confidence threshold."""

    field: str
    value: Any
    confidence: float
    threshold: float
    evidence: tuple[Evidence, ...] = ()
    proposed_by_llm: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """The outcome of reading one extracted term: ``ok`` is False when it cannot be trusted."""

    name: str
    value: Any
    ok: bool
    evidence: tuple[Evidence, ...] = ()


def json_value(value: Any) -> Any:
    """Return ``value`` as JSON travels: money as a decimal string, dates ISO, enums by value."""
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent > -2:
            value = value.quantize(CENT)
        return format(value, "f")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def display_value(value: Any) -> str:
    """Return a JSON-friendly value as a short phrase for a message."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(display_value(v) for v in value) or "nothing"
    if isinstance(value, dict):
        return ", ".join(f"{k} {display_value(v)}" for k, v in value.items())
    return str(value)
