"""Commercial terms as label/value pairs, and as sentences, in the case's vocabulary.

``COMMERCIAL`` names the terms that move to an image-only page when the case injects an
unreadable terms page.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from triage.samples.layouts.blocks import Styles
from triage.samples.layouts.document import ImagePage, RenderContext, esc
from triage.samples.phrasing import (
    billing_label_value,
    billing_sentence,
    field_label,
    payment_label_value,
    payment_sentence,
    term_phrase,
)

__all__ = ["COMMERCIAL", "commercial_flowables", "commercial_sentences", "key_values", "kv_table"]

COMMERCIAL = ("billing_frequency", "billing_start_date", "payment_terms_days")


def key_values(ctx: RenderContext, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """Return label/value pairs for the named fields that the order prints."""
    order, rng = ctx.deal.order, ctx.rng
    values: dict[str, str | None] = {
        "order_number": order.order_number,
        "customer_legal_name": order.customer_name,
        "provider_legal_name": order.provider_name,
        "currency": order.currency,
        "order_date": ctx.d(order.order_date),
        "start_date": ctx.d(order.start_date),
        "end_date": ctx.d(order.end_date),
        "term_months": term_phrase(rng, order.term_months),
        "billing_frequency": (
            billing_label_value(rng, order.billing_frequency) if order.billing_frequency else None
        ),
        "billing_start_date": ctx.d(order.billing_start_date) if order.billing_start_date else None,
        "payment_terms_days": (
            payment_label_value(rng, order.payment_terms_days)
            if order.payment_terms_days is not None
            else None
        ),
        "po_number": order.po_number,
        "total_contract_value": ctx.money(order.total_contract_value),
    }
    return [
        (field_label(rng, name), value) for name in names if (value := values[name]) is not None
    ]


def kv_table(
    pairs: list[tuple[str, str]], styles: Styles, width: float, *, columns: int = 1
) -> Table:
    """Return label/value pairs as a ruled table of ``columns`` label/value column pairs."""
    label_style = ParagraphStyle("kv-label", fontName=styles.bold, fontSize=8.5, leading=10.5)
    value_style = ParagraphStyle("kv-value", fontName=styles.font, fontSize=8.5, leading=10.5)
    rows: list[list[Flowable | str]] = []
    for start in range(0, len(pairs), columns):
        chunk = pairs[start : start + columns]
        row: list[Flowable | str] = []
        for label, value in chunk:
            row += [Paragraph(esc(f"{label}:"), label_style), Paragraph(esc(value), value_style)]
        row += ["", ""] * (columns - len(chunk))
        rows.append(row)
    label_width, value_width = width / columns * 0.36, width / columns * 0.64
    table = Table(rows, colWidths=[label_width, value_width] * columns)
    table.setStyle(
        TableStyle(
            [("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        )
    )
    return table


def commercial_sentences(ctx: RenderContext) -> list[str]:
    """Return the billing frequency, billing start and payment terms as sentences."""
    order, rng = ctx.deal.order, ctx.rng
    sentences = []
    if order.billing_frequency is not None:
        sentences.append(billing_sentence(rng, order.billing_frequency))
    if order.billing_start_date is not None:
        day = ctx.d(order.billing_start_date)
        sentences.append(
            rng.choice(
                (
                    f"Invoicing commences on {day}.",
                    f"The first invoice will be issued on {day}.",
                    f"Billing starts on {day}.",
                )
            )
        )
    if order.payment_terms_days is not None:
        sentences.append(payment_sentence(rng, order.payment_terms_days))
    return sentences


def commercial_flowables(
    ctx: RenderContext, styles: Styles, width: float, heading: str, *, as_sentences: bool = False
) -> list[Flowable]:
    """Return the commercial terms as a table or sentences, or as an image-only page."""
    if as_sentences:
        lines = commercial_sentences(ctx)
        if ctx.deal.presentation.terms_as_image:
            return ImagePage(ctx, heading, lines).image_page_flowables()
        return [styles.para(heading, styles.heading), styles.para(" ".join(lines))]
    pairs = key_values(ctx, COMMERCIAL)
    if ctx.deal.presentation.terms_as_image:
        lines = [f"{label}: {value}" for label, value in pairs]
        return ImagePage(ctx, heading, lines).image_page_flowables()
    return [styles.para(heading, styles.heading), kv_table(pairs, styles, width)]
