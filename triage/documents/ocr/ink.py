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

__all__ = ["PRINT_INK", "ink_mask", "is_print", "line_ink", "marks", "rulings", "text_size"]

Box = tuple[float, float, float, float]


def ink_mask(image: np.ndarray) -> np.ndarray:
    """Return the ink of ``image`` as a uint8 mask (255 = ink), robust to uneven lighting."""
    block = max(31, (image.shape[1] // 40) | 1)
    mask: np.ndarray = cv2.adaptiveThreshold(
        image, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block, 25
    )
    return mask


_RULING_IN = 0.5  # a ruling: half an inch of unbroken ink
# A cell border of a one-line form row (~27 points) is shorter than a ruling; an upright
# run of a quarter inch is one when both its ends meet a horizontal ruling (the row's
# top and bottom borders). Print's tallest stems are under a sixth of an inch.
_CELL_BORDER_IN = 0.25
_MEETS_IN = 0.03  # how near (inches) its end comes to the horizontal ruling


def line_ink(mask: np.ndarray, dpi: float) -> tuple[np.ndarray, np.ndarray]:
    """Return the ink of ``mask`` in long horizontal and in long vertical runs (rulings),
    the vertical ones with the short cell borders between two horizontal rulings."""
    length = max(20, int(dpi * _RULING_IN))
    horizontal = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    )
    vertical = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, length))
    )
    return horizontal, cv2.bitwise_or(vertical, _cell_borders(mask, horizontal, dpi))


def _cell_borders(mask: np.ndarray, horizontal: np.ndarray, dpi: float) -> np.ndarray:
    """Return the upright runs of ink too short for rulings whose two ends meet horizontal
    rulings: the borders between the cells of a ruled row."""
    short = max(10, int(dpi * _CELL_BORDER_IN))
    upright = cv2.morphologyEx(
        mask, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, short))
    )
    reach = max(2, round(dpi * _MEETS_IN))
    near = cv2.dilate(horizontal, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 2 * reach + 1)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(upright, connectivity=8)
    kept = [
        index
        for index in range(1, count)
        if near[stats[index, 1], stats[index, 0] : stats[index, 0] + stats[index, 2]].any()
        and near[
            stats[index, 1] + stats[index, 3] - 1,
            stats[index, 0] : stats[index, 0] + stats[index, 2],
        ].any()
    ]
    borders = np.zeros_like(mask)
    if kept:
        borders[np.isin(labels, kept)] = 255
    return borders


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


# Print's ink, ascender to descender, is at most ~0.95 of its font size; blur and a
# quarter degree of residual skew add a little. A single connected stroke taller than this
# many font sizes of the page's text is handwriting (a signature, initials), not print.
PRINT_INK = 1.25
# A stroke narrower than this many font sizes is a straight line (a cell border).
_THIN = 0.25


def text_size(words: Sequence[RecognisedWord]) -> float:
    """Return the median font size (pixels) of the confidently read words, 0 if none."""
    sizes = sorted(w.bottom - w.top for w in words if w.confidence >= SURE_WORD)
    return sizes[len(sizes) // 2] if sizes else 0.0


def is_print(word: RecognisedWord, size: float) -> bool:
    """Return whether ``word`` is surely printed: read with confidence, and its own ink no
    taller than print of the page's size. (However sure the recogniser is, a word whose
    ink is taller is what it made of a signature; a heading that large is rarely where a
    signature goes, and its letters are then taken for a mark.)"""
    _, top, _, bottom = word.ink_box
    return word.confidence >= SURE_WORD and (not size or bottom - top <= PRINT_INK * size)


def _without_borders(rest: np.ndarray, size: float) -> np.ndarray:
    """Return ``rest`` without the short cell borders left in it: thin upright strokes
    taller than print, too short to be rulings. Beside a word the recogniser doubted (the
    first word of a ruled cell's label, read "Onder" at 0.61 for "Order") such a border
    merged with the word's ink into a mark taller than print, and the word was dropped as
    handwriting; a pen's stroke that thin and straight is no signature by itself."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(rest, connectivity=8)
    borders = [
        index
        for index in range(1, count)
        if stats[index, 2] <= _THIN * size and stats[index, 3] > PRINT_INK * size
    ]
    if not borders:
        return rest
    rest = rest.copy()
    rest[np.isin(labels, borders)] = 0
    return rest


def marks(
    mask: np.ndarray,
    lines: tuple[np.ndarray, np.ndarray],
    words: Sequence[RecognisedWord],
    dpi: float,
) -> list[tuple[Box, float]]:
    """Return the boxes (pixels) of handwriting, with the ink each covers in square points.

    Handwriting is told from print by geometry, not by what the recogniser made of it:
    the ink left when rulings and surely printed words are removed is split into
    connected strokes, and a stroke taller than print (``PRINT_INK`` font sizes of the
    page's text) is handwriting. Strokes near it (within ~1/20 inch: the dots, the loops
    cut by the signature line) join its mark; ink near no such stroke (print the
    recogniser doubted, specks) is no mark.
    """
    horizontal, vertical = lines
    ruled = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5)))
    rest = cv2.subtract(mask, ruled)
    size = text_size(words) or dpi * 10 / 72  # (no text read: 10-point print)
    pad = max(2, int(dpi / 100))
    for word in words:
        if is_print(word, size):
            x0, top, x1, bottom = word.ink_box
            rest[
                max(0, int(top) - pad) : int(bottom) + pad,
                max(0, int(x0) - pad) : int(x1) + pad,
            ] = 0
    rest = cv2.morphologyEx(rest, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))  # specks
    rest = _without_borders(rest, size)
    # A signature written across its line is cut in two where the line was taken out:
    # strokes that meet from above and below across a ruling are one stroke again.
    across = max(7, int(dpi / 20))
    bridged = cv2.morphologyEx(
        rest, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, across))
    )
    rest = cv2.bitwise_or(rest, cv2.bitwise_and(bridged, ruled))
    # Strokes within ~1/20 inch side by side (half that above each other, so that two
    # rows of doubtful small print stay apart) are one mark.
    reach = max(3, int(dpi / 20))
    merged = cv2.dilate(rest, cv2.getStructuringElement(cv2.MORPH_RECT, (reach, reach // 2)))
    count, groups, boxes, _ = cv2.connectedComponentsWithStats(merged, connectivity=8)
    point_area = (72.0 / dpi) ** 2
    found = []
    for group in range(1, count):
        x, y, w, h, _ = (int(v) for v in boxes[group])
        # Taller than print, and not a straight thin line (a short cell border is no
        # ruling but no pen stroke either: a hand moves sideways as it writes).
        if h <= PRINT_INK * size + reach // 2 or w <= _THIN * size + reach:
            continue
        ink_pixels = (groups[y : y + h, x : x + w] == group) & (rest[y : y + h, x : x + w] > 0)
        ys, xs = np.nonzero(ink_pixels)
        ink = float(len(xs)) * point_area
        if ink >= 4.0:
            box = (
                float(x + xs.min()),
                float(y + ys.min()),
                float(x + xs.max() + 1),
                float(y + ys.max() + 1),
            )
            found.append((box, ink))
    return found
