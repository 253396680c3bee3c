"""Tick boxes on a scanned page, read from the pixels rather than from the recogniser.

On a scan a drawn tick box, a ``☐``/``☒`` glyph and a typed ``[ ]``/``(•)`` marker are all
pixels, and the recogniser reads them as whatever letters they resemble (``[J``, ``(e)``,
``[M8]``), often glued to the option's first word. Here they are found by their geometry
before recognition:

- a **square outline**: one connected piece of ink, square within 25 %, 5 to 16 points a
  side (tick boxes are 7-12; print's closed letters are rounder or smaller), whose four
  sides are each inked along at least 90 % of their length and whose corners are inked
  (an ``O`` or a ``D`` leaves a corner of its box bare);
- a **bracket pair**: two thin strokes of the same height, 6 to 18 points tall, the left
  one opening to the right (``(`` or ``[``: its top reaches further right than its middle)
  and the right one mirroring it, at most 1.3 of their height apart.

A marker is marked when its inside holds ink: for a square more than 5 % of its inner
area (paper leaves ~0 % after the border is stripped, and the thinnest mark a form
carries, one check stroke of a tenth of the box's width across it, covers ~10 %); for a
bracket pair a single solid blob (a ``•`` or ``■``: it fills half or more of its own box)
or an ``x`` (ink at its four corners and its centre). A pair holding anything else (the
``a`` of ``(a)``, the digits of ``(30)``) is text, left to the recogniser.

The markers are whited out of the image the recogniser reads (so ``☐Net 15`` reads
``Net 15``), and become ``☒``/``☐`` words at their boxes, the shape a digital page's drawn
tick boxes take (``triage.documents.marks``), for the choices layer.
"""

from __future__ import annotations

import cv2
import numpy as np

__all__ = ["TickBox", "find_tick_boxes"]

Box = tuple[float, float, float, float]
TickBox = tuple[Box, bool]  # the marker's box in pixels, and whether it is marked

_SQUARE_PT = (5.0, 16.0)
_SQUARENESS = 1.25
_SIDE_INKED = 0.9
_SQUARE_FILLED = 0.05
# A check mark drawn past its box: the piece may reach this share of the box's size
# beyond it, and the box must still cover this share of the piece's area.
_OVERRUN = 1.5
_OUTLINE_SHARE = 0.5
_SIDE_RUN = 0.75  # a side's run, at least, of the longest run of its direction
_BRACKET_PT = (6.0, 18.0)
_BRACKET_WIDTH = 0.45  # of its height, at most
_BRACKET_GAP = 1.3  # of their height, at most, between the two strokes
_BRACKET_MIN_GAP = 0.2  # and at least: "( )" is ~0.4 apart; a "0" broken in two, ~0.15
# A dot fills pi/4 of its box, a filled square all of it; a round letter leaves its hole
# and its gaps (~0.5). Brackets are ~0.94 em tall, ~0.66 em once a 15 % margin is taken
# off each end: a bullet (~0.35 em across) spans ~0.53 of that, a lowercase letter
# (x-height ~0.52 em) ~0.8.
_SOLID = 0.65
_DOT = 0.65
# How far (shares of its width) a bracket's ends reach past its middle: a "[" drawn 6 px
# wide with a 3 px stem reaches ~0.14, a "(" ~0.3; a straight stroke ("l", "I") ~0.
_OPENS = 0.1


def _square(piece: np.ndarray) -> bool:
    """Whether a piece of ink (bool array of its box) is a square outline or a solid square."""
    height, width = piece.shape
    band = max(1, round(0.15 * min(height, width)))
    sides = (
        piece[:band].any(axis=0).mean(),
        piece[-band:].any(axis=0).mean(),
        piece[:, :band].any(axis=1).mean(),
        piece[:, -band:].any(axis=1).mean(),
    )
    corners = (
        piece[:band, :band].any(),
        piece[:band, -band:].any(),
        piece[-band:, :band].any(),
        piece[-band:, -band:].any(),
    )
    return min(sides) >= _SIDE_INKED and all(corners)


