"""Discrepancies in the priced lines: price, quantity, discount, missing/extra lines,
ramp steps and the stated total.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from random import Random

from triage.contract import ExceptionCode, LineKind
from triage.samples import catalog
from triage.samples.amounts import months_between
from triage.samples.dates import add_months
from triage.samples.deal import Deal
from triage.samples.lines import draw_price, draw_quantity, make_line, recompute
from triage.samples.scenario import quote_lines_from, quote_with_lines

__all__ = [
    "LINE_INJECTORS",
    "inject_discount_over_approval",
]


def _free_lines(deal: Deal, *, allow_ramp: bool) -> list[int]:
    return [
        i
        for i, line in enumerate(deal.order.lines)
        if line.sku not in deal.touched_skus and (allow_ramp or line.sku not in deal.ramp_skus)
    ]


def inject_price(deal: Deal, rng: Random) -> None:
    """Change a line's unit price, discount or overage rate against the quote."""
    index = rng.choice(_free_lines(deal, allow_ramp=True))
    line = deal.order.lines[index]
    if line.discount_pct >= 5 and rng.random() < 0.35:
        changed = replace(line, discount_pct=line.discount_pct - 5)
        detail = (
            f"{line.sku}: discount {line.discount_pct:g}% quoted, "
            f"{changed.discount_pct:g}% on order"
        )
    else:
        factor = Decimal(rng.choice((108, 110, 115, 120, 125, 90, 85))) / 100
        price = (line.unit_price * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        changed = replace(line, unit_price=price)
        detail = f"{line.sku}: unit price {line.unit_price} quoted, {price} on order"
    deal.order.lines[index] = recompute(changed)
    deal.touched_skus.add(line.sku)
    deal.total_follows_lines |= rng.random() < 0.5
    deal.inject(ExceptionCode.PRICE_MISMATCH, "line_items.unit_price", detail)


def inject_quantity(deal: Deal, rng: Random) -> None:
    """Change the quantity of a non-ramp line against the quote."""
    index = rng.choice(_free_lines(deal, allow_ramp=False))
    line = deal.order.lines[index]
    quantity = (
        line.quantity + rng.choice((1, 2, 5, 10, 25))
        if line.quantity < 4
        else (line.quantity * rng.choice((50, 80, 120, 150, 200)) // 100)
    )
    deal.order.lines[index] = recompute(replace(line, quantity=quantity))
    deal.touched_skus.add(line.sku)
    deal.total_follows_lines |= rng.random() < 0.5
    deal.inject(
        ExceptionCode.QUANTITY_MISMATCH,
        "line_items.quantity",
        f"{line.sku}: quantity {line.quantity} quoted, {quantity} on order",
    )


def inject_discount_over_approval(deal: Deal, rng: Random) -> None:
    """Give a quoted line (and the order) a discount above the approved maximum."""
    index = rng.choice(_free_lines(deal, allow_ramp=False))
    line = deal.order.lines[index]
    approved = deal.quote.approved_max_discount_pct
    discount = approved + rng.choice((2.5, 5.0, 10.0))
    changed = recompute(replace(line, discount_pct=discount))
    deal.order.lines[index] = changed
    quote_lines = quote_lines_from(deal.order.lines)
    deal.quote = quote_with_lines(deal.quote, quote_lines)
    deal.order.total_contract_value = deal.quote.total_contract_value
    deal.touched_skus.add(line.sku)
    deal.inject(
        ExceptionCode.DISCOUNT_EXCEEDS_APPROVAL,
        "line_items.discount_pct",
        f"{line.sku}: discount {discount:g}% above approved {approved:g}%",
    )


def inject_line_missing(deal: Deal, rng: Random) -> None:
    """Leave every line of one quoted SKU off the order."""
    skus = sorted({deal.order.lines[i].sku for i in _free_lines(deal, allow_ramp=True)})
    if len({line.sku for line in deal.order.lines}) < 2 or not skus:
        raise ValueError("need two SKUs to drop one")
    sku = rng.choice(skus)
    deal.order.lines = [line for line in deal.order.lines if line.sku != sku]
    deal.touched_skus.add(sku)
    deal.total_follows_lines |= rng.random() < 0.5
    deal.inject(
        ExceptionCode.LINE_MISSING_IN_ORDER, "line_items.sku", f"{sku} quoted, not on order"
    )


def inject_line_not_in_quote(deal: Deal, rng: Random) -> None:
    """Add a line whose SKU the quote does not have."""
    quoted = {line.sku for line in deal.quote.lines}
    product = rng.choice([p for p in catalog.PRODUCTS if p.sku not in quoted])
    recurring = product.kind in (LineKind.SUBSCRIPTION, LineKind.USAGE)
    start, end = (deal.order.start_date, deal.order.end_date) if recurring else (None, None)
    quantity = draw_quantity(rng, product)
    line = make_line(product, quantity, draw_price(rng, product), 0.0, start, end)
    deal.order.lines.insert(rng.randrange(len(deal.order.lines) + 1), line)
    deal.touched_skus.add(product.sku)
    deal.total_follows_lines |= rng.random() < 0.6
    deal.inject(ExceptionCode.LINE_NOT_IN_QUOTE, "line_items.sku", f"{product.sku} not quoted")


def inject_total(deal: Deal, rng: Random) -> None:
    """State a total contract value that differs from the quote's."""
    quoted = deal.quote.total_contract_value
    factor = Decimal(rng.choice((90, 95, 105, 110, 111, 120))) / 100
    stated = (quoted * factor).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if abs(stated - quoted) < Decimal(100):
        stated = quoted + Decimal(rng.choice((500, 1000, 2500)))
    deal.order.total_contract_value = stated
    deal.inject(
        ExceptionCode.TOTAL_MISMATCH,
        "total_contract_value",
        f"total {quoted} quoted, {stated} stated on order",
    )


def inject_ramp(deal: Deal, rng: Random) -> None:
    """Move the boundary between two ramp steps, so the steps' date ranges differ."""
    sku = rng.choice(sorted(deal.ramp_skus - deal.touched_skus))
    positions = [i for i, line in enumerate(deal.order.lines) if line.sku == sku]
    cut = rng.randrange(len(positions) - 1)
    first, second = deal.order.lines[positions[cut]], deal.order.lines[positions[cut + 1]]
    if first.start_date is None or second.start_date is None or second.end_date is None:
        raise ValueError(f"ramp SKU {sku} has undated steps")
    room_before = months_between(first.start_date, second.start_date - timedelta(days=1)) - 1
    room_after = months_between(second.start_date, second.end_date) - 1
    shifts = [s for s in (-3, -2, -1, 1, 2, 3) if -room_before <= s <= room_after]
    shift = rng.choice(shifts)
    new_start = add_months(second.start_date, shift)
    deal.order.lines[positions[cut]] = recompute(
        replace(first, end_date=new_start - timedelta(days=1))
    )
    deal.order.lines[positions[cut + 1]] = recompute(replace(second, start_date=new_start))
    deal.touched_skus.add(sku)
    deal.inject(
        ExceptionCode.RAMP_SCHEDULE_MISMATCH,
        "line_items.start_date",
        f"{sku}: step {cut + 2} starts {new_start}, quoted {second.start_date}",
    )


LINE_INJECTORS = {
    ExceptionCode.PRICE_MISMATCH: inject_price,
    ExceptionCode.QUANTITY_MISMATCH: inject_quantity,
    ExceptionCode.LINE_MISSING_IN_ORDER: inject_line_missing,
    ExceptionCode.LINE_NOT_IN_QUOTE: inject_line_not_in_quote,
    ExceptionCode.TOTAL_MISMATCH: inject_total,
    ExceptionCode.RAMP_SCHEDULE_MISMATCH: inject_ramp,
}
"""Order-side line injectors; the discount one changes the quote and runs first."""
