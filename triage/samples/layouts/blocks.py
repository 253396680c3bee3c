"""Building blocks the layouts share: styles, the line-item table, the signature block,
renewal wording, special terms and boilerplate sections.
"""

from __future__ import annotations

from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from triage.contract import LineKind
from triage.samples.amounts import format_percent
from triage.samples.boilerplate import draw_boilerplate
from triage.samples.deal import Line
from triage.samples.layouts.document import RenderContext, esc
from triage.samples.phrasing import number_words

__all__ = [
    "Styles",
    "boilerplate_sections",
    "line_table",
    "renewal_sentence",
    "signature_block",
    "special_terms",
]


class Styles:
    """Paragraph styles in one of the standard fonts (Helvetica, Times or Courier)."""

    def __init__(self, font: str, size: float = 9.5) -> None:
        bold = {
            "Helvetica": "Helvetica-Bold",
            "Times-Roman": "Times-Bold",
            "Courier": "Courier-Bold",
        }[font]
        self.font, self.bold = font, bold
        self.body = ParagraphStyle(
            "body", fontName=font, fontSize=size, leading=size * 1.3, spaceAfter=4
        )
        self.small = ParagraphStyle(
            "small",
            parent=self.body,
            fontSize=size - 1.5,
            leading=(size - 1.5) * 1.25,
            spaceAfter=0,
        )
        self.title = ParagraphStyle(
            "title", fontName=bold, fontSize=size + 7, leading=size + 11, spaceAfter=8
        )
        self.heading = ParagraphStyle(
            "heading",
            fontName=bold,
            fontSize=size + 1.5,
            leading=size + 5,
            spaceBefore=8,
            spaceAfter=4,
        )

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """Return a paragraph of plain ``text`` (escaped)."""
        return Paragraph(esc(text), style or self.body)


_KIND_LABELS = {
    LineKind.SUBSCRIPTION: "Subscr.",
    LineKind.USAGE: "Usage",
    LineKind.ONE_TIME: "One-time",
    LineKind.SERVICE: "Service",
}


def _kind_label(styles: Styles, kind: LineKind) -> str:
    if styles.font == "Courier":
        return _KIND_LABELS[kind]
    return kind.value.replace("_", "-")


def _line_cells(ctx: RenderContext, styles: Styles, line: Line, dated: bool) -> list[object]:
    if line.kind is LineKind.USAGE:
        price = f"{ctx.money(line.unit_price)} / unit overage"
    elif line.kind is LineKind.SUBSCRIPTION:
        price = f"{ctx.money(line.unit_price)} / unit / yr"
    else:
        price = ctx.money(line.unit_price)
    discount = format_percent(line.discount_pct) if line.discount_pct else "0%"
    cells: list[object] = [
        line.sku,
        Paragraph(esc(line.description), styles.small),
        _kind_label(styles, line.kind),
        str(line.quantity),
        Paragraph(esc(price), styles.small),
        discount,
        ctx.money(line.net_amount),
    ]
    if dated:
        period = "—"
        if line.start_date is not None and line.end_date is not None:
            period = f"{ctx.d(line.start_date)} – {ctx.d(line.end_date)}"
        cells.append(Paragraph(esc(period), styles.small))
    return cells


def line_table(
    ctx: RenderContext,
    styles: Styles,
    width: float,
    *,
    repeat_header: bool = True,
    summary: bool = True,
) -> Table:
    """Return the priced-lines table with subtotal and total rows (rows that are not items)."""
    order = ctx.deal.order
    header: list[object] = [
        "SKU",
        "Description",
        "Type",
        "Qty",
        "Unit Price",
        "Disc.",
        "Net Amount",
        "Period",
    ]
    rows: list[list[object]] = [header]
    rows += [_line_cells(ctx, styles, line, True) for line in order.lines]
    recurring = sum(
        (x.net_amount for x in order.lines if x.kind in (LineKind.SUBSCRIPTION, LineKind.USAGE)),
        Decimal(0),
    )
    if summary:
        rows.append(["", "Subtotal, recurring fees", "", "", "", "", ctx.money(recurring), ""])
        rows.append(
            [
                "",
                "Subtotal, one-time and services",
                "",
                "",
                "",
                "",
                ctx.money(order.line_sum() - recurring),
                "",
            ]
        )
        rows.append(
            ["", "Total Contract Value", "", "", "", "", ctx.money(order.total_contract_value), ""]
        )
    fractions = (0.11, 0.2, 0.09, 0.06, 0.14, 0.06, 0.16, 0.18)
    table = Table(
        rows, colWidths=[width * f for f in fractions], repeatRows=1 if repeat_header else 0
    )
    extra = 3 if summary else 0
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), styles.bold, 7.5),
                ("FONT", (0, 1), (-1, -1), styles.font, 7.5),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("GRID", (0, 0), (-1, len(rows) - 1 - extra), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)),
            ]
        )
    )
    return table


