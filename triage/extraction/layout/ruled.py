"""Drawn rules between runs of words: the cell edges of a ruled table or form.

A vertical rule between a label and the run to its right makes the two a label cell and
its value cell (as sure a pairing as a colon); a grid's horizontal rule between two stacked
runs puts them in different rows, so the lower is no value of the upper.
"""

from __future__ import annotations

from triage.documents.parsed import Ruling
from triage.extraction.layout.segments import Segment

__all__ = [
    "in_a_grid_row",
    "is_horizontal",
    "is_vertical",
    "rule_between_cells",
    "rule_between_rows",
    "spans_line",
]

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


def rule_between_cells(rulings: tuple[Ruling, ...], left: Segment, right: Segment) -> bool:
    """Whether a vertical rule stands in the gap between ``left`` and ``right`` on their line."""
    return any(
        is_vertical(r)
        and left.x1 - _SLACK <= r.x0 <= right.x0 + _SLACK
        and spans_line(r, left)
        and spans_line(r, right)
        for r in rulings
    )


def in_a_grid_row(rulings: tuple[Ruling, ...], seg: Segment) -> bool:
    """Whether a vertical rule crosses ``seg``'s line: the run sits in a ruled row."""
    return any(is_vertical(r) and spans_line(r, seg) for r in rulings)


def rule_between_rows(rulings: tuple[Ruling, ...], upper: Segment, lower: Segment) -> bool:
    """Whether a horizontal rule under ``upper`` and over ``lower`` spans both."""
    return any(
        is_horizontal(r)
        and upper.bottom - _SLACK <= r.top <= lower.top + _SLACK
        and r.x0 <= max(upper.x0, lower.x0) + _SLACK
        and r.x1 >= min(upper.x1, lower.x1) - _SLACK
        for r in rulings
    )
