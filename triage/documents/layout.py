"""Page geometry: PDF user space to pdfplumber's top-left points, and words into text lines.

pdfplumber (through pdfminer) places a point by first applying the page rotation to the
MediaBox-relative position and then flipping the y axis against the rotated MediaBox
height. ``PageFrame`` reproduces that arithmetic exactly so that a box computed from
pdfium's raw user-space coordinates lands where pdfplumber would put it, including pages
whose MediaBox does not start at the origin and pages with a ``/Rotate`` entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from triage.documents.parsed import TextLine, Word

__all__ = ["PageFrame", "group_lines"]

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class PageFrame:
    """A page's MediaBox (``x0, y0, x1, y1`` in user space) and its rotation in degrees."""

    x0: float
    y0: float
    x1: float
    y1: float
    rotation: int = 0

    @classmethod
    def from_mediabox(cls, box: Box, rotation: int) -> PageFrame:
        """Return the frame for a raw MediaBox (any two opposite corners) and ``/Rotate``."""
        left, right = sorted((box[0], box[2]))
        low, high = sorted((box[1], box[3]))
        turn = rotation % 360
        return cls(left, low, right, high, turn if turn in (0, 90, 180, 270) else 0)

    @property
    def _turned(self) -> bool:
        return self.rotation in (90, 270)

    @property
    def width(self) -> float:
        """Return the displayed page width, as pdfplumber's ``page.width``."""
        return (self.y1 - self.y0) if self._turned else (self.x1 - self.x0)

    @property
    def height(self) -> float:
        """Return the displayed page height, as pdfplumber's ``page.height``."""
        return (self.x1 - self.x0) if self._turned else (self.y1 - self.y0)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """Return the pdfplumber ``(x, top)`` of the user-space point ``(x, y)``."""
        if self.rotation == 90:
            u, v = y - self.y0, self.x1 - x
        elif self.rotation == 180:
            u, v = self.x1 - x, self.y1 - y
        elif self.rotation == 270:
            u, v = self.y1 - y, x - self.x0
        else:
            u, v = x - self.x0, y - self.y0
        shift_x, shift_y = (self.y0, self.x0) if self._turned else (self.x0, self.y0)
        return u + shift_x, self.height - v - shift_y

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        """Return the pdfplumber ``(x0, top, x1, bottom)`` of a user-space rectangle."""
        if self.rotation == 0:
            # ``point`` of an upright page inlined (every word box comes through here): the
            # same operations in the same order, so the same floats.
            x0, y0 = self.x0, self.y0
            height = self.y1 - y0
            ax, bx = (left - x0) + x0, (right - x0) + x0
            ay, by = height - (bottom - y0) - y0, height - (top - y0) - y0
        else:
            ax, ay = self.point(left, bottom)
            bx, by = self.point(right, top)
        # min() and max() of two, written out (the same pick, NaN and ties included: min
        # keeps the first unless the second is smaller); a call each was most of the cost
        return (
            bx if bx < ax else ax,
            by if by < ay else ay,
            bx if bx > ax else ax,
            by if by > ay else ay,
        )


def group_lines(words: Iterable[Word]) -> tuple[TextLine, ...]:
    """Return the words grouped into lines by baseline, top to bottom, each left to right.

    Two words share a line when their bottoms differ by less than half the smaller word
    height (at least one point), which keeps superscripts and slightly offset table cells
    on their row while separating lines set with normal leading.
    """
    ordered = sorted(words, key=_by_baseline)
    lines: list[list[Word]] = []
    anchor_bottom = anchor_height = 0.0
    for word in ordered:
        bottom = word.bottom
        height = bottom - word.top
        if lines and bottom - anchor_bottom < max(1.0, 0.5 * min(anchor_height, height)):
            lines[-1].append(word)
            continue
        lines.append([word])
        anchor_bottom, anchor_height = bottom, height
    return tuple(TextLine(_without_overprint(line)) for line in lines)


_by_baseline = attrgetter("bottom", "x0")
_by_x0 = attrgetter("x0")


def _without_overprint(line: list[Word]) -> tuple[Word, ...]:
    """Return the line left to right, dropping words printed twice at one spot (faux bold)."""
    if len(line) > 1:
        line.sort(key=_by_x0)
    kept: list[Word] = []
    for word in line:
        text, x0, top = word.text, word.x0, word.top
        for k in kept[-3:]:
            if k.text == text and abs(k.x0 - x0) < 1.0 and abs(k.top - top) < 1.0:
                break
        else:
            kept.append(word)
    return tuple(kept)
