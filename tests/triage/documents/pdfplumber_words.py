"""The reference side of the box tests: pdfplumber's words, and how ours are matched to them."""

from __future__ import annotations

import io
from collections import defaultdict

import pdfplumber

from triage.documents.parsed import ParsedDocument, Word

TOLERANCE_PT = 1.0


def reference_words(pdf: bytes) -> list[dict[str, dict[str, list[tuple[float, ...]]]]]:
    """Return, per page, pdfplumber's word boxes keyed by text (and by reversed text).

    pdfplumber spells words on upside-down pages backwards; the box is what we compare.
    """
    pages = []
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            boxes: dict[str, list[tuple[float, ...]]] = defaultdict(list)
            for w in page.extract_words():
                box = (w["x0"], w["top"], w["x1"], w["bottom"])
                boxes[w["text"]].append(box)
                boxes[w["text"][::-1]].append(box)
            pages.append({"boxes": boxes, "size": {"": [(page.width, page.height)]}})
    return pages


def matches(word: Word, candidates: list[tuple[float, ...]]) -> bool:
    """Return True if some candidate box is within the tolerance of the word's box."""
    return any(
        max(abs(a - b) for a, b in zip(word.bbox, box, strict=True)) <= TOLERANCE_PT
        for box in candidates
    )


def unmatched_words(document: ParsedDocument, pdf: bytes) -> tuple[int, list[Word]]:
    """Return our word count and the words with no pdfplumber word of the same text and box."""
    reference = reference_words(pdf)
    assert len(reference) == document.page_count
    misses: list[Word] = []
    total = 0
    for page, ref in zip(document.pages, reference, strict=True):
        ((width, height),) = ref["size"][""]
        assert abs(page.width - width) < 0.01 and abs(page.height - height) < 0.01
        for word in page.words:
            total += 1
            if not matches(word, ref["boxes"].get(word.text, [])):
                misses.append(word)
    return total, misses
