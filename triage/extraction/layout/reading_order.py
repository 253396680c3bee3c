"""Reading order of pages set in two columns of prose.

A text layer's lines run across the whole page, so a two-column page of general terms
reads as sentences spliced from both columns ("... Usage-based fees are | 10. Governing
law. This Order Form ..."). ``in_reading_order`` finds a gutter, an empty vertical band near
the middle of the page that no word of several consecutive lines crosses while both sides
carry text, and reads the left column of that run of lines before the right one.

Only prose is reordered: each side of the run must be mostly words of letters, several
to a line. A table, whose rows also have gaps at the same place, is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from triage.documents.parsed import Page, ParsedDocument, TextLine, Word

__all__ = ["PageOrders", "in_reading_order"]

_MIN_RUN = 4  # lines with text on both sides of the gutter
_MIN_GUTTER = 6.0  # points of empty band
_MIDDLE = (0.3, 0.7)  # where a gutter may lie, as shares of the page width
_PROSE_WORDS = 4.0  # mean words per line and side that make the sides prose
_BLOCK_GAP_LINES = 2.0  # a vertical gap of more lines than this ends a run of columns


@dataclass(frozen=True, slots=True)
class _Gutter:
    x0: float
    x1: float

    def crossed_by(self, word: Word) -> bool:
        return word.x0 < self.x1 and word.x1 > self.x0


def _gutters(line: TextLine, width: float) -> list[_Gutter]:
    """Gaps between the words of ``line`` wide enough and central enough to be a gutter."""
    low, high = _MIDDLE[0] * width, _MIDDLE[1] * width
    found = []
    for left, right in zip(line.words, line.words[1:], strict=False):
        if right.x0 - left.x1 >= _MIN_GUTTER and low <= (left.x1 + right.x0) / 2 <= high:
            found.append(_Gutter(left.x1, right.x0))
    return found


def _both_sides(line: TextLine, gutter: _Gutter) -> bool:
    return any(w.x1 <= gutter.x0 for w in line.words) and any(w.x0 >= gutter.x1 for w in line.words)


def _two_sided_lines(lines: list[TextLine], gutter: _Gutter, needed: int) -> bool:
    """Whether at least ``needed`` of ``lines`` carry text on both sides of ``gutter``."""
    found = 0
    for line in lines:
        found += _both_sides(line, gutter)
        if found >= needed:
            return True
    return False


def _is_prose(lines: list[TextLine], gutter: _Gutter) -> bool:
    sides = [[w for line in lines for w in line.words if w.x1 <= gutter.x0]]
    sides.append([w for line in lines for w in line.words if w.x0 >= gutter.x1])
    for words in sides:
        lettered = sum(1 for w in words if any(c.isalpha() for c in w.text))
        if len(words) < _PROSE_WORDS * len(lines) or lettered < 0.8 * len(words):
            return False
    return True


_Open = tuple[tuple[float, float], ...]


def _open_bands(line: TextLine) -> _Open:
    """The bands between the words of ``line`` (and beyond its ends) wide enough to hold
    part of a gutter: computed once per line, then intersected with each gutter tried."""
    words = line.words
    edges = [float("-inf")] + [x for w in words for x in (w.x0, w.x1)] + [float("inf")]
    return tuple(
        (left, right)
        for left, right in zip(edges[::2], edges[1::2], strict=True)
        if right - left >= _MIN_GUTTER
    )


def _free_part(bands: _Open, gutter: _Gutter) -> _Gutter | None:
    """The widest part of ``gutter`` that no word of the line covers, if wide enough."""
    best: _Gutter | None = None
    for left, right in bands:
        left, right = max(left, gutter.x0), min(right, gutter.x1)
        if right - left >= _MIN_GUTTER and (best is None or right - left > best.x1 - best.x0):
            best = _Gutter(left, right)
    return best


def _paragraph_gap(above: TextLine, below: TextLine) -> bool:
    """A vertical gap wider than two lines: the end of a block of columns (a signature
    block above the terms, say), which is read on its own."""
    _, top, _, _ = below.bbox
    _, above_top, _, above_bottom = above.bbox
    return top - above_bottom > _BLOCK_GAP_LINES * (above_bottom - above_top)


def _run_from(
    bands: list[_Open], breaks: list[bool], start: int, gutter: _Gutter
) -> tuple[int, _Gutter]:
    """Return the end (exclusive) of the run of lines from ``start`` that leave part of
    ``gutter`` empty, with no wide vertical gap between them (``breaks[i]``: a wide gap
    above line i), and the gutter narrowed to what every line of the run leaves empty."""
    end = start
    while end < len(bands):
        if end > start and breaks[end]:
            break
        narrowed = _free_part(bands[end], gutter)
        if narrowed is None:
            break
        gutter, end = narrowed, end + 1
    return end, gutter


def _split(line: TextLine, gutter: _Gutter) -> tuple[TextLine | None, TextLine | None]:
    left = tuple(w for w in line.words if w.x1 <= gutter.x0)
    right = tuple(w for w in line.words if w.x0 >= gutter.x1)
    return (TextLine(left) if left else None, TextLine(right) if right else None)


def _reorder(page: Page) -> Page:
    lines = page.lines
    out: list[TextLine] = []
    index = 0
    changed = False
    bands = [_open_bands(line) for line in lines]
    breaks = [False] + [_paragraph_gap(a, b) for a, b in pairwise(lines)]
    while index < len(lines):
        reordered = False
        for gutter in _gutters(lines[index], page.width):
            end, gutter = _run_from(bands, breaks, index, gutter)
            if end - index < _MIN_RUN:
                continue
            run = list(lines[index:end])
            if not _two_sided_lines(run, gutter, _MIN_RUN):
                continue
            if not _is_prose(run, gutter):
                continue
            halves = [_split(line, gutter) for line in run]
            out += [left for left, _ in halves if left is not None]
            out += [right for _, right in halves if right is not None]
            index, reordered, changed = end, True, True
            break
        if not reordered:
            out.append(lines[index])
            index += 1
    return replace(page, lines=tuple(out)) if changed else page


PageOrders = dict[int, tuple[Page, Page]]
"""Pages read in order already, by identity of the page as given: ``id -> (page, ordered)``."""


def _ordered(page: Page, known: PageOrders | None) -> Page:
    if known is None:
        return _reorder(page)
    seen = known.get(id(page))
    if seen is not None and seen[0] is page:
        return seen[1]
    ordered = _reorder(page)
    known[id(page)] = (page, ordered)  # holding the page keeps its id from being reused
    return ordered


def in_reading_order(document: ParsedDocument, known: PageOrders | None = None) -> ParsedDocument:
    """Return ``document`` with each run of two-column prose read column by column.

    ``known`` carries the pages already read in order between calls on documents that
    share pages (an order form as parsed and as cleaned of marks, whose unchanged pages
    are the same objects): each such page is read once.
    """
    pages = tuple(_ordered(page, known) for page in document.pages)
    if all(new is old for new, old in zip(pages, document.pages, strict=True)):
        return document
    return replace(document, pages=pages)
