"""Tick boxes drawn as vector graphics, turned into the glyphs a typed form would show.

A procurement form marks a choice by drawing: an empty square for each option and, in the
ticked one, an X or a check stroke, a smaller filled square, or a glyph printed inside
(``X``, ``✓``, a ZapfDingbats ``■``). Readers of the text layer see none of that. This
module turns every drawn box into one word, ``☒`` (marked) or ``☐`` (empty), at the box's
position, and drops the glyph that marked it, so that the text of the page reads like a
form typed with ballot-box characters and one mechanism (``triage.extraction.layout
.choices``) handles every way of marking a choice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triage.documents.parsed import Word

__all__ = ["MARKED", "UNMARKED", "DrawnBox", "tick_box_words"]

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
