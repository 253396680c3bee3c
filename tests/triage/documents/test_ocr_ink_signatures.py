"""Ink signatures on scanned signature blocks: the ink in the signing area decides, not
what the recogniser made of it. A scribble that crosses the signature line (cut in two
when the line is taken out) and is read as junk "words" on the label's line is a
signature; the same block scanned blank is unsigned, in a letter-style block (a
``Signature:`` label with its line beside it) and in a form-style one (an ``Authorised
signature`` caption over an empty band, the labels in small print)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from triage.documents.ocr import OcrOptions
from triage.documents.ocr.engines import engine_available
from triage.documents.reader import parse_pdf
from triage.documents.scans import Degradation, SigningMark, scan_pdf
from triage.extraction import OrderExtractor

MODELS = Path(__file__).resolve().parents[3] / "models"
HEIGHT = 842.0

pytestmark = pytest.mark.skipif(
    not engine_available("tesseract"), reason="tesseract-ocr is not installed (make test does)"
)


def _letter() -> tuple[bytes, tuple[float, float, float, float]]:
    """A letter's acceptance block; returns the PDF and the signing area (top-left points)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, HEIGHT), invariant=1)
    canvas.setFont("Helvetica", 10.5)
    canvas.drawString(72, 760, "Tessellate Data GmbH, Order TSD-2027-0417")
    canvas.drawString(72, 730, "The Customer orders the subscription services on the terms above.")
    canvas.setFont("Helvetica-Bold", 10.5)
    canvas.drawString(72, 690, "AGREED AND ACCEPTED for and on behalf of HARBOUR LIGHT LIMITED")
    canvas.setFont("Helvetica", 10.5)
    canvas.drawString(72, 650, "Signature:")
    canvas.line(130, 647, 300, 647)
    canvas.drawString(72, 628, "Name:")
    canvas.drawString(130, 628, "Aoife Brennan")
    canvas.drawString(72, 606, "Date:")
    canvas.drawString(130, 606, "9 March 2027")
    canvas.showPage()
    canvas.save()
    # The scribble sits on the line: its loops reach a little above print, and below it.
    return buffer.getvalue(), (132.0, HEIGHT - 668.0, 290.0, HEIGHT - 640.0)


def _form(sentence: str | None = None) -> tuple[bytes, tuple[float, float, float, float]]:
    """A form's customer block: a caption over an empty band, small-print labels; with
    ``sentence`` printed over the block (a line starting "By signing below, ...")."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, HEIGHT), invariant=1)
    canvas.setFont("Helvetica-Bold", 12)
    canvas.drawString(56, 780, "SIGNATURES")
    if sentence:
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, 766, sentence)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.rect(56, 700, 250, 60)
    canvas.drawString(60, 748, "CUSTOMER: Harbour Light Limited")
    canvas.setFont("Helvetica", 8)
    canvas.drawString(60, 736, "Authorised signature")
    canvas.rect(56, 672, 250, 28)
    canvas.drawString(60, 690, "Name (print)")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(60, 677, "Aoife Brennan")
    canvas.setFont("Helvetica", 8)
    canvas.rect(56, 644, 250, 28)
    canvas.drawString(60, 662, "Date")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(60, 649, "2027-03-09")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), (62.0, HEIGHT - 733.0, 220.0, HEIGHT - 703.0)


def _under_a_sentence() -> tuple[bytes, tuple[float, float, float, float]]:
    """The form under a sentence whose first word is a signature label's ("By"): the block
    is still judged at its own ``Authorised signature`` caption."""
    return _form("By signing below, the Customer agrees to this Order Form and its terms.")


def _side_by_side() -> tuple[bytes, tuple[float, float, float, float]]:
    """Two parties' blocks side by side, captions under the values (``Signature | Printed
    Name``), the provider's block already signed in ink right of the customer's."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, HEIGHT), invariant=1)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawString(56, 740, "CUSTOMER: Harbour Light Limited")
    canvas.drawString(320, 740, "Tessellate Data GmbH")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(200, 680, "Aoife Brennan")
    canvas.drawString(440, 680, "Jonas Weber")
    canvas.drawString(59, 640, "Head of Procurement")
    canvas.drawString(200, 640, "9 March 2027")
    canvas.drawString(320, 640, "Sales Director")
    canvas.drawString(440, 640, "8 March 2027")
    for y in (676, 636):
        canvas.line(56, y, 300, y)
        canvas.line(318, y, 560, y)
    canvas.setFont("Helvetica", 8)
    for x, left, right in ((59, "Signature", "Printed Name"), (320, "Signature", "Printed Name")):
        canvas.drawString(x, 667, left)
        canvas.drawString(x + 122, 667, right)
    for x, left, right in ((59, "Title", "Date"), (320, "Title", "Date")):
        canvas.drawString(x, 627, left)
        canvas.drawString(x + 122, 627, right)
    # The provider's handwritten signature, on its own line right of the customer's.
    canvas.setLineWidth(1.4)
    path = canvas.beginPath()
    path.moveTo(325, 684)
    path.curveTo(345, 712, 360, 676, 380, 698)
    path.curveTo(395, 714, 405, 680, 425, 690)
    canvas.drawPath(path, stroke=1, fill=0)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue(), (62.0, HEIGHT - 702.0, 190.0, HEIGHT - 679.0)


@pytest.fixture(scope="module")
def extractor() -> OrderExtractor:
    return OrderExtractor.load(MODELS)


def _signatory(
    extractor: OrderExtractor, pdf: bytes, area: tuple[float, float, float, float], signed: bool
) -> object:
    spoil = Degradation(dpi=200, skew=0.8, blur=0.6, noise=5.0, jpeg_quality=65)
    scan = scan_pdf(pdf, spoil=spoil, seed=11, signing=SigningMark(1, area, (), signed))
    document = parse_pdf(scan, "scan.pdf", max_pages=2, ocr=OcrOptions(engine="tesseract", dpi=200))
    fields = extractor.extract(document, country="IE").fields
    return fields.customer_signatory.value


@pytest.mark.parametrize(
    "layout",
    [_letter, _form, _under_a_sentence, _side_by_side],
    ids=["letter", "form", "under-a-sentence", "side-by-side"],
)
@pytest.mark.parametrize("signed", [True, False], ids=["signed", "blank"])
def test_a_scanned_block_is_signed_exactly_when_it_holds_ink(
    extractor: OrderExtractor, layout: object, signed: bool
) -> None:
    pdf, area = layout()  # type: ignore[operator]
    assert _signatory(extractor, pdf, area, signed) == ("Aoife Brennan" if signed else None)
