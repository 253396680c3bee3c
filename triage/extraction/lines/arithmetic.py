"""How much to trust a line item: does its arithmetic add up (docs/semantics.md)?"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from triage.contract import ExtractedLineItem, LineKind

__all__ = ["expected_net", "line_confidence", "whole_months"]

_CENT = Decimal("0.01")


def whole_months(start: date, end: date) -> int:
    """Return the whole months of the inclusive range ``start..end`` (Jan 1 - Dec 31: 12)."""
    after = end + timedelta(days=1)
    if after.day == start.day:
        return (after.year - start.year) * 12 + after.month - start.month
    return round((after - start).days / 30.4375)


def expected_net(item: ExtractedLineItem) -> Decimal | None:
    """Return quantity x unit price x (1 - discount) x months/12 (subscriptions), or None."""
    if item.quantity is None or item.unit_price is None:
        return None
    discount = Decimal(str(item.discount_pct or 0))
    amount = Decimal(item.quantity) * item.unit_price * (1 - discount / 100)
    if item.kind is LineKind.SUBSCRIPTION and item.start_date and item.end_date:
        amount = amount * whole_months(item.start_date, item.end_date) / 12
    return amount.quantize(_CENT, rounding=ROUND_HALF_UP)


def line_confidence(item: ExtractedLineItem, has_discount_column: bool) -> float:
    """Return a confidence for a line: high when its numbers agree with each other."""
    expected = expected_net(item)
    if item.sku is None or item.unit_price is None or item.net_amount is None:
        return 0.4
    if expected is not None and abs(expected - item.net_amount) <= max(
        _CENT, item.net_amount * Decimal("0.0005")
    ):
        return 0.97 if has_discount_column or item.discount_pct == 0 else 0.9
    return 0.6
