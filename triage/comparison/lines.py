"""Matching the order's line items to the quote's: by SKU, and ramp steps by date range.

Order of lines never matters. A SKU on one side only is a missing or an extra line; a SKU
with several lines on either side is a ramp, whose steps pair up only when both sides
have the same date ranges (otherwise the whole ramp differs, reported once). A line the
extractor could not read (no SKU, or below the line confidence threshold) is reported as
unreadable and is never compared. A line without a SKU whose description repeats one
quoted product's description is that product; otherwise it may be any quoted line, so it
covers one otherwise-missing quoted SKU instead of raising a second finding.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from triage.comparison.findings import Unreadable
from triage.contract import ExtractedLineItem, QuoteLine

__all__ = ["LineMatch", "LinePair", "RampDifference", "line_label", "match_lines"]

DateRange = tuple[date | None, date | None]


@dataclass(frozen=True, slots=True)
class LinePair:
    """A quote line and the order line it matched; ``ramp_step`` if the SKU is ramped."""

    label: str
    quote: QuoteLine
    order: ExtractedLineItem
    ramp_step: bool


@dataclass(frozen=True, slots=True)
class RampDifference:
    """A ramped SKU whose steps (count or date ranges) differ between quote and order."""

    sku: str
    quote_steps: tuple[QuoteLine, ...]
    order_steps: tuple[ExtractedLineItem, ...]


@dataclass(frozen=True, slots=True)
class LineMatch:
    """The outcome of matching: pairs, one-sided SKUs, ramp differences, unreadable lines."""

    pairs: tuple[LinePair, ...]
    missing: tuple[tuple[QuoteLine, ...], ...]
    extra: tuple[tuple[ExtractedLineItem, ...], ...]
    ramp_differences: tuple[RampDifference, ...]
    unreadable: tuple[Unreadable, ...]
    trusted_order_lines: tuple[tuple[str, ExtractedLineItem], ...]
    """Every order line that was read reliably, with its label, matched or not."""


def line_label(sku: str, dates: DateRange, ramp: bool) -> str:
    """Return how a line is named in a finding's field: the SKU, plus its dates in a ramp."""
    if not ramp:
        return sku
    start, end = (d.isoformat() if d else "?" for d in dates)
    return f"{sku} {start}..{end}"


def _range_key(dates: DateRange) -> tuple[date, date]:
    start, end = dates
    return (start or date.min, end or date.min)


def _order_sort_key(item: ExtractedLineItem) -> tuple[date, date, int, Decimal, float]:
    # a total order over a line's values, so equal date ranges still sort deterministically
    start, end = _range_key((item.start_date, item.end_date))
    return (
        start,
        end,
        item.quantity if item.quantity is not None else -1,
        item.unit_price if item.unit_price is not None else Decimal(-1),
        item.discount_pct if item.discount_pct is not None else -1.0,
    )


_WORD = re.compile(r"[a-z0-9]+")
_SAME_PRODUCT = 0.6  # token overlap (Jaccard) at which two descriptions name one product


def _tokens(text: str | None) -> frozenset[str]:
    return frozenset(_WORD.findall((text or "").lower()))


def _with_quoted_sku(
    item: ExtractedLineItem, quote_lines: Sequence[QuoteLine]
) -> ExtractedLineItem:
    """An order line that prints no product code, named by its description: it takes the
    SKU of the one quoted product whose description it repeats (the extraction itself still
    says the form printed no code)."""
    if item.sku is not None or not item.description:
        return item
    words = _tokens(item.description)
    scores: dict[str, float] = {}
    for line in quote_lines:
        quoted = _tokens(line.description)
        if words and quoted:
            overlap = len(words & quoted) / len(words | quoted)
            scores[line.sku] = max(scores.get(line.sku, 0.0), overlap)
    ranked = sorted(scores.values(), reverse=True)
    if not ranked or ranked[0] < _SAME_PRODUCT or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return item
    best = next(sku for sku, score in scores.items() if score == ranked[0])
    return item.model_copy(update={"sku": best})


def _is_ramp(
    sku: str, quoted: dict[str, list[QuoteLine]], trusted: dict[str, list[ExtractedLineItem]]
) -> bool:
    return len(quoted.get(sku, ())) > 1 or len(trusted.get(sku, ())) > 1


def match_lines(
    quote_lines: Sequence[QuoteLine],
    order_lines: Sequence[ExtractedLineItem],
    min_line_confidence: float,
) -> LineMatch:
    """Return how ``order_lines`` match ``quote_lines`` (see the module docstring)."""
    quoted: dict[str, list[QuoteLine]] = defaultdict(list)
    for line in quote_lines:
        quoted[line.sku].append(line)
    trusted: dict[str, list[ExtractedLineItem]] = defaultdict(list)
    untrusted_skus: set[str] = set()
    unreadable: list[Unreadable] = []
    wildcards = 0
    for index, original in enumerate(order_lines):
        item = _with_quoted_sku(original, quote_lines)
        if item.sku is None:
            wildcards += 1
            unreadable.append(
                Unreadable(
                    f"line_items[{index}].sku",
                    None,
                    item.confidence,
                    min_line_confidence,
                    tuple(item.evidence),
                )
            )
        elif item.confidence < min_line_confidence:
            untrusted_skus.add(item.sku)
            unreadable.append(
                Unreadable(
                    f"line_items[{item.sku}]",
                    item.sku,
                    item.confidence,
                    min_line_confidence,
                    tuple(item.evidence),
                )
            )
        else:
            trusted[item.sku].append(item)

    pairs: list[LinePair] = []
    missing: list[tuple[QuoteLine, ...]] = []
    ramps: list[RampDifference] = []
    for sku in sorted(quoted):
        quote_group = sorted(quoted[sku], key=lambda q: _range_key((q.start_date, q.end_date)))
        order_group = sorted(trusted.get(sku, []), key=_order_sort_key)
        if sku in untrusted_skus:
            continue
        if not order_group:
            if wildcards:
                wildcards -= 1
            else:
                missing.append(tuple(quote_group))
            continue
        if len(quote_group) == 1 and len(order_group) == 1:
            pairs.append(LinePair(sku, quote_group[0], order_group[0], ramp_step=False))
            continue
        quote_ranges = [_range_key((q.start_date, q.end_date)) for q in quote_group]
        order_ranges = [_range_key((o.start_date, o.end_date)) for o in order_group]
        if quote_ranges != order_ranges:
            ramps.append(RampDifference(sku, tuple(quote_group), tuple(order_group)))
            continue
        for quote_line, order_line in zip(quote_group, order_group, strict=True):
            label = line_label(sku, (quote_line.start_date, quote_line.end_date), ramp=True)
            pairs.append(LinePair(label, quote_line, order_line, ramp_step=True))

    extra = tuple(tuple(trusted[sku]) for sku in sorted(trusted) if sku not in quoted)
    labelled = tuple(
        (
            line_label(sku, (item.start_date, item.end_date), ramp=_is_ramp(sku, quoted, trusted)),
            item,
        )
        for sku in sorted(trusted)
        for item in sorted(trusted[sku], key=_order_sort_key)
    )
    return LineMatch(
        pairs=tuple(pairs),
        missing=tuple(missing),
        extra=extra,
        ramp_differences=tuple(ramps),
        unreadable=tuple(unreadable),
        trusted_order_lines=labelled,
    )
