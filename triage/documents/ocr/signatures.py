"""Is a scanned signature block signed? Ink in its signing area says.

A scanned form carries its signature as ink, not text: the printed ``Signature:`` label and
line are there whether or not anyone signed. The reader keeps the ink that is neither
recognised text nor a ruling (``Page.ink_marks``); here the ink in a block's signing area
is weighed. Where the signing area is (beside a ``Signature:`` label, over a caption,
under it, or over a block that has no signature label) is the extraction's knowledge of
the block's layout (``triage.extraction.fields.signature``), not this module's: a label
found here by its first word alone was the wrong one as often as not ("By signing below,
..." taken for a ``By:`` label; ``Authorised signature`` missed because its label word is
not the first).
"""

from __future__ import annotations

import re

from triage.documents.parsed import Page

__all__ = ["MIN_SIGNATURE_INK", "SIGN_LABEL", "area_ink", "signed_in_ink"]

MIN_SIGNATURE_INK = 25.0  # square points of ink: a scribble, not a speck or a stray dash
# The first word of a signature label, for the scan maker (``triage.documents.scans``).
SIGN_LABEL = re.compile(r"^(?:signature|signed|sign|by)\b:?", re.IGNORECASE)
_CONFORMED = re.compile(r"^/s/?", re.IGNORECASE)

Box = tuple[float, float, float, float]


def _overlap(mark: Box, area: Box) -> float:
    """Return the share of ``mark``'s box inside ``area``."""
    width = min(mark[2], area[2]) - max(mark[0], area[0])
    height = min(mark[3], area[3]) - max(mark[1], area[1])
    if width <= 0 or height <= 0:
        return 0.0
    size = max((mark[2] - mark[0]) * (mark[3] - mark[1]), 1e-6)
    return width * height / size


def area_ink(page: Page, area: Box) -> float:
    """Return the square points of handwritten ink in ``area`` (points, top-left origin):
    each mark's ink weighed by the share of its box inside the area."""
    return sum(
        mark.ink * _overlap((mark.x0, mark.top, mark.x1, mark.bottom), area)
        for mark in page.ink_marks
    )


def signed_in_ink(page: Page, area: Box) -> bool | None:
    """Return whether the signing ``area`` of a scanned block holds a signature: a
    handwritten mark of at least ``MIN_SIGNATURE_INK``, or a typed (conformed) ``/s/``
    signature printed and scanned; None when ``page`` was not read by OCR (its text layer
    decides, not ink)."""
    if page.source != "ocr":
        return None
    for word in page.words:
        if _CONFORMED.match(word.text) and _overlap(word.bbox, area) > 0.5:
            return True
    return area_ink(page, area) >= MIN_SIGNATURE_INK
