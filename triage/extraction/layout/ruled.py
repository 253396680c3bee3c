"""Drawn rules between runs of words: the cell edges of a ruled table or form.

A vertical rule between a label and the run to its right makes the two a label cell and
its value cell (as sure a pairing as a colon); a grid's horizontal rule between two stacked
runs puts them in different rows, so the lower is no value of the upper.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from triage.documents.parsed import Ruling
from triage.extraction.layout.segments import Segment

__all__ = ["PageRules", "is_horizontal", "is_vertical", "spans_line"]

_FLAT = 1.0  # a rule is at most this thick
_SLACK = 1.5  # points a rule may stand into the runs it divides


def is_vertical(r: Ruling) -> bool:
    """Whether ``r`` is a vertical rule: thin across, longer than thick."""
    return r.x1 - r.x0 <= _FLAT and r.bottom - r.top > _FLAT


def is_horizontal(r: Ruling) -> bool:
    """Whether ``r`` is a horizontal rule: thin down, longer than thick."""
    return r.bottom - r.top <= _FLAT and r.x1 - r.x0 > _FLAT


def spans_line(r: Ruling, seg: Segment) -> bool:
    """Whether ``r`` reaches over the middle of ``seg``'s line."""
    middle = (seg.top + seg.bottom) / 2
    return r.top <= middle <= r.bottom


class PageRules:
    """A page's drawn rules, indexed for the tests between runs: the vertical rules sorted
    by their left edge and the horizontal ones by their top, once per page. The tests ask
    about one gap or one band at a time; walking every rule of a ruled page for every pair
    of runs was most of the key/value stage on table-heavy pages."""

    def __init__(self, rulings: tuple[Ruling, ...]) -> None:
        self.rulings = rulings
        self.verticals = sorted((r for r in rulings if is_vertical(r)), key=lambda r: r.x0)
        self._lefts = [r.x0 for r in self.verticals]
        self.horizontals = sorted((r for r in rulings if is_horizontal(r)), key=lambda r: r.top)
        self._tops = [r.top for r in self.horizontals]

    def verticals_within(self, low: float, high: float) -> list[Ruling]:
        """Return the vertical rules whose left edge lies in ``[low, high]``."""
        return [
            r
            for r in self.verticals[bisect_left(self._lefts, low) : bisect_right(self._lefts, high)]
            if low <= r.x0 <= high  # (a NaN bound selects nothing, as the plain test does)
        ]

    def between_cells(self, left: Segment, right: Segment) -> bool:
        """Whether a vertical rule stands in the gap between ``left`` and ``right`` on their
        line."""
        return any(
            spans_line(r, left) and spans_line(r, right)
            for r in self.verticals_within(left.x1 - _SLACK, right.x0 + _SLACK)
        )

    def in_a_grid_row(self, seg: Segment) -> bool:
        """Whether a vertical rule crosses ``seg``'s line: the run sits in a ruled row."""
        return any(spans_line(r, seg) for r in self.verticals)

    def between_rows(self, upper: Segment, lower: Segment) -> bool:
        """Whether a horizontal rule under ``upper`` and over ``lower`` spans both."""
        low, high = upper.bottom - _SLACK, lower.top + _SLACK
        tops = self._tops
        return any(
            low <= r.top <= high
            and r.x0 <= max(upper.x0, lower.x0) + _SLACK
            and r.x1 >= min(upper.x1, lower.x1) - _SLACK
            for r in self.horizontals[bisect_left(tops, low) : bisect_right(tops, high)]
        )
