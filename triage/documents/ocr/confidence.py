"""How far a value read by OCR can be trusted: no further than its least certain word.

The extraction's confidence says how sure the rules are that these words are the value;
for words recognised on a scan, the recogniser may also have misread them (a 5 for a 6).
``recognition_ceiling`` caps the field's confidence by the weakest word's recognition
confidence, plus a small margin for words of letters because engines under-report on
clean print (none for numbers: a misread digit is a wrong value).
"""

from __future__ import annotations

from collections.abc import Iterable

from triage.documents.parsed import ParsedDocument, Word

__all__ = [
    "RECOGNITION_MARGIN",
    "accent_blind",
    "plain_letters",
    "recognition_ceiling",
    "trust",
    "words_in",
]

RECOGNITION_MARGIN = 0.05
# Tesseract models whose alphabet has no accented letter but "é" (its unicharset says).
_ACCENTLESS_MODELS = frozenset({"eng", "osd"})


def trust(word: Word) -> float:
    """Return how far ``word`` can be trusted as read: 1.0 on a text layer, else its
    recognition confidence (plus ``RECOGNITION_MARGIN`` for a word without digits)."""
    if word.confidence >= 1.0:
        return 1.0  # the text layer's own word
    if any(char.isdigit() for char in word.text):
        # No margin for a number: a 5 read for a 6 is a wrong amount, not a typo in a name,
        # so a digit the recogniser doubts sends the value to review.
        return word.confidence
    return min(1.0, word.confidence + RECOGNITION_MARGIN)


def recognition_ceiling(words: Iterable[Word]) -> float:
    """Return the highest confidence a value read from ``words`` may have (1.0 for a text
    layer's words): the least trusted word's recognition confidence, with a small margin
    for words without digits."""
    return round(min((trust(w) for w in words), default=1.0), 4)


def plain_letters(text: str) -> bool:
    """Return whether every letter of ``text`` is a plain ASCII letter (no accent)."""
    return all(char.isascii() for char in text if char.isalpha())


def accent_blind(document: ParsedDocument) -> frozenset[int]:
    """Return the numbers of the pages read by a recogniser without accented letters:
    tesseract with only its English model (whose alphabet has ``é`` and no other accented
    letter), or an engine that does not say its models. A name read there may have lost
    its accents (``Tomas`` for ``Tomás``) with every letter recognised surely."""
    return frozenset(
        page.number
        for page in document.pages
        if page.source == "ocr" and not _writes_accents(page.recogniser)
    )


def _writes_accents(recogniser: str) -> bool:
    """Return whether ``recogniser`` (``tesseract eng+spa``) has a model beyond English."""
    engine, _, languages = recogniser.partition(" ")
    return engine == "tesseract" and any(
        model not in _ACCENTLESS_MODELS for model in languages.split("+") if model
    )


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
