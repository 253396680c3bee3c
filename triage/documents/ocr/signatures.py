"""Is a scanned signature block signed? Ink in its signing area says.

A scanned form carries its signature as ink, not text: the printed ``Signature:`` label and
line are there whether or not anyone signed. The reader keeps the ink that is neither
recognised text nor a ruling (``Page.ink_marks``); here a signature block's signing area
is found from its labels and the ink in it is weighed.

The signing area is beside and above the ``Signature`` (or ``Signed``, ``By``) label of the
block: from the label's left edge to ``_AREA_WIDTH`` points right of it, from two and a
half line heights above the label to half a line below. When the block has no such label
(only ``Name:``/``Date:``), the area is the same band above its first label.
"""

from __future__ import annotations

import re

from triage.documents.parsed import Page, Word

__all__ = ["MIN_SIGNATURE_INK", "SIGN_LABEL", "signed_in_ink", "signing_area"]

MIN_SIGNATURE_INK = 25.0  # square points of ink: a scribble, not a speck or a stray dash
SIGN_LABEL = re.compile(r"^(?:signature|signed|sign|by)\b:?", re.IGNORECASE)
_CONFORMED = re.compile(r"^/s/?", re.IGNORECASE)
_AREA_WIDTH = 230.0
_LOOK_LINES = 6

Box = tuple[float, float, float, float]


def _label_word(page: Page, line: int, x0: float) -> Word | None:
    """Return the block's signature label: the nearest one above or at ``line`` near ``x0``."""
    for index in range(line, max(-1, line - _LOOK_LINES), -1):
        if index >= len(page.lines):
            continue
        for word in page.lines[index].words:
            if abs(word.x0 - x0) <= 25 and SIGN_LABEL.match(word.text):
                return word
    return None


def signing_area(page: Page, line: int, x0: float) -> Box:
    """Return the box where the signature of the block whose label is on ``line`` at ``x0``
    is expected (points, top-left origin)."""
    anchor = _label_word(page, line, x0)
    if anchor is None and 0 <= line < len(page.lines):
        anchor = page.lines[line].words[0]
    if anchor is None:
        return (x0, 0.0, x0 + _AREA_WIDTH, 0.0)
    height = max(anchor.bottom - anchor.top, 6.0)
    return (
        anchor.x0,
        anchor.top - 2.5 * height,
        anchor.x0 + _AREA_WIDTH,
        anchor.bottom + 0.5 * height,
    )


def _overlap(mark: Box, area: Box) -> float:
    """Return the share of ``mark``'s box inside ``area``."""
    width = min(mark[2], area[2]) - max(mark[0], area[0])
    height = min(mark[3], area[3]) - max(mark[1], area[1])
    if width <= 0 or height <= 0:
        return 0.0
    size = max((mark[2] - mark[0]) * (mark[3] - mark[1]), 1e-6)
    return width * height / size


def signed_in_ink(page: Page, line: int, x0: float) -> bool | None:
    """Return whether the scanned block labelled on ``line`` at ``x0`` holds a handwritten
    mark; None when ``page`` was not read by OCR (its text layer decides, not ink)."""
    if page.source != "ocr":
        return None
    area = signing_area(page, line, x0)
    for word in (w for text_line in page.lines for w in text_line.words):
        if _CONFORMED.match(word.text) and _overlap(word.bbox, area) > 0.5:
            return True  # "/s/ Name": a typed (conformed) signature, printed and scanned
    ink = sum(
        mark.ink * _overlap((mark.x0, mark.top, mark.x1, mark.bottom), area)
        for mark in page.ink_marks
    )
    return ink >= MIN_SIGNATURE_INK
