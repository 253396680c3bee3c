"""Synthetic order forms rendered with reportlab, for the reader's tests, corpus and benchmark.

The documents look like a short order form: a header block, a line-item table drawn with
rulings, payment and renewal terms in running text, and a signature block. They are
deterministic for a given ``seed`` so golden comparisons and benchmarks are repeatable.
"""

from __future__ import annotations

import io
import random
import textwrap

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

__all__ = ["render_order_form"]

_TERMS = (
    "Customer shall pay each invoice within {days} days of the invoice date. Late amounts "
    "bear interest at one percent per month. This Order Form renews automatically for "
    "successive twelve month terms unless either party gives notice of non-renewal at least "
    "{notice} days before the end of the then-current term. Renewal pricing shall not "
    "increase by more than {cap} percent over the prior term. Fees are exclusive of taxes."
)


def _draw_items(canvas: Canvas, rng: random.Random, top: float) -> float:
    columns = (72.0, 160.0, 350.0, 410.0, 480.0, 540.0)
    headers = ("SKU", "Description", "Qty", "Unit Price", "Net")
    canvas.setFont("Helvetica-Bold", 9)
    for x, header in zip(columns, headers, strict=False):
        canvas.drawString(x + 3, top - 12, header)
    rows = rng.randint(3, 6)
    y = top
    for row in range(rows + 1):
        canvas.line(columns[0], y, columns[-1], y)
        if row < rows:
            y -= 18
    canvas.line(columns[0], y, columns[-1], y)
    for x in columns:
        canvas.line(x, top, x, y)
    canvas.setFont("Helvetica", 9)
    for row in range(1, rows):
        qty = rng.randint(1, 200)
        price = rng.choice((99, 250, 1200, 4800))
        sku = f"SKU-{rng.randint(100, 999)}"
        cells = (
            sku,
            f"Platform seats tier {row}",
            str(qty),
            f"{price:,.2f}",
            f"{qty * price:,.2f}",
        )
        for x, cell in zip(columns, cells, strict=False):
            canvas.drawString(x + 3, top - 12 - 18 * row, cell)
    return y


def render_order_form(seed: int = 0, pages: int = 3) -> bytes:
    """Return the bytes of a deterministic ``pages``-page order-form PDF for ``seed``."""
    rng = random.Random(seed)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    width, height = LETTER
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(72, height - 72, f"Order Form Q-2026-{seed:05d}")
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, height - 92, "Northwind Software Inc. and Acme Corporation")
        canvas.drawRightString(width - 72, height - 92, f"Page {number} of {pages}")
        y = _draw_items(canvas, rng, height - 120) - 30
        terms = _TERMS.format(
            days=rng.choice((30, 45, 60)), notice=rng.choice((30, 60, 90)), cap=rng.randint(3, 9)
        )
        canvas.setFont("Times-Roman", 11)
        for paragraph in range(rng.randint(3, 5)):
            for line in textwrap.wrap(
                f"{paragraph + 1}. {terms}", 95, break_long_words=False, break_on_hyphens=False
            ):
                canvas.drawString(72, y, line)
                y -= 14
            y -= 8
        canvas.setFont("Helvetica", 10)
        canvas.line(72, 110, 260, 110)
        canvas.drawString(72, 96, "Customer signature")
        canvas.drawString(320, 96, f"Date: 2027-01-{rng.randint(1, 28):02d}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
