"""How far a value read by OCR can be trusted: no further than its least certain word.

The extraction's confidence says how sure the rules are that these words are the value;
for words recognised on a scan, the recogniser may also have misread them (a 5 for a 6).
``recognition_ceiling`` caps the field's confidence by the weakest word's recognition
confidence, plus a small margin because engines under-report on clean print.
"""

from __future__ import annotations

from collections.abc import Iterable

from triage.documents.parsed import ParsedDocument, Word

__all__ = ["RECOGNITION_MARGIN", "recognition_ceiling", "words_in"]

RECOGNITION_MARGIN = 0.05


def recognition_ceiling(words: Iterable[Word]) -> float:
    """Return the highest confidence a value read from ``words`` may have (1.0 for a text
    layer's words)."""
    weakest = min((w.confidence for w in words), default=1.0)
    return 1.0 if weakest >= 1.0 else round(min(1.0, weakest + RECOGNITION_MARGIN), 4)


def words_in(
    document: ParsedDocument, boxes: Iterable[tuple[int, tuple[float, float, float, float]]]
) -> list[Word]:
    """Return the OCR-read words with a digit whose centres fall in the given ``(page,
    bbox)`` boxes: the numbers of a line item, whose evidence keeps boxes, not words (its
    description's words and the dashes between dates decide nothing the rules compare)."""
    found = []
    for number, (x0, top, x1, bottom) in boxes:
        if not 1 <= number <= document.page_count:
            continue
        page = document.pages[number - 1]
        if page.source != "ocr":
            continue
        for word in page.words:
            middle_x, middle_y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
            inside = x0 <= middle_x <= x1 and top <= middle_y <= bottom
            if inside and any(char.isdigit() for char in word.text):
                found.append(word)
    return found
