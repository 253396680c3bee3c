"""What kind of charge a line is: subscription, usage, one-time fee or service."""

from __future__ import annotations

import re

from triage.contract import LineKind
from triage.extraction.lexicon_data import alternation, load_lexicon

__all__ = ["TOTAL_WORDS", "infer_kind", "kind_from_text"]

TOTAL_WORDS = re.compile(
    r"\b(?:sub[\s\-]?total|total|grand\s+total|tax|vat|gst|amount\s+due|balance)\b", re.I
)
"""Words of a totals row (or a tax row): not a line item."""

_KIND_WORDS: tuple[tuple[LineKind, re.Pattern[str]], ...] = tuple(
    (
        kind,
        re.compile(
            rf"(?<!\w)(?:{alternation(load_lexicon().line_kind_words[kind.value])})(?!\w)", re.I
        ),
    )
    for kind in (LineKind.USAGE, LineKind.ONE_TIME, LineKind.SERVICE, LineKind.SUBSCRIPTION)
)
"""The words naming each kind (``line_kind_words`` in the lexicon), in the order tried."""
_PER_UNIT = re.compile(r"\bper\s+(?:\d|[a-z])|/\s*(?:\d|[a-z])", re.I)


def kind_from_text(text: str) -> LineKind | None:
    """Return the kind a type cell names ("Subscription", "Usage", "One-time", "Services")."""
    for kind, pattern in _KIND_WORDS:
        if pattern.search(text):
            return kind
    return None


def infer_kind(
    description: str, price_text: str, has_quantity: bool, has_dates: bool, notes: str = ""
) -> LineKind:
    """Return the kind of a line without a type column, from its wording and shape.

    A rate quoted "per" a unit with no committed quantity is usage; fees named setup or
    one-time are one-time; professional services are services; the rest is subscription.
    ``notes`` (the small type under a description: "overage rate; billed in arrears") name
    the kind where the description names none.
    """
    named = kind_from_text(description) or (kind_from_text(notes) if notes else None)
    per_unit = _PER_UNIT.search(price_text) or _PER_UNIT.search(description)
    if named is LineKind.USAGE or (per_unit and not has_quantity):
        return LineKind.USAGE
    if named is not None:
        return named
    return LineKind.SUBSCRIPTION if has_dates or has_quantity else LineKind.ONE_TIME
