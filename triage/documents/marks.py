"""Tick boxes drawn as vector graphics, turned into the glyphs a typed form would show.

A procurement form marks a choice by drawing: an empty square for each option and, in the
ticked one, an X or a check stroke, a smaller filled square, or a glyph printed inside
(``X``, ``✓``, a ZapfDingbats ``■``). Readers of the text layer see none of that. This
module turns every drawn box into one word, ``☒`` (marked) or ``☐`` (empty), at the box's
position, and drops the glyph that marked it, so that the text of the page reads like a
form typed with ballot-box characters and one mechanism (``triage.extraction.layout
.choices``) handles every way of marking a choice.

A form also marks a choice by striking out the words that do not apply ("renews /
~~does not renew~~ automatically"): a thin line drawn through the middle of the letters,
from just before the first struck word to just after the last. ``struck_words`` finds
them among the page's horizontal rulings, told apart from an underline (at or below the
letters' foot) and from a table rule (which runs on well past the words it crosses).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triage.documents.parsed import Ruling, Word

__all__ = ["MARKED", "UNMARKED", "DrawnBox", "struck_words", "tick_box_words"]

MARKED = "☒"
UNMARKED = "☐"
Box = tuple[float, float, float, float]  # x0, top, x1, bottom (page coordinates)

# Glyphs that, printed inside a drawn box, mark it; longer words are never marks.
_MARK_GLYPHS = frozenset("xX✓✔✗✘■●•◼▪☒☑✕✖+")


@dataclass(frozen=True, slots=True)
class DrawnBox:
    """A small, square-ish path: a tick box or, when ``filled``, a mark inside one."""

    box: Box
    filled: bool


def _centre(box: Box) -> tuple[float, float]:
    return ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def _inside(inner: Box, outer: Box, slack: float = 1.0) -> bool:
    x, y = _centre(inner)
    return outer[0] - slack <= x <= outer[2] + slack and outer[1] - slack <= y <= outer[3] + slack


def _area(box: Box) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def _outer_boxes(boxes: Sequence[DrawnBox]) -> list[DrawnBox]:
    """Return the boxes that lie inside no larger box (the tick boxes themselves)."""
    return [
        box
        for box in boxes
        if not any(
            other is not box and _area(other.box) > _area(box.box) and _inside(box.box, other.box)
            for other in boxes
        )
    ]


def tick_box_words(
    boxes: Sequence[DrawnBox], strokes: Sequence[Box], words: Sequence[Word]
) -> list[Word]:
    """Return ``words`` with one ``☒``/``☐`` word per drawn tick box.

    A box is marked when it is filled itself, holds a smaller filled box or a stroke (an X
    or a check drawn as lines), or holds a one-character mark glyph; that glyph's word is
    dropped, since the box word now says the same.
    """
    if not boxes:
        return list(words)
    outer = _outer_boxes(boxes)
    glyphs = [
        (index, word)
        for index, word in enumerate(words)
        if len(word.text) == 1 and word.text in _MARK_GLYPHS
    ]
    consumed: set[int] = set()
    added: list[Word] = []
    for tick in outer:
        marked = tick.filled
        marked = marked or any(
            inner is not tick and inner.filled and _inside(inner.box, tick.box) for inner in boxes
        )
        marked = marked or any(_inside(stroke, tick.box) for stroke in strokes)
        for index, word in glyphs:  # only one-character mark glyphs can mark a box
            if _inside(word.bbox, tick.box):
                consumed.add(index)
                marked = True
        x0, top, x1, bottom = tick.box
        added.append(Word(MARKED if marked else UNMARKED, x0, top, x1, bottom))
    kept = [word for index, word in enumerate(words) if index not in consumed]
    return kept + added


# A strike-through crosses the letters between these shares of the word's height from its
# top (an underline lies at its foot), covers most of each struck word, and ends within
# this many word heights of the struck run's outer edges (a table rule runs on).
_STRIKE_BAND = (0.3, 0.85)
_STRIKE_COVER = 0.6
_STRIKE_OVERHANG = 1.0
_THIN_RULE = 1.5


def struck_words(words: Sequence[Word], rulings: Sequence[Ruling]) -> frozenset[int]:
    """Return the indexes of the ``words`` of one text line that a drawn line strikes out."""
    if not words or not rulings:
        return frozenset()
    struck: set[int] = set()
    top, bottom = min(w.top for w in words), max(w.bottom for w in words)
    for rule in rulings:
        if abs(rule.bottom - rule.top) > _THIN_RULE or rule.x1 - rule.x0 <= 0:
            continue
        y = (rule.top + rule.bottom) / 2
        if not top < y < bottom:
            continue
        run = []
        for index, word in enumerate(words):
            height = word.bottom - word.top
            if not word.top + _STRIKE_BAND[0] * height <= y <= word.top + _STRIKE_BAND[1] * height:
                continue
            covered = min(rule.x1, word.x1) - max(rule.x0, word.x0)
            if covered >= _STRIKE_COVER * max(word.x1 - word.x0, 0.1):
                run.append(index)
        if not run:
            continue
        height = max(words[i].bottom - words[i].top for i in run)
        first, last = words[run[0]], words[run[-1]]
        if (
            abs(rule.x0 - first.x0) <= _STRIKE_OVERHANG * height
            and abs(rule.x1 - last.x1) <= _STRIKE_OVERHANG * height
        ):
            struck.update(run)
    return frozenset(struck)
