"""Fixtures: the shipped clause model and order forms rendered with reportlab."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from triage.documents.parsed import ParsedDocument
from triage.documents.reader import parse_pdf
from triage.extraction.clauses import ClauseClassifier

MODEL_DIR = Path(__file__).resolve().parents[4] / "models" / "clauses"

Paragraph = tuple[str | None, list[str]]
"""An optional bold heading and the body lines, as they are drawn."""


@pytest.fixture(scope="session")
def classifier() -> ClauseClassifier:
    """Return the shipped classifier, loaded once."""
    return ClauseClassifier.load(MODEL_DIR)


def render_pages(pages: list[list[Paragraph]]) -> ParsedDocument:
    """Draw each page's paragraphs top-down (12 pt leading, 10 pt between paragraphs), parse."""
    return parse_pdf(render_pdf(pages), "order.pdf", max_pages=10)


def render_pdf(pages: list[list[Paragraph]]) -> bytes:
    """Return the PDF bytes of each page's paragraphs drawn top-down."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER)
    for paragraphs in pages:
        y = 720.0
        for heading, body in paragraphs:
            if heading:
                canvas.setFont("Helvetica-Bold", 10)
                canvas.drawString(72, y, heading)
                y -= 14
            canvas.setFont("Helvetica", 10)
            for line in body:
                canvas.drawString(72, y, line)
                y -= 12
            y -= 10
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
