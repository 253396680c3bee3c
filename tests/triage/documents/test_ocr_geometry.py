"""Page images for OCR: pdfium renders into the reader's own buffer (white paper, the
page's ink where it draws it), on a page made in the test."""

from __future__ import annotations

import io
from collections.abc import Iterator

import numpy as np
import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from triage.documents.ocr.geometry import render_page

_BOX = (100.0, 150.0, 260.0, 230.0)  # points from the top-left: x0, top, x1, bottom


def _page_pdf(grey: float) -> bytes:
    """Return a one-page A4 PDF with a filled rectangle of ``grey`` (0 black, 1 white) at
    ``_BOX`` and rows of text under it."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    x0, top, x1, bottom = _BOX
    canvas.setFillGray(grey)
    canvas.rect(x0, A4[1] - bottom, x1 - x0, bottom - top, stroke=0, fill=1)
    canvas.setFillGray(0)
    canvas.setFont("Helvetica", 11)
    for row in range(30):
        canvas.drawString(72, A4[1] - 300 - 16 * row, "Fees are invoiced annually in advance.")
    canvas.save()
    return out.getvalue()


@pytest.fixture
def page() -> Iterator[pdfium.PdfPage]:
    document = pdfium.PdfDocument(_page_pdf(0.4))
    yield document[0]
    document.close()


@pytest.mark.parametrize("dpi", [150, 200, 300])
def test_the_rendered_page_is_white_paper_with_its_ink_where_the_page_draws_it(
    page: pdfium.PdfPage, dpi: int
) -> None:
    width, height = page.get_size()
    image = render_page(page.raw, width, height, dpi)
    scale = dpi / 72
    assert image.dtype == np.uint8
    assert image.shape == (round(height * scale), round(width * scale))
    x0, top, x1, bottom = (round(v * scale) for v in _BOX)
    inside = image[top + 2 : bottom - 2, x0 + 2 : x1 - 2]
    # 40 % grey, as cv2 weighs pdfium's colour channels.
    assert abs(int(np.median(inside)) - round(0.4 * 255)) <= 2
    assert (image[: top - 2, :] == 255).all()  # nothing drawn above the box: paper white
    assert (image[top + 2 : bottom - 2, x1 + 2 : x1 + 40] == 255).all()
