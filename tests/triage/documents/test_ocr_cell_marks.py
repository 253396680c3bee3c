"""Pixels of a scanned form's ruled rows: a check mark drawn past its tick box (``☑``)
still makes a marked box, and the short upright borders between a row's cells are
rulings, where a free upright stroke of the same length is not."""

from __future__ import annotations

import cv2
import numpy as np

from triage.documents.ocr.ink import line_ink, rulings
from triage.documents.ocr.ticks import find_tick_boxes

DPI = 300
PT = DPI / 72


def _px(points: float) -> int:
    return round(points * PT)


def _box(mask: np.ndarray, x: int, y: int, side: int) -> None:
    cv2.rectangle(mask, (x, y), (x + side, y + side), 255, 3)


def _check_past_the_box(mask: np.ndarray, x: int, y: int, side: int) -> None:
    """A check stroke from inside the box out past its top right corner (``☑``)."""
    cv2.line(mask, (x + side // 5, y + side // 2), (x + side // 2, y + side - 4), 255, 6)
    cv2.line(mask, (x + side // 2, y + side - 4), (x + side + side // 5, y - side // 4), 255, 6)


def test_a_check_mark_drawn_past_its_box_is_a_marked_tick_box() -> None:
    mask = np.zeros((200, 400), np.uint8)
    side = _px(8.4)
    _box(mask, 40, 60, side)
    _check_past_the_box(mask, 40, 60, side)
    _box(mask, 200, 60, side)  # an empty one beside it
    found = sorted(find_tick_boxes(mask, DPI))
    assert [marked for _, marked in found] == [True, False]
    # The marked box covers the whole mark, so that none of it is left for the recogniser.
    (x0, top, x1, _), _ = found[0]
    assert x0 <= 40 and top < 60 and x1 > 40 + side


def test_a_small_square_inside_a_larger_drawing_is_no_tick_box() -> None:
    mask = np.zeros((300, 400), np.uint8)
    side = _px(8.4)
    _box(mask, 60, 100, side)
    # A long stroke joined to the square's corner makes a drawing, not a ticked box.
    cv2.line(mask, (60 + side, 100), (60 + side + _px(12), 100 - _px(10)), 255, 6)
    assert find_tick_boxes(mask, DPI) == []


def _uprights(mask: np.ndarray) -> list[float]:
    return sorted(
        round(x0 / PT) for x0, top, x1, bottom in rulings(line_ink(mask, DPI)) if x0 == x1
    )


def test_the_short_borders_between_a_rows_cells_are_rulings() -> None:
    mask = np.zeros((_px(120), _px(400)), np.uint8)
    top, bottom = _px(40), _px(67)  # a one-line form row, 27 points tall
    for y in (top, bottom):
        mask[y : y + 3, _px(20) : _px(380)] = 255
    for x in (_px(20), _px(140), _px(260), _px(380)):  # the row's ends and two borders
        mask[top : bottom + 3, x : x + 3] = 255
    # A free upright stroke as long as a border, meeting no ruling: no ruling itself.
    mask[_px(80) : _px(107), _px(200) : _px(200) + 3] = 255
    assert _uprights(mask) == [20, 140, 260, 380]
