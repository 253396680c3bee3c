"""Marks of a form filled in by hand: dotted leaders and brackets around the values.

"Order number ........ CT/2027/0419" leads the eye from a label to its value with dots;
a template filled in a word processor puts each value in brackets ("within [ 45 ] days",
"Customer: [ Whitcombe Surveying Associates LLC ]"). Neither is part of the value.
``without_fill_marks`` turns leader dots into the colon they stand for ("Order number:")
and drops the brackets around values, so that every later
stage reads the form as if it were typed plainly. Tick-box markers such as ``[X]`` are
resolved before this (``triage.extraction.layout.choices``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from triage.documents.parsed import Page, ParsedDocument, TextLine, Word

__all__ = ["without_fill_marks"]

_LEADER = re.compile(r"^[.·…_]{3,}$")
_TRAILING_LEADER = re.compile(r"[.·…_]{3,}$")
_LEADING_LEADER = re.compile(r"^[.·…_]{3,}")
# One word in brackets, with the sentence's punctuation after it. (Tick boxes such as "[X]"
# are resolved before fill marks are read, so none is left here.)
_WHOLE_BRACKETED = re.compile(r"^\[([^\[\]\s]+)\]([.,;:]?)$")
_CODE = re.compile(r"(?=.*[A-Z])(?=.*[\d\-_])")  # capitals with digits or hyphens: a code
_FILL_CHAR = re.compile(r"[.·…_\[\]]")  # a word without any of these has no fill mark


def _clean(word: Word) -> Word | None:
    """Return ``word`` without leader dots or value brackets; None when nothing is left."""
    text = word.text
    if _LEADER.match(text) or text in {"[", "]"}:
        return None
    stripped = _LEADING_LEADER.sub("", _TRAILING_LEADER.sub("", text))
    whole = _WHOLE_BRACKETED.match(stripped)
    if whole and not _CODE.search(whole.group(1)):
        # "Net [60]", "[01/09/2027]", "[quarterly]." : one value in unpadded brackets. A
        # code in brackets ("[ABC-100]") is left as printed: it names an item's SKU.
        stripped = whole.group(1) + whole.group(2)
    if stripped.startswith("[") and "]" not in stripped[1:]:
        stripped = stripped[1:]
    if stripped.endswith("]") and "[" not in stripped[:-1]:
        stripped = stripped[:-1]
    elif stripped.endswith(("].", "],", "];")) and "[" not in stripped:
        stripped = stripped[:-2] + stripped[-1]
    if not stripped:
        return None
    if stripped == text:
        return word
    # Keep the box of the characters that remain (shared out by character count).
    share = (word.x1 - word.x0) / max(1, len(text))
    start = text.find(stripped)
    x0 = word.x0 + share * max(start, 0)
    return Word(stripped, x0, word.top, x0 + share * len(stripped), word.bottom, word.confidence)


def _clean_page(page: Page) -> Page:
    lines = []
    changed = False
    for line in page.lines:
        words: list[Word] = []
        for word in line.words:
            if word.text and not _FILL_CHAR.search(word.text):
                words.append(word)
                continue
            cleaned = _clean(word)
            led = _LEADER.match(word.text) or _TRAILING_LEADER.search(word.text)
            if led and cleaned is not word and words and not words[-1].text.endswith(":"):
                # Leader dots join a label to its value as a colon does.
                last = words[-1] if cleaned is None else None
                if last is not None:
                    words[-1] = replace(last, text=last.text + ":")
                elif cleaned is not None:
                    cleaned = replace(cleaned, text=cleaned.text + ":")
            if cleaned is not None:
                words.append(cleaned)
        same = len(words) == len(line.words) and all(
            a is b for a, b in zip(words, line.words, strict=True)
        )
        changed = changed or not same
        if words:  # an unchanged line stays the same object, with what it has computed
            lines.append(line if same else TextLine(tuple(words)))
    return replace(page, lines=tuple(lines)) if changed else page


def without_fill_marks(document: ParsedDocument) -> ParsedDocument:
    """Return ``document`` without leader dots and brackets around filled-in values."""
    pages = tuple(_clean_page(page) for page in document.pages)
    if all(new is old for new, old in zip(pages, document.pages, strict=True)):
        return document
    return replace(document, pages=pages)
