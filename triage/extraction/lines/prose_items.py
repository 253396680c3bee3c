"""Line items written as sentences of an order schedule:

"(a) PLAT-ENT – Platform Enterprise seats: 25 units at 1 750,00 EUR per unit per year,
less a discount of 25%, net amount 98 437,50 EUR, for the period 01/10/2027 to 30/09/2030."

A paragraph is an item when a product code opens it and it prices something; each term is
read by its cue ("at", "rate of", "discount of", "net amount", "for the period").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from triage.contract import ExtractedLineItem, LineKind
from triage.extraction.fields.blocks import TextBlock
from triage.extraction.layout.segments import evidence_for
from triage.extraction.lines.assemble import line_confidence
from triage.extraction.lines.kinds import kind_from_text
from triage.extraction.normalise.dates import DATE_PATTERN, DateStyle, parse_date
from triage.extraction.normalise.money import AMOUNT_PATTERN, amount_value

__all__ = ["read_prose_items"]

_OPENING = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:item\s*:?\s*)?(?P<sku>[A-Z][A-Z0-9]*(?:[-_/.][A-Z0-9]+)+)"
    r"\s*[–—:\-]+\s*(?P<desc>[^:]+?)\s*:\s*(?P<body>.+)$",
    re.DOTALL,
)
_QUANTITY = re.compile(
    r"\b(\d[\d,]*)\s+(?:units?|seats?|licen[cs]es?|users?|hours?|days?|subscriptions?)\b", re.I
)
_PRICE_CUE = re.compile(r"\b(?:at|rate\s+of|price\s+of|priced\s+at|fee\s+of|cost\s+of)\s+", re.I)
_NET_CUE = re.compile(
    r"\b(?:net\s+amount|net\s+fees?|net\s+total|net\s+of|for\s+a\s+net|extended\s+amount)\s*(?:of|:)?\s*",
    re.I,
)
_DISCOUNT = re.compile(
    r"\bdiscount\s+of\s+(\d+(?:[.,]\d+)?)\s*%|(\d+(?:[.,]\d+)?)\s*%\s+discount", re.I
)
_NO_DISCOUNT = re.compile(r"\bno\s+discount|without\s+(?:any\s+)?discount|undiscounted", re.I)
_PERIOD = re.compile(r"\b(?:period|from|term)\b", re.I)
_SUBSCRIPTION = re.compile(r"\bper\s+(?:unit\s+per\s+)?(?:year|annum|month)|annual|/\s*yr\b", re.I)


def _money_after(cue: re.Pattern[str], text: str) -> Decimal | None:
    for match in cue.finditer(text):
        amount = AMOUNT_PATTERN.match(text, match.end())
        if amount and (
            amount.group("pre")
            or amount.group("post")
            or "." in amount.group("num")
            or "," in amount.group("num")
        ):
            return amount_value(amount.group("num"))
    return None


def _dates(body: str, style: DateStyle | None) -> tuple[object, object]:
    cue = _PERIOD.search(body)
    if not cue:
        return None, None
    found = [m.group(0) for m in DATE_PATTERN.finditer(body, cue.end())]
    if len(found) < 2:
        return None, None
    return parse_date(found[0], style), parse_date(found[1], style)


def _kind(description: str, body: str, has_dates: bool) -> LineKind:
    named = kind_from_text(body) or kind_from_text(description)
    if named is not None and named is not LineKind.SUBSCRIPTION:
        return named
    if _SUBSCRIPTION.search(body) or has_dates:
        return LineKind.SUBSCRIPTION
    return named or LineKind.ONE_TIME


def _item(block: TextBlock, style: DateStyle | None) -> ExtractedLineItem | None:
    opening = _OPENING.match(block.text)
    if not opening:
        return None
    body, description = opening.group("body"), opening.group("desc").strip()
    unit_price = _money_after(_PRICE_CUE, body)
    net_amount = _money_after(_NET_CUE, body)
    if unit_price is None and net_amount is None:
        return None
    quantity_match = _QUANTITY.search(body)
    quantity = int(quantity_match.group(1).replace(",", "")) if quantity_match else None
    discount = _DISCOUNT.search(body)
    discount_pct = (
        float((discount.group(1) or discount.group(2)).replace(",", ".")) if discount else 0.0
    )
    if discount is None and not _NO_DISCOUNT.search(body) and quantity is not None:
        discount_pct = 0.0
    start, end = _dates(body, style)
    kind = _kind(description, body, start is not None)
    if quantity is None and kind is LineKind.USAGE:
        quantity = 0
    item = ExtractedLineItem(
        sku=opening.group("sku"),
        description=description,
        kind=kind,
        quantity=quantity,
        unit_price=unit_price,
        discount_pct=discount_pct,
        net_amount=net_amount,
        start_date=start,
        end_date=end,
        evidence=evidence_for(block.words),
    )
    return item.model_copy(update={"confidence": line_confidence(item, discount is not None)})


def read_prose_items(
    blocks: Sequence[TextBlock], style: DateStyle | None
) -> list[ExtractedLineItem]:
    """Return the items of the paragraphs that describe one priced product each."""
    return [item for block in blocks if (item := _item(block, style)) is not None]
