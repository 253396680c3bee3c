"""Hand-made order forms in layouts and wording the sample generator never uses.

Each builder returns PDF bytes drawn with reportlab's canvas, so the geometry is exactly
what a test expects: a two-column summary grid, a prose agreement, a pricing table that
breaks across a page, and a page with no text layer.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.pdfgen.canvas import Canvas

__all__ = ["grid_summary_pdf", "long_table_pdf", "prose_agreement_pdf", "scanned_pdf"]


def _render(draw: Callable[[Canvas], None], pagesize: tuple[float, float] = LETTER) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=pagesize)
    draw(canvas)
    canvas.save()
    return buffer.getvalue()


def grid_summary_pdf() -> bytes:
    """A "Commercial Summary" grid: labels left, values in a second column, GB dates."""

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica-Bold", 15)
        c.drawString(60, 750, "Harbourline Analytics Limited")
        c.setFont("Helvetica", 10)
        c.drawString(60, 733, "Subscription Order")
        rows = [
            ("Agreement No.", "HL-77812"),
            ("Client", "Brightwater Dairy Co. Limited"),
            ("Supplier", "Harbourline Analytics Limited"),
            ("Date of Order", "03/02/2027"),
            ("Commencement Date", "01/03/2027"),
            ("Expiration Date", "28/02/2029"),
            ("Contract Term", "24 months"),
            ("Invoice Frequency", "Half-yearly in advance"),
            ("Payment Terms", "Payment due within 60 days of invoice"),
            ("Purchase Order Number", "4500019931"),
            ("Contract Currency", "GBP"),
            ("Order Total", "£ 86,400.00"),
        ]
        y = 700.0
        for label, value in rows:
            c.setFont("Helvetica-Bold", 9)
            c.drawString(60, y, label)
            c.setFont("Helvetica", 9)
            c.drawString(230, y, value)
            y -= 17
        c.setFont("Helvetica", 9)
        c.drawString(
            60, y - 10, "Renewal: this order renews automatically for further periods of 12 months"
        )
        c.drawString(
            60, y - 22, "unless either party serves written notice at least 45 days before expiry."
        )
        c.drawString(60, y - 46, "Signed for the Client")
        c.drawString(60, y - 64, "Print name: Olivia Marsh")
        c.drawString(60, y - 80, "Date signed: 05/02/2027")
        c.drawString(330, y - 46, "Signed for the Supplier")
        c.drawString(330, y - 64, "Print name: Peter Quill")
        c.drawString(330, y - 80, "Date signed: 03/02/2027")

    return _render(draw, A4)


def prose_agreement_pdf() -> bytes:
    """An agreement that states every term in sentences, US month-first dates."""
    paragraphs = [
        "ORDER AGREEMENT Q-55120",
        "This Order Agreement is made on 02/01/2027 between Cedar Ridge Software LLC "
        '("Vendor") and Pinecrest Medical Group, Inc. ("Client").',
        "The subscription shall commence on March 15, 2027 and shall continue for "
        "twenty-four (24) months thereafter.",
        "All fees are invoiced quarterly in advance and are payable net 45 days from invoice date. "
        "All amounts are denominated in USD.",
        "The total fees payable under this Order Agreement are $152,000.00.",
        "This Order Agreement will automatically renew for successive one (1) year terms, and "
        "renewal fees shall not increase by more than four percent (4%).",
    ]

    def draw(c: Canvas) -> None:
        y = 740.0
        for index, text in enumerate(paragraphs):
            c.setFont("Helvetica-Bold" if index == 0 else "Helvetica", 12 if index == 0 else 10)
            for line in textwrap.wrap(text, 95, break_long_words=False, break_on_hyphens=False):
                c.drawString(72, y, line)
                y -= 13
            y -= 10

    return _render(draw)


_HEADER = ("Item", "Product", "Units", "List Price", "Discount", "Extended", "From", "To")
_X = (50, 120, 290, 330, 395, 445, 500, 552)  # left edges; numbers are right-aligned below
_NUMERIC = {2, 3, 4, 5}


def _row(c: Canvas, y: float, cells: tuple[str, ...]) -> None:
    for index, text in enumerate(cells):
        if not text:
            continue
        if index in _NUMERIC:
            c.drawRightString(_X[index + 1] - 8, y, text)
        else:
            c.drawString(_X[index], y, text)


def long_table_pdf() -> bytes:
    """A pricing table that continues on page 2 (header repeated), with a ramp, a wrapped
    description, a usage rate without quantity, and subtotal/total rows."""

    def header(c: Canvas, y: float) -> None:
        c.setFont("Helvetica-Bold", 8)
        for index, text in enumerate(_HEADER):
            if index in _NUMERIC:
                c.drawRightString(_X[index + 1] - 8, y, text)
            else:
                c.drawString(_X[index], y, text)
        c.setFont("Helvetica", 8)

    def draw(c: Canvas) -> None:
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, 750, "Schedule A - Fees")
        c.setFont("Helvetica", 9)
        c.drawString(50, 732, "Order Ref: ZX-4410    Customer: Northbeam Freight Ltd")
        header(c, 700)
        y = 684.0
        for step, (qty, start, end, amount) in enumerate(
            (
                ("100", "2027-01-01", "2027-12-31", "48,000.00"),
                ("150", "2028-01-01", "2028-12-31", "72,000.00"),
            )
        ):
            _row(
                c,
                y,
                (
                    "CORE-100",
                    f"Core platform (year {step + 1})",
                    qty,
                    "480.00",
                    "0%",
                    amount,
                    start,
                    end,
                ),
            )
            y -= 14
        _row(
            c,
            y,
            (
                "SUP-GOLD",
                "Gold support with named",
                "1",
                "9,000.00",
                "10%",
                "16,200.00",
                "2027-01-01",
                "2028-12-31",
            ),
        )
        _row(c, y - 10, ("", "engineer and 1h response", "", "", "", "", "", ""))
        c.drawString(50, 60, "Page 1 of 2")
        c.showPage()
        c.setFont("Helvetica", 9)
        c.drawString(50, 760, "Schedule A - Fees (continued)")
        header(c, 735)
        y = 719.0
        _row(
            c,
            y,
            (
                "MSG-OVR",
                "Messages above allowance, per 1,000",
                "",
                "2.50",
                "",
                "0.00",
                "2027-01-01",
                "2028-12-31",
            ),
        )
        _row(c, y - 14, ("", "Subtotal", "", "", "", "136,200.00", "", ""))
        _row(c, y - 28, ("", "Total", "", "", "", "136,200.00", "", ""))
        c.drawString(50, y - 60, "Total Contract Value: 136,200.00 USD")

    return _render(draw)


def scanned_pdf() -> bytes:
    """Two pages of drawing only (a scanned look): no text layer anywhere."""

    def draw(c: Canvas) -> None:
        for _ in range(2):
            c.setFillGray(0.85)
            c.rect(60, 400, 480, 300, fill=1, stroke=0)
            for row in range(20):
                c.setFillGray(0.3)
                c.rect(80, 680 - 14 * row, 300 + (row * 37) % 120, 6, fill=1, stroke=0)
            c.showPage()

    return _render(draw)