def renewal_sentence(ctx: RenderContext) -> str:
    """Return the renewal terms in prose (auto-renewal, renewal term, notice, uplift cap)."""
    order, rng = ctx.deal.order, ctx.rng
    if not order.auto_renewal:
        return rng.choice(
            (
                "This Order Form does not renew automatically; any renewal requires a new order.",
                "Auto-renewal: No. The subscription expires at the end of the Term.",
                "The Subscription Term will not automatically renew.",
            )
        )
    term, notice = order.renewal_term_months or 12, order.renewal_notice_days or 30
    text = rng.choice(
        (
            f"The subscription renews automatically for successive periods of {term} months unless "
            f"either party gives notice of non-renewal at least {notice} days before the end of "
            "the then-current term.",
            f"Auto-renewal: Yes, for {number_words(term)} ({term}) month renewal terms; notice of "
            f"non-renewal must be given {notice} days prior to expiry.",
            f"This Order Form shall automatically renew for a renewal term of {term} months unless "
            f"cancelled in writing no less than {number_words(notice)} ({notice}) days before "
            "expiry.",
        )
    )
    if order.renewal_uplift_cap_pct is not None:
        cap = format_percent(order.renewal_uplift_cap_pct)
        text += " " + rng.choice(
            (
                f"Renewal pricing may increase by no more than {cap} over the prior term's fees.",
                f"Any price increase on renewal is capped at {cap}.",
                f"Uplift on renewal shall not exceed {cap}.",
            )
        )
    return text


def signature_block(ctx: RenderContext, styles: Styles, width: float) -> Flowable:
    """Return the two-column signature block; blank lines where the customer did not sign."""
    order = ctx.deal.order
    blank = "_" * 22
    customer = [
        f"For and on behalf of {order.customer_name}",
        "Signature: " + ("/s/ " + order.signatory if order.signatory else blank),
        "Name: " + (order.signatory or blank),
        "Title: " + (order.signatory_title if order.signatory else blank),
        "Date: " + (ctx.d(order.signed_date) if order.signed_date else blank),
    ]
    provider = [
        f"For and on behalf of {order.provider_name}",
        f"Signature: /s/ {order.provider_signatory}",
        f"Name: {order.provider_signatory}",
        "Title: Authorised Signatory",
        "Date: " + ctx.d(order.order_date),
    ]
    rows = [
        [Paragraph(esc(a), styles.small), Paragraph(esc(b), styles.small)]
        for a, b in zip(customer, provider, strict=True)
    ]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5)])
    )
    heading = styles.para(
        ctx.rng.choice(("Signatures", "Accepted and agreed", "Execution")), styles.heading
    )
    return KeepTogether([heading, table])


def special_terms(ctx: RenderContext, styles: Styles, heading: str) -> list[Flowable]:
    """Return the non-standard clauses as a numbered section (nothing when there are none)."""
    clauses = ctx.deal.order.clauses
    if not clauses:
        return []
    story: list[Flowable] = [styles.para(heading, styles.heading)]
    for number, (_, text) in enumerate(clauses, start=1):
        story.append(styles.para(f"{number}. {text}"))
    return story


def boilerplate_sections(
    ctx: RenderContext, styles: Styles, count: int, numbered_from: int = 1
) -> list[Flowable]:
    """Return ``count`` standard sections, each a bold heading run into its paragraph."""
    story: list[Flowable] = []
    for number, (heading, text) in enumerate(draw_boilerplate(ctx.rng, count), start=numbered_from):
        story.append(Paragraph(f"<b>{number}. {esc(heading)}.</b> {esc(text)}", styles.body))
    story.append(Spacer(1, 4))
    return story
