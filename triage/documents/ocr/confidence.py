"""How far a value read by OCR can be trusted: no further than its least certain word.

The extraction's confidence says how sure the rules are that these words are the value;
for words recognised on a scan, the recogniser may also have misread them (a 5 for a 6).
``recognition_ceiling`` caps the field's confidence by the weakest word's recognition
confidence, plus a small margin because engines under-report on clean print.
"""

from __future__ import annotations

from collections.abc import Iterable

from triage.documents.parsed import Word

__all__ = ["RECOGNITION_MARGIN", "recognition_ceiling"]

RECOGNITION_MARGIN = 0.05


def recognition_ceiling(words: Iterable[Word]) -> float:
    """Return the highest confidence a value read from ``words`` may have (1.0 for a text
    layer's words)."""
    weakest = min((w.confidence for w in words), default=1.0)
    return 1.0 if weakest >= 1.0 else round(min(1.0, weakest + RECOGNITION_MARGIN), 4)
