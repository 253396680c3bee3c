"""Draw the priced lines of a deal: 1 to 12 lines of every kind, optionally with a ramp."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from random import Random

from triage.contract import LineKind
from triage.samples import catalog, dates
from triage.samples.amounts import line_net_amount
from triage.samples.deal import Line

__all__ = ["draw_lines", "draw_price", "draw_quantity", "make_line", "recompute"]


def draw_price(rng: Random, product: catalog.Product) -> Decimal:
    """Return a list price from the product's range, on its price step."""
    steps = int((product.price_high - product.price_low) / product.price_step)
    return product.price_low + product.price_step * rng.randrange(steps + 1)


def draw_quantity(rng: Random, product: catalog.Product) -> int:
    """Return a plausible quantity of ``product`` (usage: committed units, often 0)."""
    return rng.choice(product.quantities)


def make_line(
    product: catalog.Product,
    quantity: int,
    price: Decimal,
    discount: float,
    start: date | None,
    end: date | None,
) -> Line:
    """Return a line with its net amount computed by the semantics."""
    net = line_net_amount(product.kind, quantity, price, discount, start, end)
    return Line(
        product.sku, product.description, product.kind, quantity, price, discount, net, start, end
    )


def recompute(line: Line) -> Line:
    """Return ``line`` with its net amount recomputed from its other values."""
    net = line_net_amount(
        line.kind, line.quantity, line.unit_price, line.discount_pct, line.start_date, line.end_date
    )
    return replace(line, net_amount=net)


def _discount(rng: Random, kind: LineKind, approved: float) -> float:
    if kind is LineKind.USAGE or rng.random() < 0.35:
        return 0.0
    return float(rng.choice([d for d in (5, 10, 12.5, 15, 20, 25, 30) if d <= approved]))


def _ramp(
    rng: Random, product: catalog.Product, start: date, term: int, approved: float
) -> list[Line]:
    step_months = 12 if term >= 24 else rng.choice((4, 6))
    price = draw_price(rng, product)
    discount = _discount(rng, product.kind, approved)
    quantity = rng.choice(product.quantities)
    steps = []
    for offset in range(0, term, step_months):
        step_start = dates.add_months(start, offset)
        step_end = dates.add_months(start, offset + step_months) - timedelta(days=1)
        steps.append(make_line(product, quantity, price, discount, step_start, step_end))
        quantity = quantity + max(5, quantity * rng.choice((25, 50, 100)) // 100)
    return steps


def draw_lines(
    rng: Random, start: date, term: int, approved: float, *, ramp: bool, min_skus: int
) -> list[Line]:
    """Return 1-12 quote lines over the term; with ``ramp``, one SKU steps up each period."""
    end = dates.add_months(start, term) - timedelta(days=1)
    subscriptions = [p for p in catalog.PRODUCTS if p.kind is LineKind.SUBSCRIPTION]
    wanted = max(min_skus, rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 6, 8, 10)))
    lines: list[Line] = []
    chosen: list[catalog.Product] = []
    if ramp:
        chosen.append(rng.choice([p for p in subscriptions if max(p.quantities) >= 10]))
        lines.extend(_ramp(rng, chosen[0], start, term, approved))
        wanted = max(wanted - len(lines), min_skus - 1, 1)
    pool = [p for p in subscriptions if p not in chosen]
    first = rng.choice(pool)
    picks = [
        first,
        *rng.sample(
            [p for p in catalog.PRODUCTS if p not in chosen and p != first],
            min(wanted - 1, 11 - len(chosen)),
        ),
    ]
    for product in picks[: max(0, 12 - len(lines))]:
        recurring = product.kind in (LineKind.SUBSCRIPTION, LineKind.USAGE)
        line_start, line_end = (start, end) if recurring else (None, None)
        quantity = draw_quantity(rng, product)
        lines.append(
            make_line(
                product,
                quantity,
                draw_price(rng, product),
                _discount(rng, product.kind, approved),
                line_start,
                line_end,
            )
        )
    return lines
