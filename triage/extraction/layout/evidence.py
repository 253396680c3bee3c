"""Evidence: the words a value was read from, one union box per line, on their page."""

from __future__ import annotations

from collections.abc import Iterable

from triage.contract import Evidence
from triage.documents.parsed import Word

__all__ = ["PlacedWord", "evidence_for"]

PlacedWord = tuple[int, int, Word]
"""A word with its 1-based page number and the index of its line on that page."""


def evidence_for(words: Iterable[PlacedWord]) -> list[Evidence]:
    """Return one Evidence per (page, line) the words sit on, boxes as union of the words."""
    grouped: dict[tuple[int, int], list[Word]] = {}
    for page, line, word in words:
        grouped.setdefault((page, line), []).append(word)
    evidence = []
    for (page, _), line_words in sorted(grouped.items()):
        line_words.sort(key=lambda w: w.x0)
        evidence.append(
            Evidence(
                page=page,
                bbox=(
                    round(min(w.x0 for w in line_words), 2),
                    round(min(w.top for w in line_words), 2),
                    round(max(w.x1 for w in line_words), 2),
                    round(max(w.bottom for w in line_words), 2),
                ),
                text=" ".join(w.text for w in line_words),
            )
        )
    return evidence
