"""Layout "prose": an order schedule written as numbered paragraphs, lines as sentences."""

from __future__ import annotations

from reportlab.platypus import Flowable

from triage.contract import LineKind
from triage.samples.amounts import format_percent
from triage.samples.deal import Line
from triage.samples.layouts.blocks import (
    Styles,
    boilerplate_sections,
    renewal_sentence,
    signature_block,
    special_terms,
)
from triage.samples.layouts.document import RenderContext, RenderedForm, build_pdf
from triage.samples.layouts.terms import commercial_flowables
from triage.samples.phrasing import number_words, term_phrase

__all__ = ["render_prose"]


def _line_sentence(ctx: RenderContext, letter: str, line: Line) -> str:
    money = ctx.money
    head = f"({letter}) {line.sku} – {line.description}: "
    discount = (
        f", less a discount of {format_percent(line.discount_pct)}"
        if line.discount_pct
        else ", with no discount"
    )
    if line.kind is LineKind.USAGE:
        volume = (
            f"a committed volume of {line.quantity:,} units"
            if line.quantity
            else "0 units committed"
        )
        rate = money(line.unit_price)
        body = f"usage billed in arrears at an overage rate of {rate} per unit, {volume}"
    elif line.kind is LineKind.SUBSCRIPTION:
        body = f"{_count(line)} at {money(line.unit_price)} per unit per year"
    else:
        body = (
            f"{_count(line)} at {money(line.unit_price)} each ({line.kind.value.replace('_', '-')})"
        )
    period = ""
    if line.start_date and line.end_date:
        period = f", for the period {ctx.d(line.start_date)} to {ctx.d(line.end_date)}"
    return f"{head}{body}{discount}, net amount {money(line.net_amount)}{period}."


def _count(line: Line) -> str:
    noun = "unit"
    if line.kind is LineKind.SERVICE:
        noun = "hour" if "hour" in line.description else "day"
    return f"{line.quantity} {noun}{'' if line.quantity == 1 else 's'}"


def render_prose(ctx: RenderContext) -> RenderedForm:
    """Return the order form printed as a prose order schedule."""
    ctx.font = "Times-Roman"
    styles = Styles(ctx.font, 10.5)
    deal, rng = ctx.deal, ctx.rng
    order = deal.order
    width = ctx.pagesize[0] - 2 * 56.7
    title = f"Order Schedule No. {order.order_number}"
    story: list[Flowable] = [styles.para(title, styles.title)]
    story.append(
        styles.para(
            f"This Order Schedule is entered into on {ctx.d(order.order_date)} between "
            f'{order.provider_name} ("Provider") and {order.customer_name}, of '
            f'{", ".join(order.customer_address)} ("Customer").'
        )
    )
    story.append(styles.para("1. Term", styles.heading))
    story.append(
        styles.para(
            f"The subscription starts on {ctx.d(order.start_date)} and ends on "
            f"{ctx.d(order.end_date)}, an initial term of {term_phrase(rng, order.term_months)}. "
            f"All fees are stated in {order.currency}."
        )
    )
    story.append(styles.para("2. Services and Fees", styles.heading))
    for number, line in enumerate(order.lines):
        story.append(styles.para(_line_sentence(ctx, chr(ord("a") + number), line)))
    story.append(
        styles.para(
            "The total contract value of this Order Schedule is "
            f"{ctx.money(order.total_contract_value)}."
        )
    )
    story += commercial_flowables(ctx, styles, width, "3. Invoicing and Payment", as_sentences=True)
    story.append(styles.para("4. Renewal", styles.heading))
    story.append(styles.para(renewal_sentence(ctx)))
    story.append(styles.para("5. Purchase Order", styles.heading))
    if order.po_number:
        story.append(
            styles.para(
                f"Customer's purchase order number {order.po_number} shall be "
                "quoted on every invoice."
            )
        )
    else:
        story.append(styles.para("Customer does not require a purchase order number on invoices."))
    story += special_terms(ctx, styles, "6. Special Conditions")
    story.append(styles.para(f"{7 if order.clauses else 6}. General", styles.heading))
    story += boilerplate_sections(ctx, styles, rng.randrange(4, 9))
    story.append(
        styles.para(
            f"Executed in {number_words(2)} counterparts by the duly authorised representatives "
            "of the parties."
        )
    )
    story.append(signature_block(ctx, styles, width))
    return build_pdf(ctx, story, f"Order Schedule {order.order_number}", title)
