"""Evidence read by OCR: said to be so, and boxed on the page as it lies in the PDF.

OCR places words on the page turned upright and levelled (``Page.rotation``, ``Page.skew``),
which is what the extraction needs to read lines and columns. The review page draws the
PDF's page as it is, sideways or a few degrees askew, so an evidence box is carried back
to that page: the upright box's corners are rotated back by the skew, then turned back by
the quarter turns, and the result is the box enclosing them. No OpenCV here: this runs
wherever extraction runs, not only in the OCR children.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from triage.contract import Evidence, Extraction
from triage.documents.parsed import Page, ParsedDocument

__all__ = ["displayed_box", "mark_ocr_evidence"]

Box = tuple[float, float, float, float]


def _unskew(page: Page, x: float, y: float) -> tuple[float, float]:
    """Return where point ``(x, y)`` of the levelled page lies before levelling."""
    # Levelling rotated the turned page by ``skew`` degrees counter-clockwise (as OpenCV's
    # rotation matrix with y down); undoing it is the rotation by -skew about the centre.
    angle = math.radians(-page.skew)
    cos, sin = math.cos(angle), math.sin(angle)
    cx, cy = page.width / 2, page.height / 2
    dx, dy = x - cx, y - cy
    return cos * dx + sin * dy + cx, -sin * dx + cos * dy + cy


def _unturn(page: Page, x: float, y: float) -> tuple[float, float]:
    """Return where point ``(x, y)`` of the upright page lies on the page as displayed."""
    width, height = page.width, page.height  # of the upright page
    if page.rotation == 90:  # turned clockwise: the displayed page is ``height`` wide
        return y, width - x
    if page.rotation == 180:
        return width - x, height - y
    if page.rotation == 270:
        return height - y, x
    return x, y


def displayed_box(page: Page, box: Box) -> Box:
    """Return ``box`` (points on the upright, levelled OCR page) on the page as displayed."""
    if page.source != "ocr" or (page.rotation % 360 == 0 and page.skew == 0):
        return box
    x0, top, x1, bottom = box
    corners = [_unturn(page, *_unskew(page, x, y)) for x in (x0, x1) for y in (top, bottom)]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return (round(min(xs), 2), round(min(ys), 2), round(max(xs), 2), round(max(ys), 2))


def _marked(evidence: Sequence[Evidence], document: ParsedDocument) -> list[Evidence]:
    marked = []
    for item in evidence:
        page = document.pages[item.page - 1] if item.page <= document.page_count else None
        if page is None or page.source != "ocr" or item.source == "ocr":
            marked.append(item)
            continue
        box = displayed_box(page, item.bbox)
        marked.append(item.model_copy(update={"bbox": box, "source": "ocr"}))
    return marked


def mark_ocr_evidence(extraction: Extraction, document: ParsedDocument) -> Extraction:
    """Return ``extraction`` with the evidence read on OCR pages marked ``source="ocr"`` and
    boxed on the page as displayed; unchanged when no page was read by OCR."""
    if not any(page.source == "ocr" for page in document.pages):
        return extraction
    fields = {
        name: field.model_copy(update={"evidence": _marked(field.evidence, document)})
        for name, field in extraction.fields
    }
    items = [
        item.model_copy(update={"evidence": _marked(item.evidence, document)})
        for item in extraction.line_items
    ]
    clauses = [
        clause.model_copy(update={"evidence": _marked(clause.evidence, document)})
        for clause in extraction.clauses
    ]
    return extraction.model_copy(
        update={
            "fields": extraction.fields.model_copy(update=fields),
            "line_items": items,
            "clauses": clauses,
        }
    )
