"""Rules on the line items: missing and extra SKUs, ramps, quantities, prices, discounts.

Each rule reads the shared line matching (see ``lines.py``), so a reordered table is never
a mismatch and a differing ramp is reported once, not as a cascade of price and quantity
differences.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict

from triage.comparison.context import RuleContext
from triage.comparison.findings import Finding, json_value
from triage.comparison.lines import LinePair
from triage.comparison.money import (
    MoneyTolerance,
    PercentTolerance,
    amounts_agree,
    percentages_agree,
)
from triage.comparison.registry import RULES, NoParams
from triage.contract import ExceptionCode, ExtractedLineItem, QuoteLine

__all__ = ["LinePriceParams"]


class LinePriceParams(BaseModel):
    """Tolerances of the line price rule."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    money: MoneyTolerance = MoneyTolerance()
    discount: PercentTolerance = PercentTolerance()


def _steps(lines: Sequence[QuoteLine | ExtractedLineItem]) -> list[dict[str, Any]]:
    return [
        json_value(
            {"start_date": line.start_date, "end_date": line.end_date, "quantity": line.quantity}
        )
        for line in lines
    ]


def _describe_steps(steps: list[dict[str, Any]]) -> str:
    parts = [f"{s['start_date'] or '?'}..{s['end_date'] or '?'} × {s['quantity']}" for s in steps]
    noun = "step" if len(parts) == 1 else "steps"
    return f"{len(parts)} {noun} ({'; '.join(parts)})"


@RULES.register(
    "line_missing.v1",
    code=ExceptionCode.LINE_MISSING_IN_ORDER,
    params=NoParams,
    placeholders=("sku",),
)
def line_missing(ctx: RuleContext[NoParams]) -> list[Finding]:
    """A quoted SKU does not appear on the order form at all."""
    return [
        Finding(
            field=f"line_items[{group[0].sku}]",
            expected=_steps(group),
            found=None,
            details={"sku": group[0].sku},
        )
        for group in ctx.line_match().missing
    ]


@RULES.register(
    "line_not_in_quote.v1",
    code=ExceptionCode.LINE_NOT_IN_QUOTE,
    params=NoParams,
    placeholders=("sku",),
)
def line_not_in_quote(ctx: RuleContext[NoParams]) -> list[Finding]:
    """An order SKU does not appear in the quote at all."""
    findings = []
    for group in ctx.line_match().extra:
        sku = group[0].sku or ""
        evidence = tuple(e for item in group for e in item.evidence)
        findings.append(
            Finding(
                field=f"line_items[{sku}]",
                expected=None,
                found=_steps(group),
                evidence=evidence,
                details={"sku": sku},
            )
        )
    return findings


@RULES.register(
    "ramp_schedule.v1",
    code=ExceptionCode.RAMP_SCHEDULE_MISMATCH,
    params=NoParams,
    placeholders=("sku", "expected_steps", "found_steps"),
)
def ramp_schedule(ctx: RuleContext[NoParams]) -> list[Finding]:
    """A ramped SKU's steps (date ranges, step count or quantity per step) differ."""
    return _ramp_findings(ctx, with_quantities=True)


@RULES.register(
    "ramp_schedule.v2",
    code=ExceptionCode.RAMP_SCHEDULE_MISMATCH,
    params=NoParams,
    placeholders=("sku", "expected_steps", "found_steps"),
)
def ramp_schedule_v2(ctx: RuleContext[NoParams]) -> list[Finding]:
    """A ramped SKU's steps (date ranges or step count) differ; a step whose dates match
    but whose quantity differs is a quantity mismatch of that step (``line_quantity.v2``)."""
    return _ramp_findings(ctx, with_quantities=False)


def _ramp_findings(ctx: RuleContext[NoParams], *, with_quantities: bool) -> list[Finding]:
    match = ctx.line_match()
    differing: dict[str, tuple[Sequence[QuoteLine], Sequence[ExtractedLineItem]]] = {
        d.sku: (d.quote_steps, d.order_steps) for d in match.ramp_differences
    }
    by_sku: dict[str, list[LinePair]] = {}
    for pair in match.pairs:
        if pair.ramp_step and with_quantities:
            by_sku.setdefault(pair.quote.sku, []).append(pair)
    for sku, pairs in by_sku.items():
        quantities = [ctx.line_value(p.label, p.order, "quantity") for p in pairs]
        if any(
            q is not None and q != p.quote.quantity for q, p in zip(quantities, pairs, strict=True)
        ):
            differing[sku] = ([p.quote for p in pairs], [p.order for p in pairs])
    findings = []
    for sku in sorted(differing):
        quote_steps, order_steps = differing[sku]
        expected, found = _steps(quote_steps), _steps(order_steps)
        findings.append(
            Finding(
                field=f"line_items[{sku}]",
                expected=expected,
                found=found,
                evidence=tuple(e for item in order_steps for e in item.evidence),
                details={
                    "sku": sku,
                    "expected_steps": _describe_steps(expected),
                    "found_steps": _describe_steps(found),
                },
            )
        )
    return findings