def _longest_runs(piece: np.ndarray) -> np.ndarray:
    """Return, for each row of a bool array, its longest run of consecutive True."""
    padded = np.zeros((piece.shape[0], piece.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = piece
    steps = np.diff(padded, axis=1)
    longest = np.zeros(piece.shape[0], dtype=np.int64)
    for row in np.flatnonzero(piece.any(axis=1)):
        starts, ends = np.flatnonzero(steps[row] == 1), np.flatnonzero(steps[row] == -1)
        longest[row] = int((ends - starts).max())
    return longest


def _outline_within(piece: np.ndarray) -> tuple[int, int, int, int] | None:
    """Return the box ``(x, y, w, h)`` of a square outline inside a piece of ink that holds
    more than it: a check mark drawn across a box's top or side (``☑``) joins its stroke to
    the outline, so the piece reaches past the box. The box's sides are the rows and
    columns with the longest straight runs of ink; a stroke's runs are short."""
    rows, columns = _longest_runs(piece), _longest_runs(piece.T)
    # (A stroke along a side lengthens that side's run: the other side is a little shorter.)
    sides_h = np.flatnonzero(rows >= _SIDE_RUN * rows.max())
    sides_v = np.flatnonzero(columns >= _SIDE_RUN * columns.max())
    if len(sides_h) < 2 or len(sides_v) < 2:
        return None
    top, bottom, left, right = sides_h[0], sides_h[-1], sides_v[0], sides_v[-1]
    box = (int(left), int(top), int(right - left + 1), int(bottom - top + 1))
    # Its sides are straight: each runs unbroken along most of the box (a ring's longest
    # runs, at its top and bottom, are a good deal shorter than its width).
    if min(rows[top], rows[bottom]) < _SIDE_INKED * box[2]:
        return None
    if min(columns[left], columns[right]) < _SIDE_INKED * box[3]:
        return None
    inner = piece[top : bottom + 1, left : right + 1]
    return box if _square(inner) else None


def _inner_fill(mask: np.ndarray, box: tuple[int, int, int, int]) -> float:
    x, y, w, h = box
    band = max(1, round(0.15 * min(w, h)))
    inner = mask[y + 2 * band : y + h - 2 * band, x + 2 * band : x + w - 2 * band]
    return float(np.count_nonzero(inner)) / max(inner.size, 1)


def _opening(piece: np.ndarray) -> float:
    """Return how far right (in shares of its width) the stroke's top and bottom reach
    beyond its middle: > 0 for ``(`` and ``[``, < 0 for ``)`` and ``]``, ~0 for ``l``."""
    height, width = piece.shape
    third = max(1, height // 3)
    columns = np.arange(width, dtype=np.float32)

    def centre(rows: np.ndarray) -> float:
        weights = rows.sum(axis=0).astype(np.float32)
        return float((weights * columns).sum() / max(weights.sum(), 1.0))

    ends = (centre(piece[: max(1, third // 2)]) + centre(piece[-max(1, third // 2) :])) / 2
    return float((ends - centre(piece[third : height - third])) / max(width, 1))


def _inside_mark(mask: np.ndarray, box: tuple[int, int, int, int]) -> bool | None:
    """Return True for a dot or an x between a bracket pair, False for nothing, None for
    anything else (text in parentheses)."""
    x0, top, x1, bottom = box
    inside = mask[top:bottom, x0:x1]
    if inside.size == 0 or np.count_nonzero(inside) < 0.02 * inside.size:
        return False
    count, _, stats, _ = cv2.connectedComponentsWithStats(inside, connectivity=8)
    pieces = [s for s in stats[1:count] if s[4] >= 4]
    if len(pieces) != 1:
        return None
    x, y, w, h, area = pieces[0]
    span = bottom - top  # the brackets' height less a margin at each end
    if min(w, h) < 0.15 * span or not 0.6 <= w / max(h, 1) <= 1.6:
        return None
    if area >= _SOLID * w * h and max(w, h) <= _DOT * span:
        return True  # a dot or a small filled square (a letter is larger or has a hole)
    blob = inside[y : y + h, x : x + w] > 0
    qh, qw = max(1, h // 4), max(1, w // 4)
    corners = (blob[:qh, :qw], blob[:qh, -qw:], blob[-qh:, :qw], blob[-qh:, -qw:])
    rows, columns = (
        slice(h // 2 - qh // 2, h // 2 + qh // 2 + 1),
        slice(w // 2 - qw // 2, w // 2 + qw // 2 + 1),
    )
    centre = blob[rows, columns]
    # An x crosses at its centre and leaves the middles of its box's sides bare; a letter
    # ("a", "e", "s") runs along at least two of them.
    sides = (blob[:qh, columns], blob[-qh:, columns], blob[rows, :qw], blob[rows, -qw:])
    crossed = all(c.any() for c in corners) and centre.any()
    return True if crossed and sum(side.any() for side in sides) <= 1 else None


def _is_square(w: int, h: int, limits: tuple[float, float]) -> bool:
    return (
        limits[0] <= min(w, h) and max(w, h) <= limits[1] and max(w, h) <= _SQUARENESS * min(w, h)
    )


def _square_outline(
    labels: np.ndarray, index: int, box: tuple[int, int, int, int], limits: tuple[float, float]
) -> tuple[int, int, int, int] | None:
    """Return the page box ``(x, y, w, h)`` of the square outline piece ``index`` is or
    holds (a box with a check mark run past its edge), or None."""
    x, y, w, h = box
    if not (limits[0] <= min(w, h) and max(w, h) <= _OVERRUN * limits[1]):
        return None
    piece = labels[y : y + h, x : x + w] == index
    if _is_square(w, h, limits) and _square(piece):
        return box
    inner = _outline_within(piece)
    if inner is None or not _is_square(inner[2], inner[3], limits):
        return None
    if inner[2] * inner[3] < _OUTLINE_SHARE * w * h:
        return None  # a small square in a larger drawing: no tick box
    return (x + inner[0], y + inner[1], inner[2], inner[3])


def find_tick_boxes(mask: np.ndarray, dpi: float) -> list[TickBox]:
    """Return the tick boxes and bracket markers of a page's ink ``mask`` (255 = ink)."""
    per_pt = dpi / 72.0
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    found: list[TickBox] = []
    strokes: list[tuple[int, float]] = []
    square_lo, square_hi = (v * per_pt for v in _SQUARE_PT)
    bracket_lo, bracket_hi = (v * per_pt for v in _BRACKET_PT)
    for index in range(1, count):
        x, y, w, h, _ = (int(v) for v in stats[index])
        outline = _square_outline(labels, index, (x, y, w, h), (square_lo, square_hi))
        if outline is not None:
            # The whole piece goes (a check mark's stroke past the box included).
            marked = _inner_fill(mask, outline) > _SQUARE_FILLED
            found.append(((float(x), float(y), float(x + w), float(y + h)), marked))
            continue
        if bracket_lo <= h <= bracket_hi and w <= _BRACKET_WIDTH * h and w >= 2:
            strokes.append((index, _opening(labels[y : y + h, x : x + w] == index)))
    found += _bracket_pairs(mask, stats, strokes)
    return _outermost(found)


def _bracket_pairs(
    mask: np.ndarray, stats: np.ndarray, strokes: list[tuple[int, float]]
) -> list[TickBox]:
    opens = [i for i, opening in strokes if opening > _OPENS]
    closes = sorted((i for i, opening in strokes if opening < -_OPENS), key=lambda i: stats[i, 0])
    found: list[TickBox] = []
    for left in opens:
        lx, ly, lw, lh, _ = (int(v) for v in stats[left])
        for right in closes:
            rx, ry, rw, rh, _ = (int(v) for v in stats[right])
            gap = rx - (lx + lw)
            # (Strokes almost touching are one glyph broken by the threshold: a "0".)
            if gap < _BRACKET_MIN_GAP * lh or abs(ry - ly) > 0.15 * lh:
                continue
            if gap > _BRACKET_GAP * lh:
                break
            if abs((ry + rh) - (ly + lh)) > 0.15 * lh:
                continue
            margin = max(1, round(0.15 * lh))
            inside = (lx + lw + 1, ly + margin, rx - 1, ly + lh - margin)
            marked = _inside_mark(mask, inside)
            if marked is not None:
                box = (float(lx), float(min(ly, ry)), float(rx + rw), float(max(ly + lh, ry + rh)))
                found.append((box, marked))
            break  # the nearest closing stroke on the line decides
    return found


def _outermost(found: list[TickBox]) -> list[TickBox]:
    """Drop a marker found inside another (the filled square within a drawn box)."""

    def within(inner: Box, outer: Box) -> bool:
        x, y = (inner[0] + inner[2]) / 2, (inner[1] + inner[3]) / 2
        return outer[0] <= x <= outer[2] and outer[1] <= y <= outer[3] and inner != outer

    return [tick for tick in found if not any(within(tick[0], other) for other, _ in found)]
