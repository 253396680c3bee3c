"""Layout "general_terms": pages of standard terms first, the commercial terms after them.

The commercial schedule starts only after one to three pages of boilerplate, so an
extractor cannot assume the terms sit on page one.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Paragraph

from triage.samples.layouts.blocks import (
    Styles,
    boilerplate_sections,
    line_table,
    renewal_sentence,
    signature_block,
    special_terms,
)
from triage.samples.layouts.document import RenderContext, RenderedForm, build_pdf, esc
from triage.samples.layouts.terms import commercial_flowables, key_values, kv_table

__all__ = ["render_general_terms"]

_HEADINGS = (
    "Definitions",
    "Provision of Services",
    "Customer Responsibilities",
    "Fees and Taxes",
    "Proprietary Rights",
    "Confidential Information",
    "Warranties and Disclaimers",
    "Indemnification",
    "Limitation of Liability",
    "Term and Termination",
    "Suspension",
    "Data Protection",
    "Export Compliance",
    "Assignment",
    "Force Majeure",
    "Miscellaneous",
)
_SENTENCES = (
    "Provider shall make the Services available to Customer in accordance with the "
    "Documentation and the applicable Order Form.",
    "Customer is responsible for all activities that occur under its user accounts and "
    "shall use commercially reasonable efforts to prevent unauthorised access.",
    "Each party retains all right, title and interest in and to its pre-existing "
    "intellectual property.",
    "Neither party shall disclose the other party's Confidential Information except to its "
    "employees and advisers who need to know it and are bound by confidentiality duties.",
    "Provider may update the Services from time to time provided that the overall "
    "functionality is not materially decreased.",
    "The limitation of liability in this section does not apply to a party's payment obligations.",
    "Either party may terminate the Agreement for material breach not cured within thirty "
    "days after written notice.",
    "Upon termination, Customer may export its data for thirty days, after which Provider "
    "may delete it.",
    "Neither party may assign the Agreement without the other party's prior written "
    "consent, except to a successor in a merger or acquisition.",
    "Neither party is liable for delay caused by events beyond its reasonable control.",
    "Provider shall maintain administrative, physical and technical safeguards for the "
    "protection of Customer Data.",
    "Customer shall comply with all applicable export control and sanctions laws.",
    "No failure or delay in exercising any right operates as a waiver of that right.",
    "If any provision is held unenforceable, the remaining provisions remain in full force.",
    "The Agreement is the entire agreement between the parties on its subject matter and "
    "supersedes all prior proposals.",
    "Customer shall not reverse engineer, resell or sublicense the Services except as "
    "expressly permitted.",
    "Provider warrants that the Services will perform materially in accordance with the "
    "Documentation.",
    "Each party shall defend the other against third-party claims as set out in the "
    "Agreement, subject to prompt notice and reasonable cooperation.",
    "Amendments to the Agreement must be in writing and signed by both parties.",
    "Headings are for convenience only and do not affect interpretation.",
)


def _general_terms(ctx: RenderContext, styles: Styles) -> list[Flowable]:
    rng = ctx.rng
    story: list[Flowable] = [styles.para("General Terms and Conditions", styles.title)]
    # One to three pages of boilerplate before the commercial schedule.
    rounds = rng.choice((1, 1, 2, 3))
    number = 0
    for _ in range(rounds):
        for heading in _HEADINGS[: rng.randrange(8, len(_HEADINGS) + 1)]:
            number += 1
            body = " ".join(rng.sample(_SENTENCES, rng.randrange(4, 9)))
            story.append(Paragraph(f"<b>{number}. {esc(heading)}.</b> {esc(body)}", styles.body))
    return story


def render_general_terms(ctx: RenderContext) -> RenderedForm:
    """Return a multi-page form whose commercial terms follow pages of boilerplate."""
    ctx.font = ctx.rng.choice(("Times-Roman", "Helvetica"))
    styles = Styles(ctx.font, 9)
    order, rng = ctx.deal.order, ctx.rng
    width = ctx.pagesize[0] - 2 * 56.7
    title = rng.choice(("Master Order Form", "Order Form and Terms of Service"))
    header = key_values(
        ctx, ("order_number", "order_date", "customer_legal_name", "provider_legal_name")
    )
    story: list[Flowable] = [
        styles.para(title, styles.title),
        kv_table(header, styles, width, columns=2),
    ]
    general = _general_terms(ctx, styles)
    story += general
    story += boilerplate_sections(ctx, styles, rng.randrange(3, 7), numbered_from=len(general))
    story.append(PageBreak())
    story.append(styles.para("Schedule 1 – Commercial Terms", styles.title))
    terms = key_values(
        ctx,
        ("currency", "start_date", "end_date", "term_months", "po_number", "total_contract_value"),
    )
    story.append(kv_table(terms, styles, width))
    story += commercial_flowables(
        ctx, styles, width, "Invoicing and Payment", as_sentences=rng.random() < 0.5
    )
    story.append(styles.para("Renewal", styles.heading))
    story.append(styles.para(renewal_sentence(ctx)))
    story.append(styles.para("Schedule 2 – Products and Pricing", styles.heading))
    story.append(line_table(ctx, styles, width))
    story += special_terms(ctx, styles, "Schedule 3 – Special Conditions")
    story.append(signature_block(ctx, styles, width))
    return build_pdf(ctx, story, f"{order.provider_name} – {order.order_number}", title)
