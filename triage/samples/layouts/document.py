"""The page machinery every layout shares: the render context, the document template
(invariant, so the same case gives the same bytes), footers, and image-only pages.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from random import Random
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, SimpleDocTemplate

from triage.samples.amounts import format_amount
from triage.samples.dates import format_date
from triage.samples.deal import Deal
from triage.samples.raster import render_text_page

__all__ = ["FillToReserve", "ImagePage", "RenderContext", "RenderedForm", "build_pdf", "esc"]


def esc(text: str) -> str:
    """Return ``text`` escaped for a reportlab Paragraph."""
    return escape(text)


@dataclass(slots=True)
class RenderContext:
    """One case being printed: the deal, the render RNG and what the build learned."""

    deal: Deal
    rng: Random
    font: str = "Helvetica"
    image_pages: list[int] = field(default_factory=list)

    def d(self, day: date) -> str:
        """Return ``day`` in the case's date style."""
        return format_date(day, self.deal.presentation.date_style, self.deal.country)

    def money(self, amount: Decimal) -> str:
        """Return ``amount`` in the order's currency and the case's amount style."""
        return format_amount(amount, self.deal.order.currency, self.deal.presentation.amount_style)

    @property
    def pagesize(self) -> tuple[float, float]:
        """Return Letter for North American customers, A4 elsewhere."""
        size: tuple[float, float] = LETTER if self.deal.country in ("US", "CA") else A4
        return size


@dataclass(frozen=True, slots=True)
class RenderedForm:
    """The PDF bytes of an order form, its page count and its image-only pages (1-based)."""

    pdf: bytes
    pages: int
    image_pages: tuple[int, ...]


class ImagePage(Flowable):  # type: ignore[misc]
    """A whole page that is a picture of text (a scanned page): no text layer at all."""

    def __init__(self, ctx: RenderContext, heading: str, lines: list[str]) -> None:
        super().__init__()
        self._ctx = ctx
        self._heading = heading
        self._lines = lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Take the whole frame."""
        self._size = (avail_width, avail_height - 1)
        return self._size

    def draw(self) -> None:
        """Draw the rasterised page and note its page number (so no footer is printed)."""
        width, height = self._size
        image = render_text_page(self._heading, self._lines, width / height)
        self.canv.drawImage(image, 0, 0, width, height)
        self._ctx.image_pages.append(self.canv.getPageNumber())

    def image_page_flowables(self) -> list[Flowable]:
        """Return this page wrapped in page breaks."""
        return [PageBreak(), self, PageBreak()]


class FillToReserve(Flowable):  # type: ignore[misc]
    """Blank space that leaves only ``reserve`` points on the page (forces a table split)."""

    def __init__(self, reserve: float) -> None:
        super().__init__()
        self._reserve = reserve

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Fill all but ``reserve`` points of the remaining frame."""
        return (avail_width, max(0.0, avail_height - self._reserve))

    def draw(self) -> None:
        """Draw nothing."""


class _OrderDocTemplate(SimpleDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, ctx: RenderContext, footer: str, **kwargs: Any) -> None:
        super().__init__(buffer, **kwargs)
        self._ctx = ctx
        self._footer = footer

    def afterPage(self) -> None:
        canvas: Canvas = self.canv
        page = canvas.getPageNumber()
        if page in self._ctx.image_pages:
            return
        canvas.saveState()
        canvas.setFont(self._ctx.font, 7.5)
        canvas.drawString(self.leftMargin, 10 * mm, self._footer)
        canvas.drawRightString(self.pagesize[0] - self.rightMargin, 10 * mm, f"Page {page}")
        canvas.restoreState()


def build_pdf(ctx: RenderContext, story: list[Flowable], footer: str, title: str) -> RenderedForm:
    """Return the rendered form of ``story``; the same story always gives the same bytes."""
    buffer = io.BytesIO()
    template = _OrderDocTemplate(
        buffer,
        ctx,
        footer,
        pagesize=ctx.pagesize,
        invariant=1,
        title=title,
        author=ctx.deal.order.provider_name,
        creator="triage samples",
        producer="triage samples",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
    )
    template.build(story)
    return RenderedForm(buffer.getvalue(), template.page, tuple(ctx.image_pages))
