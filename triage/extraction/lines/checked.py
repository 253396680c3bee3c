"""How far an OCR-read line item can be trusted, once its numbers are checked by arithmetic.

A line item read from a scan is capped by the recognition confidence of the words in its
row (``triage.documents.ocr.confidence``). Two things make that cap too low, both on the
line's own words, never on the text layer's:

- Words that carry none of the line's values (the row number, the digits of its
  description, a per-unit price after discount printed beside the price) decide nothing
  the rules compare; once quantity, unit price and net are all read, they are left out.
- A value checked by an independent reading is not a doubtful digit any more: quantity x
  unit price x (1 - discount) x whole years = net to the cent; the nets of all lines add
  up to the total read elsewhere; a line's dates are the order's own dates, or meet the
  neighbouring period of a ramp (one's end the day before the next one's start); a SKU
  read alike on another row. A misread digit breaks such an equality, so a word whose value
  passes a check is trusted at ``CHECKED_TRUST`` (never lower than its recognition).

Words whose value passes no check keep their recognition confidence, so a line whose
arithmetic fails on a scan still goes to review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from triage.contract import ExtractedLineItem
from triage.documents.ocr.confidence import recognition_ceiling, trust, words_in
from triage.documents.parsed import ParsedDocument, Word
from triage.extraction.normalise.dates import parse_date
from triage.extraction.normalise.money import amount_value

__all__ = ["CHECKED_TRUST", "line_ceilings"]

CHECKED_TRUST = 0.95
"""Trust of a recognised word whose value an independent check confirms."""
_MAX_YEARS = 5
_CENT = Decimal("0.01")
_NUMBER = re.compile(r"\d(?:[\d.,'\u2019]*\d)?")
_VALUES = ("quantity", "unit_price", "net_amount")


def _number(text: str) -> Decimal | None:
    match = _NUMBER.search(text)
    return amount_value(match.group(0)) if match else None


def _sku_text(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _dates(item: ExtractedLineItem) -> list[date]:
    return [d for d in (item.start_date, item.end_date) if d is not None]


def _date_part(value: Decimal, item: ExtractedLineItem) -> bool:
    parts = {p for d in _dates(item) for p in (d.day, d.month, d.year)}
    return value == value.to_integral_value() and int(value) in parts


def _roles(word: Word, item: ExtractedLineItem) -> set[str]:
    """The values of ``item`` that ``word`` spells (none: it carries no compared value)."""
    roles = set()
    if item.sku and _sku_text(item.sku) and _sku_text(item.sku) in _sku_text(word.text):
        roles.add("sku")
    if (day := parse_date(word.text)) is not None and day in _dates(item):
        return roles | {"dates"}
    value = _number(word.text)
    if value is None:
        return roles
    for name in (*_VALUES, "discount_pct"):
        wanted = getattr(item, name)
        if wanted is not None and value == Decimal(str(wanted)):
            roles.add(name)
    if _date_part(value, item):
        roles.add("dates")
    return roles


def _adding_up(item: ExtractedLineItem) -> set[str]:
    """The values that quantity x unit price x (1 - discount) x whole years = net, to the
    cent, checks: all of them; with a quantity of 0 and a net of 0, only those two (any
    price would give them)."""
    quantity, unit, net = item.quantity, item.unit_price, item.net_amount
    if quantity is None or unit is None or net is None or unit <= 0:
        return set()
    if quantity == 0:
        return {"quantity", "net_amount"} if net == 0 else set()
    discount = Decimal(str(item.discount_pct or 0)) / 100
    base = Decimal(quantity) * Decimal(str(unit)) * (1 - discount)
    years = range(1, _MAX_YEARS + 1)
    if any(abs(base * n - Decimal(str(net))) <= _CENT for n in years):
        return {*_VALUES, "discount_pct"}
    return set()


def _dates_met(
    item: ExtractedLineItem, others: Sequence[ExtractedLineItem], known: set[date]
) -> bool:
    """Whether every date of ``item`` is a date read elsewhere: the order's own, or the
    edge of a neighbouring line's period."""
    edges = set(known)
    for other in others:
        if other is item:
            continue
        if other.end_date is not None:
            edges.add(other.end_date + timedelta(days=1))
        if other.start_date is not None:
            edges.add(other.start_date - timedelta(days=1))
    return bool(_dates(item)) and all(d in edges for d in _dates(item))


def _sum(amounts: Sequence[Decimal | None]) -> Decimal:
    return sum((Decimal(str(a)) for a in amounts if a is not None), Decimal(0))


def _checked(
    item: ExtractedLineItem,
    items: Sequence[ExtractedLineItem],
    nets_add_up: bool,
    known: set[date],
) -> set[str]:
    """The values of ``item`` an independent reading confirms (``nets_add_up``: the nets
    of ``items`` sum to the order's total as read)."""
    checked = _adding_up(item)
    if nets_add_up:
        checked.add("net_amount")
    if _dates_met(item, items, known):
        checked.add("dates")
    if item.sku and any(o is not item and o.sku == item.sku for o in items):
        checked.add("sku")
    return checked


def line_ceilings(
    document: ParsedDocument,
    items: Sequence[ExtractedLineItem],
    total: Decimal | None = None,
    known_dates: set[date] | None = None,
) -> list[float]:
    """Return, for each of ``items``, the highest confidence its OCR-read words allow
    (1.0 for a line on a text layer); ``total`` is the order's total as read, and
    ``known_dates`` the order's own dates as read, both checks of the lines' values."""
    nets = [i.net_amount for i in items]
    nets_add_up = total is not None and None not in nets and abs(_sum(nets) - total) <= _CENT
    ceilings = []
    for item in items:
        words = words_in(document, ((e.page, e.bbox) for e in item.evidence))
        if not words:
            ceilings.append(1.0)
            continue
        checked = _checked(item, items, nets_add_up, known_dates or set())
        complete = all(getattr(item, name) is not None for name in _VALUES)
        trusts = []
        for word in words:
            roles = _roles(word, item)
            if not roles and complete:
                continue  # a row number or a description's digits: no compared value
            sure = bool(roles) and roles <= checked
            trusts.append(max(trust(word), CHECKED_TRUST) if sure else trust(word))
        ceilings.append(round(min(trusts, default=recognition_ceiling(())), 4))
    return ceilings
