"""The scan maker's signing marks (no OCR): where a scribble goes and what a blank copy
loses, on a block whose captions stand under its values, side by side with the next
party's block, its e-signature stamp over the ``Signature`` caption."""

from __future__ import annotations

import io

from reportlab.pdfgen.canvas import Canvas

from triage.documents.parsed import ParsedDocument
from triage.documents.reader import parse_pdf
from triage.documents.scans import signing_mark

HEIGHT = 842.0


def _stamped_block() -> ParsedDocument:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(595, HEIGHT), invariant=1)
    canvas.setFont("Helvetica-Bold", 9)
    canvas.drawString(56, 716, "CUSTOMER: Harbour Light Limited")
    canvas.drawString(298, 716, "Tessellate Data GmbH")
    canvas.setFont("Helvetica", 6)
    canvas.drawString(59, 689, "DocuSigned by:")
    canvas.setFont("Helvetica-Oblique", 16)
    canvas.drawString(58, 673, "Aoife Brennan")
    canvas.setFont("Helvetica", 6)
    canvas.drawString(59, 666, "FB325BCCEDA2...")
    canvas.setFont("Helvetica", 9)
    canvas.drawString(200, 668, "Aoife Brennan")
    canvas.drawString(442, 673, "Jonas Weber")
    canvas.setFont("Helvetica", 7)
    canvas.drawString(59, 656, "Signature")
    canvas.drawString(200, 656, "Printed Name")
    # The next party's caption row, a little higher: a line of its own in the text layer.
    canvas.drawString(301, 659, "Signature")
    canvas.drawString(442, 659, "Printed Name")
    canvas.showPage()
    canvas.save()
    return parse_pdf(buffer.getvalue(), "order.pdf", max_pages=2)


def _name_box(document: ParsedDocument) -> tuple[float, float, float, float]:
    [word] = [w for w in document.pages[0].words if w.text == "Brennan" and w.x0 > 190]
    [first] = [w for w in document.pages[0].words if w.text == "Aoife" and w.x0 > 190]
    return (first.x0, first.top, word.x1, word.bottom)


def test_the_signature_goes_over_its_own_caption_left_of_the_printed_name() -> None:
    document = _stamped_block()
    name = _name_box(document)
    mark = signing_mark(document, 1, name, signed=True)
    x0, top, x1, bottom = mark.area
    assert 55 <= x0 < 65 and x1 < name[0]  # the customer's column, not the printed name's
    assert bottom <= HEIGHT - 656 and top < HEIGHT - 673  # over the caption, up the stamp


def test_a_blank_copy_loses_the_stamp_and_keeps_the_printed_name() -> None:
    document = _stamped_block()
    name = _name_box(document)
    erase = signing_mark(document, 1, name, signed=False).erase
    words = {w.text: w for w in document.pages[0].words if w.x0 < 190}
    for text in ("DocuSigned", "FB325BCCEDA2..."):
        assert any(_covers(box, words[text].bbox) for box in erase), text
    assert not any(_covers(box, name) for box in erase)


def _covers(box: tuple[float, ...], target: tuple[float, ...]) -> bool:
    return box[0] <= target[0] + 1 and box[2] >= target[2] - 1 and box[1] <= target[1] + 1
