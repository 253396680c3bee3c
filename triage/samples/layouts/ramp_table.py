"""Layout "ramp_table": a table-heavy form whose ramp schedule table breaks across a page.

The schedule starts low on a page so that its rows continue on the next page under a
repeated header; subtotal and total rows follow the items.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from triage.samples.layouts.blocks import (
    Styles,
    boilerplate_sections,
    line_table,
    renewal_sentence,
    signature_block,
    special_terms,
)
from triage.samples.layouts.document import FillToReserve, RenderContext, RenderedForm, build_pdf
from triage.samples.layouts.terms import COMMERCIAL, commercial_flowables, key_values, kv_table

__all__ = ["render_ramp_table"]

_GRID = (
    "order_number",
    "order_date",
    "customer_legal_name",
    "provider_legal_name",
    "currency",
    "po_number",
    "start_date",
    "end_date",
    "term_months",
)
_RESERVE = 95.0


def _party_table(ctx: RenderContext, styles: Styles, width: float) -> Table:
    order = ctx.deal.order
    rows = [
        ["Bill To", "Remit From"],
        [order.customer_name, order.provider_name],
        [order.customer_address[0], "Accounts Receivable"],
        [f"{order.customer_address[1]}, {order.customer_address[2]}", ""],
    ]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, 0), styles.bold, 8.5),
                ("FONT", (0, 1), (-1, -1), styles.font, 8.5),
                ("BOX", (0, 0), (-1, -1), 0.5, "#666666"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.5, "#666666"),
            ]
        )
    )
    return table


def render_ramp_table(ctx: RenderContext) -> RenderedForm:
    """Return a table-heavy form with a ramp schedule split over two pages."""
    ctx.font = ctx.rng.choice(("Helvetica", "Courier"))
    styles = Styles(ctx.font, 8.5)
    order, rng = ctx.deal.order, ctx.rng
    width = ctx.pagesize[0] - 2 * 56.7
    title = rng.choice(("Order Form – Pricing Schedule", "Sales Order", "ORDER FORM"))
    story: list[Flowable] = [styles.para(title, styles.title)]
    image = ctx.deal.presentation.terms_as_image
    story.append(
        kv_table(key_values(ctx, _GRID if image else _GRID + COMMERCIAL), styles, width, columns=2)
    )
    story.append(Spacer(1, 8))
    story.append(_party_table(ctx, styles, width))
    story.append(styles.para("Renewal", styles.heading))
    story.append(styles.para(renewal_sentence(ctx)))
    story += boilerplate_sections(ctx, styles, rng.randrange(1, 4))
    story.append(CondPageBreak(_RESERVE + 60))
    story.append(FillToReserve(_RESERVE))
    story.append(
        styles.para(
            rng.choice(
                ("Subscription Ramp Schedule", "Pricing and Ramp Schedule", "Schedule of Fees")
            ),
            styles.heading,
        )
    )
    story.append(line_table(ctx, styles, width))
    story.append(styles.para("Total Contract Value", styles.heading))
    story.append(kv_table(key_values(ctx, ("total_contract_value",)), styles, width / 1.6))
    if image:
        story += commercial_flowables(ctx, styles, width, "Billing and Payment Terms")
    story += special_terms(ctx, styles, "Special Terms")
    story.append(signature_block(ctx, styles, width))
    return build_pdf(ctx, story, f"Order {order.order_number}", title)
