"""Layout "letter": an order confirmation letter with the terms in running text."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from triage.samples.layouts.blocks import (
    Styles,
    boilerplate_sections,
    line_table,
    renewal_sentence,
    signature_block,
    special_terms,
)
from triage.samples.layouts.document import RenderContext, RenderedForm, build_pdf
from triage.samples.layouts.terms import commercial_flowables
from triage.samples.phrasing import term_phrase

__all__ = ["render_letter"]


def render_letter(ctx: RenderContext) -> RenderedForm:
    """Return the order form written as a letter to the customer's signatory."""
    ctx.font = ctx.rng.choice(("Courier", "Times-Roman", "Helvetica"))
    styles = Styles(ctx.font, 9.5)
    order, rng = ctx.deal.order, ctx.rng
    width = ctx.pagesize[0] - 2 * 56.7
    addressee = order.signatory or "Sir or Madam"
    title = f"Re: Order Confirmation {order.order_number}"
    story: list[Flowable] = [styles.para(order.provider_name, styles.heading)]
    story += [styles.para(x, styles.small) for x in (order.customer_name, *order.customer_address)]
    story.append(Spacer(1, 8))
    story.append(styles.para(ctx.d(order.order_date)))
    story.append(styles.para(title, styles.heading))
    story.append(styles.para(f"Dear {addressee},"))
    story.append(
        styles.para(
            f"Thank you for choosing {order.provider_name.rstrip('.')}. "
            "This letter confirms the order of "
            f"{order.customer_name} for the products below, for a subscription term of "
            f"{term_phrase(rng, order.term_months)} commencing {ctx.d(order.start_date)} and "
            f"ending {ctx.d(order.end_date)}. Fees are quoted in {order.currency}."
        )
    )
    if order.po_number:
        story.append(
            styles.para(f"We have recorded your purchase order reference {order.po_number}.")
        )
    story.append(line_table(ctx, styles, width, summary=False))
    story.append(Spacer(1, 6))
    story.append(
        styles.para(
            f"The total contract value is {ctx.money(order.total_contract_value)}, excluding taxes."
        )
    )
    story += commercial_flowables(ctx, styles, width, "Invoicing", as_sentences=True)
    story.append(styles.para(renewal_sentence(ctx)))
    story += special_terms(ctx, styles, "In addition, the parties have agreed the following:")
    story += boilerplate_sections(ctx, styles, rng.randrange(2, 6))
    story.append(styles.para("Please countersign below to accept this order."))
    story.append(signature_block(ctx, styles, width))
    return build_pdf(ctx, story, f"{order.provider_name} · {order.order_number}", title)
