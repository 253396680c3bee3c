"""Marks of a form filled in by hand: dotted leaders and brackets around the values.

"Order number ........ CT/2027/0419" leads the eye from a label to its value with dots;
a template filled in a word processor puts each value in brackets ("within [ 45 ] days",
"Customer: [ Whitcombe Surveying Associates LLC ]"). Neither is part of the value.
``without_fill_marks`` turns leader dots into the colon they stand for ("Order number:")
and drops the brackets around values, so that every later
stage reads the form as if it were typed plainly. Tick-box markers such as ``[X]`` are
resolved before this (``triage.extraction.layout.choices``).

A blank is as wide as the form printed it, not as the value written in it: "within
[ 45 ] days", "for __24__ months", or "1" typed over a drawn line 40 points long and then
"years". Read by its words alone, the value would stand a wide gap away from the unit
after it and be cut off from it as a cell of its own ("1", read as one month). So a filled
blank's value keeps the whole blank as its box: the brackets' and underscores' width, or
the drawn line's length when the blank sits inside a line of text (words close before or
after the line). The words around it then stand at word spacing, as the sentence reads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from triage.documents.parsed import Page, ParsedDocument, Ruling, TextLine, Word

__all__ = ["without_fill_marks"]

_LEADER = re.compile(r"^[.·…_]{3,}$")
_TRAILING_LEADER = re.compile(r"[.·…_]{3,}$")
_LEADING_LEADER = re.compile(r"^[.·…_]{3,}")
# One word in brackets, with the sentence's punctuation after it. (Tick boxes such as "[X]"
# are resolved before fill marks are read, so none is left here.)
_WHOLE_BRACKETED = re.compile(r"^\[([^\[\]\s]+)\]([.,;:]?)$")
_CODE = re.compile(r"(?=.*[A-Z])(?=.*[\d\-_])")  # capitals with digits or hyphens: a code
_FILL_CHAR = re.compile(r"[.·…_\[\]]")  # a word without any of these has no fill mark
# A value written between underscores ("__CS-10577__", "__Bellweather" ... "Co.__").
_UNDERSCORES_BEFORE = re.compile(r"^_{2,}(?=[^_])")
_UNDERSCORES_AFTER = re.compile(r"(?<=[^_])_{2,}(?=[.,;:]?$)")
# A drawn blank: its line lies at the foot of the words written on it (up to this share of
# their height below), and a word of the sentence goes on within this many heights of it.
_ON_THE_LINE = 0.45
_IN_A_SENTENCE = 0.8
# A blank printed a little further from the word before it ("payable within   [ 45 ]")
# is still in its sentence: its value reaches back to one space after that word.
_BEFORE_A_BLANK = 1.5
_SPACE = 0.3


def _clean(word: Word) -> Word | None:
    """Return ``word`` without leader dots or value brackets; None when nothing is left."""
    text = word.text
    if _LEADER.match(text) or text in {"[", "]"}:
        return None
    unscored = _UNDERSCORES_AFTER.sub("", _UNDERSCORES_BEFORE.sub("", text))
    if unscored != text:  # the value keeps the blank's width (see the module's docstring)
        return replace(word, text=unscored)
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


def _height(word: Word) -> float:
    return word.bottom - word.top


def _on_blanks(words: list[Word], rulings: Sequence[Ruling]) -> list[Word]:
    """Give the words written on a drawn blank inside a line of text the blank's width.

    The words before and after the blank must stand on no drawn line themselves: a row of
    ruled boxes, or of blanks side by side ("Name ____  Title ____"), is a row of cells,
    each value its own.
    """
    if not words:
        return words
    height = max(w.bottom - w.top for w in words)
    foot = max(w.bottom for w in words)
    under = [
        rule
        for rule in rulings
        if foot - 1.0 <= (rule.top + rule.bottom) / 2 <= foot + _ON_THE_LINE * height
    ]
    if not under:
        return words

    def on_a_rule(word: Word) -> bool:
        middle = (word.x0 + word.x1) / 2
        return any(rule.x0 - 1.0 <= middle <= rule.x1 + 1.0 for rule in under)

    for rule in under:
        on = [i for i, w in enumerate(words) if rule.x0 - 1.0 <= (w.x0 + w.x1) / 2 <= rule.x1 + 1.0]
        if not on:
            continue
        first, last = on[0], on[-1]
        before = words[first - 1] if first > 0 else None
        near = before is not None and 0 <= rule.x0 - before.x1 <= _BEFORE_A_BLANK * height
        if before is not None and near and not on_a_rule(before):
            start = min(rule.x0, before.x1 + _SPACE * height)
            words[first] = replace(words[first], x0=min(words[first].x0, start))
        after = words[last + 1] if last + 1 < len(words) else None
        near = after is not None and 0 <= after.x0 - rule.x1 <= _IN_A_SENTENCE * height
        if after is not None and near and not on_a_rule(after):
            words[last] = replace(words[last], x1=max(words[last].x1, rule.x1))
    return words


def _clean_page(page: Page) -> Page:
    lines = []
    changed = False
    rulings = [r for r in page.rulings if r.x1 - r.x0 > r.bottom - r.top]
    for line in page.lines:
        words: list[Word] = []
        opened: float | None = None  # the left edge of a "[" dropped before a value
        for word in line.words:
            if word.text and not _FILL_CHAR.search(word.text):
                if opened is not None:
                    word = replace(word, x0=opened)
                    opened = None
                words.append(word)
                continue
            if word.text == "[":
                opened = word.x0
                if words and 0 <= word.x0 - words[-1].x1 <= _BEFORE_A_BLANK * _height(word):
                    opened = min(opened, words[-1].x1 + _SPACE * _height(word))
            elif word.text == "]":
                if opened is None and words and words[-1].x1 < word.x1:
                    words[-1] = replace(words[-1], x1=word.x1)  # the value keeps the "]"
                opened = None
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
                if opened is not None and word.text != "[":
                    cleaned, opened = replace(cleaned, x0=opened), None
                elif _UNDERSCORES_BEFORE.match(word.text) and words:
                    gap = word.x0 - words[-1].x1
                    if 0 <= gap <= _BEFORE_A_BLANK * _height(word):
                        start = words[-1].x1 + _SPACE * _height(word)
                        cleaned = replace(cleaned, x0=min(cleaned.x0, start))
                words.append(cleaned)
        if rulings:
            words = _on_blanks(words, rulings)
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
