"""One generated case end to end: plan, deal, rendered PDF, outcome and labels."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from triage.samples.deal import Deal
from triage.samples.injection import build_deal
from triage.samples.labels import (
    CaseLabels,
    ClauseLabel,
    FieldLabels,
    InjectedLabel,
    LineLabel,
    PresentationLabel,
)
from triage.samples.layouts import LAYOUTS, RenderContext, RenderedForm
from triage.samples.layouts.terms import COMMERCIAL
from triage.samples.outcomes import draw_outcome
from triage.samples.plan import plan_case
from triage.samples.seeding import case_rng

__all__ = ["GeneratedCase", "draw_case", "generate_case", "printed_field_values"]


@dataclass(frozen=True, slots=True)
class GeneratedCase:
    """A finished case: the deal behind it, its PDF and its labels."""

    deal: Deal
    form: RenderedForm
    labels: CaseLabels


def draw_case(seed: int, index: int) -> Deal:
    """Return the deal of case ``index`` (0-based) without rendering it (cheap)."""
    return build_deal(plan_case(seed, index), case_rng(seed, index, "deal"))


def printed_field_values(deal: Deal) -> dict[str, Any]:
    """Return the 19 field values a perfect reader of the order's text layer would extract.

    Terms printed only on an image page are None: they have no text to read.
    """
    order = deal.order
    values: dict[str, Any] = {
        "order_number": order.order_number,
        "customer_legal_name": order.customer_name,
        "provider_legal_name": order.provider_name,
        "currency": order.currency,
        "order_date": order.order_date,
        "start_date": order.start_date,
        "end_date": order.end_date,
        "term_months": order.term_months,
        "billing_frequency": order.billing_frequency,
        "billing_start_date": order.billing_start_date,
        "payment_terms_days": order.payment_terms_days,
        "po_number": order.po_number,
        "auto_renewal": order.auto_renewal,
        "renewal_term_months": order.renewal_term_months,
        "renewal_notice_days": order.renewal_notice_days,
        "renewal_uplift_cap_pct": order.renewal_uplift_cap_pct,
        "total_contract_value": order.total_contract_value,
        "customer_signatory": order.signatory,
        "customer_signed_date": order.signed_date,
    }
    if deal.presentation.terms_as_image:
        values.update(dict.fromkeys(COMMERCIAL))
    return values


def _fields(deal: Deal) -> FieldLabels:
    return FieldLabels.model_validate(printed_field_values(deal))


def generate_case(seed: int, index: int) -> GeneratedCase:
    """Return case ``index`` of ``seed``: the same bytes and labels on every run."""
    deal = draw_case(seed, index)
    outcome = draw_outcome(deal, case_rng(seed, index, "outcome"))
    ctx = RenderContext(deal=deal, rng=case_rng(seed, index, "render"))
    form = LAYOUTS[deal.presentation.layout](ctx)
    labels = CaseLabels(
        case=deal.case,
        seed=seed,
        layout=deal.presentation.layout,
        country=deal.country,
        presentation=PresentationLabel(
            date_style=deal.presentation.date_style,
            amount_style=deal.presentation.amount_style,
            terms_as_image=deal.presentation.terms_as_image,
            image_pages=list(form.image_pages),
            pages=form.pages,
        ),
        fields=_fields(deal),
        line_items=[
            LineLabel.model_validate(line, from_attributes=True) for line in deal.order.lines
        ],
        clauses=[ClauseLabel(type=t, text=text) for t, text in deal.order.clauses],
        injected=[
            InjectedLabel(code=i.code, field=i.field, detail=i.detail) for i in deal.injected
        ],
        expected_codes=sorted(deal.codes),
        outcome=outcome,
    )
    return GeneratedCase(deal, form, labels)
