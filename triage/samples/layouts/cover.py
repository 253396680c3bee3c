"""Layout "cover": a key/value cover page, then pricing, special terms and signatures."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from triage.samples.layouts.blocks import (
    Styles,
    boilerplate_sections,
    line_table,
    renewal_sentence,
    signature_block,
    special_terms,
)
from triage.samples.layouts.document import RenderContext, RenderedForm, build_pdf
from triage.samples.layouts.terms import COMMERCIAL, commercial_flowables, key_values, kv_table

__all__ = ["render_cover"]

_HEADER = (
    "order_number",
    "order_date",
    "customer_legal_name",
    "provider_legal_name",
    "po_number",
    "currency",
    "start_date",
    "end_date",
    "term_months",
)


def render_cover(ctx: RenderContext) -> RenderedForm:
    """Return the order form printed as a key/value cover page plus schedule pages."""
    ctx.font = ctx.rng.choice(("Helvetica", "Times-Roman"))
    styles = Styles(ctx.font)
    order = ctx.deal.order
    width = ctx.pagesize[0] - 2 * 56.7
    title = ctx.rng.choice(("ORDER FORM", "Subscription Order Form", "Customer Order Form"))
    story: list[Flowable] = [
        styles.para(order.provider_name, styles.heading),
        styles.para(title, styles.title),
    ]
    names = _HEADER if ctx.deal.presentation.terms_as_image else _HEADER + COMMERCIAL
    story.append(kv_table(key_values(ctx, names), styles, width))
    story.append(Spacer(1, 8))
    address = ", ".join(order.customer_address)
    story.append(styles.para(f"Customer address: {address}", styles.small))
    story.append(Spacer(1, 6))
    story.append(styles.para("Renewal", styles.heading))
    story.append(styles.para(renewal_sentence(ctx)))
    story.append(kv_table(key_values(ctx, ("total_contract_value",)), styles, width / 1.6))
    if ctx.deal.presentation.terms_as_image:
        story += commercial_flowables(ctx, styles, width, "Commercial Terms")
    else:
        story.append(PageBreak())
    story.append(
        styles.para(ctx.rng.choice(("Pricing", "Products and Fees", "Fees")), styles.heading)
    )
    story.append(line_table(ctx, styles, width))
    story += special_terms(ctx, styles, ctx.rng.choice(("Special Terms", "Additional Terms")))
    story.append(styles.para("Terms", styles.heading))
    story += boilerplate_sections(ctx, styles, ctx.rng.randrange(3, 7))
    story.append(signature_block(ctx, styles, width))
    footer = f"{order.provider_name} · Order {order.order_number} · Confidential"
    return build_pdf(ctx, story, footer, title)
