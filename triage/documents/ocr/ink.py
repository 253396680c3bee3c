"""Ink on a scanned page that is not text: rulings, and marks such as handwriting.

The page is binarised with a local threshold (so uneven light does not turn a shadow into
ink). Long thin runs of ink are rulings (table borders, signature lines). What remains
after removing the rulings and the boxes of confidently recognised words is ink the
recogniser could not read: a signature, initials, a stamp, or specks. Strokes close to each
other are merged into marks; specks are dropped. The extraction decides what a mark means
(``InkMark`` in a customer's signing area is a signature).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from triage.documents.ocr.engines import SURE_WORD, RecognisedWord

__all__ = ["ink_mask", "line_ink", "marks", "rulings"]

Box = tuple[float, float, float, float]


def ink_mask(image: np.ndarray) -> np.ndarray:
    """Return the ink of ``image`` as a uint8 mask (255 = ink), robust to uneven lighting."""
    block = max(31, (image.shape[1] // 40) | 1)
    mask: np.ndarray = cv2.adaptiveThreshold(
        image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 25
    )
    return mask


def line_ink(mask: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Return the ink of ``mask`` in long horizontal and in long vertical runs (rulings)."""
    length = max(20, int(dpi * 0.5))  # half an inch of unbroken ink
    horizontal = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    )
    vertical = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))
    )
    return horizontal, vertical


def rulings(lines: tuple[np.ndarray, np.ndarray]) -> list[Box]:
    """Return the horizontal and vertical rulings (``line_ink``) as degenerate boxes, in
    pixels."""
    found: list[Box] = []
    for ink, horizontal in zip(lines, (True, False), strict=True):
        count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        for x, y, w, h, _area in stats[1:count]:
            if horizontal and w > 3 * h:
                middle = y + h / 2
                found.append((float(x), middle, float(x + w), middle))
            elif not horizontal and h > 3 * w:
                middle = x + w / 2
                found.append((middle, float(y), middle, float(y + h)))
    return found


def marks(
    mask: np.ndarray,
    lines: tuple[np.ndarray, np.ndarray],
    words: Sequence[RecognisedWord],
    dpi: float,
) -> list[tuple[Box, float]]:
    """Return the boxes (pixels) of ink that is neither ruling (``line_ink``) nor confident
    text, with the ink each covers in square points."""
    horizontal, vertical = lines
    rest = cv2.subtract(mask, cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5))))
    pad = max(2, int(dpi / 100))
    for word in words:
        if word.confidence >= SURE_WORD:
            rest[
                max(0, int(word.top) - pad) : int(word.bottom) + pad,
                max(0, int(word.x0) - pad) : int(word.x1) + pad,
            ] = 0
    rest = cv2.morphologyEx(rest, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))  # specks
    reach = max(3, int(dpi / 20))  # strokes within ~1/20 inch belong to one mark
    merged = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (reach, reach)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(merged, connectivity=8)
    point_area = (72.0 / dpi) ** 2
    found = []
    min_side = dpi * 0.08  # a mark at least ~6 points across
    for index in range(1, count):
        x, y, w, h, _ = stats[index]
        if max(w, h) < min_side:
            continue
        ink = float(
            np.count_nonzero(rest[y : y + h, x : x + w][labels[y : y + h, x : x + w] == index])
        )
        if ink * point_area < 4.0:
            continue
        found.append(((float(x), float(y), float(x + w), float(y + h)), ink * point_area))
    return found