@RULES.register(
    "line_quantity.v1",
    code=ExceptionCode.QUANTITY_MISMATCH,
    params=NoParams,
    placeholders=("line",),
)
def line_quantity(ctx: RuleContext[NoParams]) -> list[Finding]:
    """A matched (non-ramp) line's quantity differs from the quote's."""
    return _quantity_findings(ctx, ramp_steps=False)


@RULES.register(
    "line_quantity.v2",
    code=ExceptionCode.QUANTITY_MISMATCH,
    params=NoParams,
    placeholders=("line",),
)
def line_quantity_v2(ctx: RuleContext[NoParams]) -> list[Finding]:
    """A matched line's quantity differs from the quote's, ramp steps matched by their
    dates included."""
    return _quantity_findings(ctx, ramp_steps=True)


def _quantity_findings(ctx: RuleContext[NoParams], *, ramp_steps: bool) -> list[Finding]:
    findings = []
    for pair in ctx.line_match().pairs:
        if pair.ramp_step and not ramp_steps:
            continue  # v1: a ramp step's quantity belongs to the ramp schedule rule
        found = ctx.line_value(pair.label, pair.order, "quantity")
        if found is not None and found != pair.quote.quantity:
            findings.append(
                Finding(
                    field=f"line_items[{pair.label}].quantity",
                    expected=pair.quote.quantity,
                    found=found,
                    evidence=tuple(pair.order.evidence),
                    details={"line": pair.label},
                )
            )
    return findings


def _price_differences(ctx: RuleContext[LinePriceParams], pair: LinePair) -> list[Finding]:
    params, quote_line, label = ctx.params, pair.quote, pair.label
    money = params.money
    unit_price = ctx.line_value(label, pair.order, "unit_price")
    discount = ctx.line_value(label, pair.order, "discount_pct")
    net_amount = ctx.line_value(label, pair.order, "net_amount")
    differing: list[tuple[str, str, Any, Any]] = []
    if unit_price is not None and not amounts_agree(quote_line.unit_price, unit_price, money):
        differing.append(("unit_price", "unit price", quote_line.unit_price, unit_price))
    if discount is not None and not percentages_agree(
        quote_line.discount_pct, discount, params.discount
    ):
        differing.append(("discount_pct", "discount %", quote_line.discount_pct, discount))
    # A differing unit price or discount already names the line, and a differing quantity
    # is its own exception (or the ramp schedule's): the net amount is named only when
    # nothing that explains it differs (docs/semantics.md).
    quantity = ctx.line_value(label, pair.order, "quantity")
    quantity_differs = quantity is not None and quantity != quote_line.quantity
    if (
        not differing
        and not quantity_differs
        and net_amount is not None
        and not amounts_agree(quote_line.net_amount, net_amount, money)
    ):
        differing.append(("net_amount", "net amount", quote_line.net_amount, net_amount))
    return [
        Finding(
            field=f"line_items[{label}].{attribute}",
            expected=json_value(expected),
            found=json_value(found),
            evidence=tuple(pair.order.evidence),
            details={"line": label, "attribute": words},
        )
        for attribute, words, expected, found in differing
    ]


@RULES.register(
    "line_price.v1",
    code=ExceptionCode.PRICE_MISMATCH,
    params=LinePriceParams,
    placeholders=("line", "attribute"),
)
def line_price(ctx: RuleContext[LinePriceParams]) -> list[Finding]:
    """A matched line's unit price, discount or net amount differs beyond tolerance.

    One finding per differing unit price or discount; the net amount is named only when
    unit price, discount and quantity all agree, so one change is reported once.
    """
    return [f for pair in ctx.line_match().pairs for f in _price_differences(ctx, pair)]


@RULES.register(
    "discount_approval.v1",
    code=ExceptionCode.DISCOUNT_EXCEEDS_APPROVAL,
    params=PercentTolerance,
    placeholders=("line",),
)
def discount_approval(ctx: RuleContext[PercentTolerance]) -> list[Finding]:
    """An order line's discount exceeds the quote's approved maximum discount."""
    approved = ctx.quote.approved_max_discount_pct
    findings = []
    for label, item in ctx.line_match().trusted_order_lines:
        discount = ctx.line_value(label, item, "discount_pct")
        if discount is not None and discount > approved + ctx.params.points:
            findings.append(
                Finding(
                    field=f"line_items[{label}].discount_pct",
                    expected=approved,
                    found=discount,
                    evidence=tuple(item.evidence),
                    details={"line": label},
                )
            )
    return findings
