"""Tick boxes on a scanned form, read from the page's pixels: drawn squares (empty, with an
X, a check stroke or a small filled square) and typed markers (``( )``/``(•)``,
``[ ]``/``[X]``) become the ``☒``/``☐`` words a digital form's boxes become, so the choices
layer keeps the ticked option; text in parentheses (``(a)``, ``(30)``) stays text."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from reportlab.pdfgen.canvas import Canvas

from triage.documents.marks import MARKED, UNMARKED
from triage.documents.ocr import OcrOptions
from triage.documents.ocr.engines import engine_available
from triage.documents.ocr.ticks import find_tick_boxes
from triage.documents.parsed import Page, ParsedDocument
from triage.documents.reader import parse_pdf
from triage.documents.scans import Degradation, scan_pdf
from triage.extraction import OrderExtractor

MODELS = Path(__file__).resolve().parents[3] / "models"
BOX = 9.0  # points a side, as printed forms draw them


def _box(canvas: Canvas, x: float, y: float, mark: str) -> None:
    """Draw a tick box with its bottom-left at (x, y), marked with ``mark``."""
    canvas.setLineWidth(0.8)
    canvas.rect(x, y, BOX, BOX)
    if mark == "x":
        canvas.line(x + 2, y + 2, x + BOX - 2, y + BOX - 2)
        canvas.line(x + 2, y + BOX - 2, x + BOX - 2, y + 2)
    elif mark == "check":
        canvas.setLineWidth(1.2)
        canvas.line(x + 1.5, y + 4.5, x + 3.8, y + 1.8)
        canvas.line(x + 3.8, y + 1.8, x + BOX - 1, y + BOX + 1)
    elif mark == "filled":
        canvas.rect(x + 2.2, y + 2.2, BOX - 4.4, BOX - 4.4, fill=1, stroke=0)


def _options(canvas: Canvas, y: float, label: str, options: list[tuple[str, str]]) -> None:
    canvas.drawString(60, y, label)
    x = 200.0
    for mark, text in options:
        _box(canvas, x, y - 1, mark)
        canvas.drawString(x + BOX + 4, y, text)
        x += BOX + 10 + canvas.stringWidth(text, "Helvetica", 11) + 22


def _form() -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, 842), invariant=1)
    canvas.setFont("Helvetica-Bold", 14)
    canvas.drawString(60, 780, "Order Form ORD-2027-5521")
    canvas.setFont("Helvetica", 11)
    _options(
        canvas, 740, "Billing frequency:", [("", "Monthly"), ("x", "Quarterly"), ("", "Annually")]
    )
    _options(canvas, 712, "Support plan:", [("", "Standard"), ("check", "Premium")])
    _options(canvas, 684, "Invoice currency:", [("", "USD"), ("filled", "EUR"), ("", "GBP")])
    canvas.drawString(60, 656, "Payment terms:")
    canvas.drawString(200, 656, "( )  Net 15      (\u2022)  Net 30      ( )  Net 60")
    canvas.drawString(60, 628, "Auto-renewal:")
    canvas.drawString(200, 628, "[X]  Yes      [ ]  No")
    canvas.drawString(60, 600, "Notes: (a) invoices within (30) days; (b) no other terms.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


pytestmark = pytest.mark.skipif(
    not engine_available("tesseract"), reason="tesseract-ocr is not installed (make test does)"
)


@pytest.fixture(scope="module")
def scanned() -> ParsedDocument:
    spoil = Degradation(dpi=200, skew=1.2, blur=0.6, noise=5.0, uneven_light=0.15, jpeg_quality=65)
    scan = scan_pdf(_form(), spoil=spoil, seed=7)
    return parse_pdf(scan, "scan.pdf", max_pages=2, ocr=OcrOptions(engine="tesseract", dpi=200))


def _marker_before(page: Page, option: str) -> str:
    """Return the marker word just left of the word ``option`` on its line."""
    for line in page.lines:
        for index, word in enumerate(line.words):
            if word.text == option:
                before = [w for w in line.words[:index] if w.text in (MARKED, UNMARKED)]
                assert before, f"no marker before {option!r} on {line.text!r}"
                return before[-1].text
    raise AssertionError(f"{option!r} was not read: {page.text}")


@pytest.mark.parametrize(
    ("option", "marker"),
    [
        ("Monthly", UNMARKED),
        ("Quarterly", MARKED),  # an X drawn in the box
        ("Annually", UNMARKED),
        ("Standard", UNMARKED),
        ("Premium", MARKED),  # a check stroke
        ("USD", UNMARKED),
        ("EUR", MARKED),  # a smaller filled square inside the box
        ("Yes", MARKED),  # [X]
        ("No", UNMARKED),  # [ ]
    ],
)
def test_each_scanned_tick_box_is_read_marked_or_empty(
    scanned: ParsedDocument, option: str, marker: str
) -> None:
    assert _marker_before(scanned.pages[0], option) == marker


def test_typed_round_markers_are_read_from_their_inside(scanned: ParsedDocument) -> None:
    page = scanned.pages[0]
    line = next(line for line in page.lines if "Net" in line.text)
    markers = [w.text for w in line.words if w.text in (MARKED, UNMARKED)]
    assert markers == [UNMARKED, MARKED, UNMARKED], line.text


def test_text_in_parentheses_is_no_marker(scanned: ParsedDocument) -> None:
    line = next(line for line in scanned.pages[0].lines if line.text.startswith("Notes"))
    assert not any(w.text in (MARKED, UNMARKED) for w in line.words), line.text
    assert "(30)" in line.text


def test_the_ticked_options_reach_the_fields(scanned: ParsedDocument) -> None:
    fields = OrderExtractor.load(MODELS).extract(scanned, country="GB").fields
    assert str(fields.billing_frequency.value.value) == "quarterly"
    assert fields.payment_terms_days.value == 30
    assert fields.currency.value == "EUR"
    assert fields.auto_renewal.value is True


def test_box_geometry_on_a_drawn_mask() -> None:
    """Without OCR: an outline with nothing inside is empty, one with a stroke across it is
    marked, and a round letter of the same size (an ``O``) is no box."""
    mask = np.zeros((120, 300), np.uint8)
    mask[20:45, 20:45] = 255
    mask[23:42, 23:42] = 0  # an empty box, 25 px a side, 3 px border
    mask[20:45, 80:105] = 255
    mask[23:42, 83:102] = 0
    for step in range(19):  # a diagonal stroke across the second box
        mask[23 + step, 83 + step : 86 + step] = 255
    yy, xx = np.ogrid[:120, :300]
    ring = (np.hypot(yy - 32, xx - 160) <= 12.5) & (np.hypot(yy - 32, xx - 160) >= 9.5)
    mask[ring] = 255
    found = find_tick_boxes(mask, dpi=200)
    assert [(round(box[0]), marked) for box, marked in found] == [(20, False), (80, True)]
