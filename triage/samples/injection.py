"""Build one case: draw a clean deal for its plan, inject the planned discrepancies, and
label the consequences the semantics imply (a changed quantity also changes the net amount,
a changed line may change the stated total).
"""

from __future__ import annotations

from decimal import Decimal
from random import Random

from triage.contract import ExceptionCode
from triage.samples.clauses import write_clause
from triage.samples.deal import Deal
from triage.samples.inject_lines import LINE_INJECTORS, inject_discount_over_approval
from triage.samples.inject_terms import TERM_INJECTORS
from triage.samples.plan import CasePlan
from triage.samples.scenario import draw_deal

__all__ = ["build_deal", "within_tolerance"]

_LINE_TARGETS = {
    ExceptionCode.PRICE_MISMATCH,
    ExceptionCode.QUANTITY_MISMATCH,
    ExceptionCode.DISCOUNT_EXCEEDS_APPROVAL,
    ExceptionCode.LINE_MISSING_IN_ORDER,
}
_ORDER = (
    ExceptionCode.RAMP_SCHEDULE_MISMATCH,
    ExceptionCode.QUANTITY_MISMATCH,
    ExceptionCode.PRICE_MISMATCH,
    ExceptionCode.LINE_MISSING_IN_ORDER,
    ExceptionCode.LINE_NOT_IN_QUOTE,
    ExceptionCode.TERM_DATES_MISMATCH,
    *(code for code in TERM_INJECTORS if code is not ExceptionCode.TERM_DATES_MISMATCH),
)


def within_tolerance(a: Decimal, b: Decimal) -> bool:
    """Return True when two amounts agree within 0.01 absolute or 0.05 % relative."""
    return abs(a - b) <= max(Decimal("0.01"), abs(b) * Decimal("0.0005"))


def build_deal(plan: CasePlan, rng: Random) -> Deal:
    """Return the finished deal of ``plan``: clean when the plan has no codes."""
    ramp = plan.layout == "ramp_table" or ExceptionCode.RAMP_SCHEDULE_MISMATCH in plan.codes
    min_skus = 1 + len(_LINE_TARGETS.intersection(plan.codes))
    deal = draw_deal(rng, plan.index, plan.layout, ramp=ramp, min_skus=min_skus)
    if ExceptionCode.DISCOUNT_EXCEEDS_APPROVAL in plan.codes:
        inject_discount_over_approval(deal, rng)
    for code in _ORDER:
        if code in plan.codes:
            injector = LINE_INJECTORS.get(code) or TERM_INJECTORS[code]
            injector(deal, rng)
    for clause_type in plan.clause_types:
        text = write_clause(rng, clause_type, deal.order.start_date.year)
        deal.order.clauses.append((clause_type, text))
        deal.inject(ExceptionCode.NONSTANDARD_CLAUSE, "clauses", clause_type.value)
    if deal.total_follows_lines:
        deal.order.total_contract_value = deal.order.line_sum()
    _label_consequences(deal)
    return deal


def _label_consequences(deal: Deal) -> None:
    quoted = {(q.sku, q.start_date, q.end_date): q for q in deal.quote.lines}
    by_sku = {q.sku: q for q in deal.quote.lines if q.sku not in deal.ramp_skus}
    ramp_changed = ExceptionCode.RAMP_SCHEDULE_MISMATCH in deal.codes
    for line in deal.order.lines:
        if ramp_changed and line.sku in deal.ramp_skus:
            continue
        quote_line = by_sku.get(line.sku) or quoted.get((line.sku, line.start_date, line.end_date))
        if quote_line is None:
            continue
        price_differs = (
            not within_tolerance(line.unit_price, quote_line.unit_price)
            or line.discount_pct != quote_line.discount_pct
        )
        net_only_differs = (
            not within_tolerance(line.net_amount, quote_line.net_amount)
            and line.quantity == quote_line.quantity
        )
        differs = price_differs or net_only_differs
        if differs and ExceptionCode.PRICE_MISMATCH not in deal.codes:
            deal.inject(
                ExceptionCode.PRICE_MISMATCH,
                "line_items.net_amount",
                f"{line.sku}: net {line.net_amount} vs quoted {quote_line.net_amount}",
            )
    stated, quoted_total = deal.order.total_contract_value, deal.quote.total_contract_value
    if (
        not within_tolerance(stated, quoted_total)
        and ExceptionCode.TOTAL_MISMATCH not in deal.codes
    ):
        deal.inject(
            ExceptionCode.TOTAL_MISMATCH,
            "total_contract_value",
            f"stated total {stated} follows the changed lines; quoted {quoted_total}",
        )
