"""Score an extraction against a generated case's labels: fields, line items, clauses.

Used by the benchmark, the accuracy tests and the calibration fit, so that all three judge
"correct" the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from triage.contract import FIELD_NAMES, ExtractedLineItem, Extraction

__all__ = ["CaseScore", "field_correct", "line_matches", "score_case"]

_LINE_KEYS = (
    "sku",
    "kind",
    "quantity",
    "unit_price",
    "discount_pct",
    "net_amount",
    "start_date",
    "end_date",
)


def _same(found: Any, expected: Any) -> bool:
    if found is None or expected is None:
        return found is None and expected is None
    if isinstance(found, str) and isinstance(expected, str):
        return (
            re.sub(r"\s+", " ", found).strip().casefold()
            == re.sub(r"\s+", " ", expected).strip().casefold()
        )
    if isinstance(found, Decimal) or (
        isinstance(found, float | int) and not isinstance(found, bool)
    ):
        try:
            return Decimal(str(found)) == Decimal(str(expected))
        except InvalidOperation:
            return False
    if isinstance(found, date):
        return found.isoformat() == str(expected)
    return bool(found == expected or str(getattr(found, "value", found)) == str(expected))


def field_correct(found: Any, expected: Any) -> bool:
    """Return True when an extracted value equals the label (null equals null)."""
    return _same(found, expected)


def line_matches(item: ExtractedLineItem, label: dict[str, Any]) -> bool:
    """Return True when every priced attribute of the item equals the labelled line's."""
    return all(_same(getattr(item, key), label.get(key)) for key in _LINE_KEYS)


@dataclass(slots=True)
class CaseScore:
    """Per-field correctness, line-item and clause counts, and (confidence, correct) pairs."""

    fields: dict[str, bool] = field(default_factory=dict)
    line_tp: int = 0
    line_fp: int = 0
    line_fn: int = 0
    clause_tp: int = 0
    clause_fp: int = 0
    clause_fn: int = 0
    confident: list[tuple[float, bool]] = field(default_factory=list)


def score_case(extraction: Extraction, labels: dict[str, Any]) -> CaseScore:
    """Return how ``extraction`` compares with ``labels`` (the generator's labels.json)."""
    score = CaseScore()
    for name in FIELD_NAMES:
        extracted = extraction.fields.get(name)
        ok = field_correct(extracted.value, labels["fields"].get(name))
        score.fields[name] = ok
        if extracted.value is not None:
            score.confident.append((extracted.confidence, ok))
    unmatched = list(labels["line_items"])
    for item in extraction.line_items:
        hit = next((label for label in unmatched if line_matches(item, label)), None)
        if hit is None:
            score.line_fp += 1
        else:
            unmatched.remove(hit)
            score.line_tp += 1
    score.line_fn = len(unmatched)
    expected = [c["type"] for c in labels.get("clauses", [])]
    for clause in extraction.clauses:
        if clause.type.value in expected:
            expected.remove(clause.type.value)
            score.clause_tp += 1
        else:
            score.clause_fp += 1
    score.clause_fn = len(expected)
    return score
