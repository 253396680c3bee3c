"""A small drawing surface for ability documents: reportlab's canvas with top-down positions.

Every ability document is drawn here in the test run, so what a test expects follows from
what it drew: words at known places, ruling lines and cell rectangles as real PDF paths,
tick marks as strokes, fills or glyphs, and headers/footers repeated on every page.
Positions are in points from the page's top-left, as the reader reports them.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

__all__ = ["A4", "LETTER", "Build", "Order", "Sheet", "glyph_font"]

_DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def glyph_font() -> str | None:
    """Register DejaVu Sans (it has the ballot-box and check glyphs); None when not installed."""
    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return "DejaVuSans"
    if not _DEJAVU.exists():
        return None
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(_DEJAVU)))
    return "DejaVuSans"


@dataclass(frozen=True)
class Order:
    """One rendered document and what a careful reader finds on it.

    ``fields`` holds the expected value of each contract field the ability concerns (None
    where the form does not state it); ``lines`` the expected line items, each with only the
    keys the document states, or None when the ability is not about lines.
    """

    name: str
    pdf: bytes
    fields: Mapping[str, object] = field(default_factory=dict)
    lines: Sequence[Mapping[str, object]] | None = None
    country: str | None = None


Build = Callable[[], Order]


PageDecor = Callable[["Sheet", int], None]


class Sheet:
    """A multi-page PDF drawn with top-down coordinates; ``finish`` returns its bytes."""

    def __init__(
        self,
        pagesize: tuple[float, float] = LETTER,
        *,
        font: str = "Helvetica",
        size: float = 10,
        decor: PageDecor | None = None,
    ) -> None:
        self._buffer = io.BytesIO()
        self.canvas = Canvas(self._buffer, pagesize=pagesize)
        self.width, self.height = pagesize
        self.font, self.size = font, size
        self.page = 1
        self._decor = decor
        self._decorate()

    def _decorate(self) -> None:
        if self._decor is not None:
            self._decor(self, self.page)
        self.canvas.setFont(self.font, self.size)

    def _font(self, font: str | None, size: float | None) -> None:
        self.canvas.setFont(font or self.font, size or self.size)

    def text(
        self,
        x: float,
        top: float,
        words: str,
        *,
        font: str | None = None,
        size: float | None = None,
    ) -> None:
        """Draw ``words`` with their left edge at ``x`` and baseline near ``top`` + size."""
        self._font(font, size)
        self.canvas.drawString(x, self.height - top - (size or self.size), words)

    def right(
        self,
        x1: float,
        top: float,
        words: str,
        *,
        font: str | None = None,
        size: float | None = None,
    ) -> None:
        """Draw ``words`` right-aligned at ``x1``."""
        self._font(font, size)
        self.canvas.drawRightString(x1, self.height - top - (size or self.size), words)

    def leaders(self, x: float, top: float, label: str, x1: float, value: str) -> None:
        """Draw ``label``, dots up to ``value``, and ``value`` right-aligned at ``x1``."""
        room = x1 - x - pdfmetrics.stringWidth(label + "  " + value, self.font, self.size)
        dots = int(room / pdfmetrics.stringWidth(".", self.font, self.size)) - 2
        self.text(x, top, f"{label} {'.' * dots}")
        self.right(x1, top, value)

    def paragraph(
        self,
        x: float,
        top: float,
        words: str,
        *,
        chars: int = 90,
        leading: float = 13,
        font: str | None = None,
        size: float | None = None,
    ) -> float:
        """Draw ``words`` wrapped at ``chars`` characters; return the top below the last line."""
        for line in textwrap.wrap(words, chars, break_long_words=False, break_on_hyphens=False):
            self.text(x, top, line, font=font, size=size)
            top += leading
        return top

    def rect(
        self, x: float, top: float, w: float, h: float, *, fill: bool = False, width: float = 0.7
    ) -> None:
        """Draw a rectangle (a cell, a box, a filled tick square) as a PDF path."""
        self.canvas.setLineWidth(width)
        self.canvas.rect(x, self.height - top - h, w, h, stroke=1, fill=1 if fill else 0)

    def hline(self, x0: float, x1: float, top: float, *, width: float = 0.7) -> None:
        """Draw a horizontal rule at ``top``."""
        self.canvas.setLineWidth(width)
        self.canvas.line(x0, self.height - top, x1, self.height - top)

    def vline(self, x: float, top: float, bottom: float, *, width: float = 0.7) -> None:
        """Draw a vertical rule from ``top`` to ``bottom``."""
        self.canvas.setLineWidth(width)
        self.canvas.line(x, self.height - top, x, self.height - bottom)

    def cross(self, x: float, top: float, side: float) -> None:
        """Draw an X as two strokes inside the square at (x, top)."""
        pad = side * 0.2
        self.canvas.setLineWidth(1.1)
        y0, y1 = self.height - top - side + pad, self.height - top - pad
        self.canvas.line(x + pad, y0, x + side - pad, y1)
        self.canvas.line(x + pad, y1, x + side - pad, y0)

    def check(self, x: float, top: float, side: float) -> None:
        """Draw a check mark as one two-segment stroke inside the square at (x, top)."""
        path = self.canvas.beginPath()
        base = self.height - top - side
        path.moveTo(x + side * 0.15, base + side * 0.5)
        path.lineTo(x + side * 0.4, base + side * 0.15)
        path.lineTo(x + side * 0.9, base + side * 0.95)
        self.canvas.setLineWidth(1.3)
        self.canvas.drawPath(path, stroke=1, fill=0)

    def ink(self, x: float, top: float, w: float) -> None:
        """Draw a handwritten-looking signature stroke (Bezier curves) over a line at ``top``."""
        path = self.canvas.beginPath()
        y = self.height - top
        path.moveTo(x, y + 3)
        path.curveTo(x + w * 0.15, y + 18, x + w * 0.25, y - 2, x + w * 0.4, y + 10)
        path.curveTo(x + w * 0.55, y + 20, x + w * 0.7, y, x + w, y + 8)
        self.canvas.setLineWidth(1.0)
        self.canvas.drawPath(path, stroke=1, fill=0)

    def grid(
        self,
        x: float,
        top: float,
        widths: Sequence[float],
        rows: Sequence[Sequence[str]],
        *,
        row_height: float = 18,
        numeric: frozenset[int] = frozenset(),
        font: str | None = None,
        size: float | None = None,
        cells: bool = True,
    ) -> float:
        """Draw a ruled table: each cell a rectangle (``cells``) or one grid of lines.

        Columns in ``numeric`` are right-aligned. Returns the top below the table.
        """
        edges = [x]
        for w in widths:
            edges.append(edges[-1] + w)
        for r, row in enumerate(rows):
            row_top = top + r * row_height
            for c, words in enumerate(row):
                if cells:
                    self.rect(edges[c], row_top, widths[c], row_height)
                if not words:
                    continue
                baseline = row_top + (row_height - (size or self.size)) / 2 - 1
                if c in numeric:
                    self.right(edges[c + 1] - 4, baseline, words, font=font, size=size)
                else:
                    self.text(edges[c] + 4, baseline, words, font=font, size=size)
        bottom = top + len(rows) * row_height
        if not cells:
            for r in range(len(rows) + 1):
                self.hline(edges[0], edges[-1], top + r * row_height)
            for edge in edges:
                self.vline(edge, top, bottom)
        return bottom

    def new_page(self) -> None:
        """End this page and start the next, drawing the repeated header/footer on it."""
        self.canvas.showPage()
        self.page += 1
        self._decorate()

    def finish(self) -> bytes:
        """Close the document and return its PDF bytes."""
        self.canvas.save()
        return self._buffer.getvalue()
