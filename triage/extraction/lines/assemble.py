"""Table rows -> line items: SKU, description, kind, quantity, prices, dates, confidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from triage.contract import BillingFrequency, Evidence, ExtractedLineItem, LineKind
from triage.documents.parsed import Page
from triage.extraction.layout.segments import PlacedWord, evidence_for
from triage.extraction.layout.tables import Table, TableRow, find_tables, negative_amount
from triage.extraction.lexicon_data import load_lexicon
from triage.extraction.lines.amounts import NET_UNIT_PRICE, settle_amount_columns
from triage.extraction.lines.columns import YEAR_ROLE, classify_header
from triage.extraction.lines.kinds import TOTAL_WORDS, infer_kind, kind_from_text
from triage.extraction.lines.roles import assign_unknown_roles
from triage.extraction.lines.skus import PRODUCT_CODE, looks_like_sku
from triage.extraction.normalise.dates import DATE_PATTERN, DateStyle, parse_date
from triage.extraction.normalise.money import AMOUNT_PATTERN, ISO_CODES, parse_amount
from triage.extraction.normalise.numbers import parse_count
from triage.extraction.normalise.terms import parse_frequency, parse_percent

__all__ = [
    "TableLines",
    "expected_net",
    "less_deduction",
    "line_confidence",
    "priced_over_their_period",
    "read_line_items",
    "read_table_lines",
    "whole_months",
]

_CENT = Decimal("0.01")
_WORDS = load_lexicon().prose_line_words
_NOTE_SIZE = 0.9  # type this much smaller than a description's first words is a note


_SKU = PRODUCT_CODE


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
    """Return a confidence for a line: high when its numbers agree with each other.

    A line is named by its code or, on forms that print none, by its description; a usage
    line has a rate and no amount of its own (nothing is committed).
    """
    named = item.sku is not None or bool(item.description and item.description.strip())
    if item.kind is LineKind.USAGE and named and item.unit_price is not None:
        return 0.9 if item.net_amount in (None, Decimal(0)) else 0.6
    expected = expected_net(item)
    if not named or item.unit_price is None or item.net_amount is None:
        return 0.4
    if expected is not None and abs(expected - item.net_amount) <= max(
        _CENT, item.net_amount * Decimal("0.0005")
    ):
        return 0.97 if has_discount_column or item.discount_pct == 0 else 0.9
    return 0.6


def _description(row: TableRow) -> str:
    """The description cell without the notes set in smaller type under it ("Overage rate,
    invoiced monthly in arrears" under the product's name)."""
    words = [w for _, _, w in row.placed("description")]
    if not words:
        return ""
    size = max(w.bottom - w.top for w in words[:3])
    return " ".join(w.text for w in words if w.bottom - w.top >= _NOTE_SIZE * size)


def _sku_and_description(row: TableRow, roles: set[str]) -> tuple[str | None, str]:
    description = _description(row)
    if "sku" in roles and row.text("sku"):
        # The code cell may start with the line's number ("1 KWC-SUP-LIC").
        codes = [t for t in row.text("sku").split() if looks_like_sku(t)]
        return (codes[0] if codes else None), description
    tokens = description.split()
    for index, token in enumerate(tokens):
        cleaned = token.strip("()[],;:")
        if _SKU.match(cleaned):
            rest = tokens[:index] + tokens[index + 1 :]
            return cleaned, " ".join(rest).strip(" -–—:|")
    return None, description


def _money(text: str) -> Decimal | None:
    parsed = parse_amount(text)
    return parsed[0] if parsed else None


def _amounts(text: str) -> list[Decimal]:
    """Every amount in a cell run: "€21,600.00 €64,800.00" (net price, then amount)."""
    found = []
    for match in AMOUNT_PATTERN.finditer(text):
        parsed = parse_amount(match.group(0))
        if parsed:
            found.append(parsed[0])
    return found


def _net_amount(item: ExtractedLineItem, text: str) -> Decimal | None:
    """The line's net amount among the amounts of its amount columns.

    A table may print a per-unit net price, a gross total and the extended net side by side
    ("Net price", "Total", "Extended", "Amount"), all under headers that mean "amount". The
    net is the one that quantity x unit price x (1 - discount) x years gives; failing
    that, the rightmost (tables end with the extended amount).
    """
    amounts = _amounts(text)
    if len(amounts) <= 1:
        return amounts[0] if amounts else None
    expected = expected_net(item)
    if expected is not None:
        for amount in amounts:
            if abs(amount - expected) <= max(_CENT, expected * Decimal("0.0005")):
                return amount
    return amounts[-1]


def _dates(
    row: TableRow, roles: set[str], style: DateStyle | None
) -> tuple[date | None, date | None]:
    if "start_date" in roles or "end_date" in roles:
        return parse_date(row.text("start_date"), style), parse_date(row.text("end_date"), style)
    found = [m.group(0) for m in DATE_PATTERN.finditer(row.text("period"))]
    if not found:  # "Description / service period" in one cell
        found = [m.group(0) for m in DATE_PATTERN.finditer(row.text("description"))]
    if len(found) >= 2:
        return parse_date(found[0], style), parse_date(found[1], style)
    return None, None


def _ends_in_words(text: str) -> bool:
    """An amount cell that ends in words ("Billed in arrears", "as used") states no amount."""
    last = text.split()[-1] if text.split() else ""
    return last.isalpha() and last.upper() not in ISO_CODES


def _without_period(description: str) -> str:
    """The description with the service period written in its cell taken out."""
    text = DATE_PATTERN.sub(" ", description)
    return re.sub(r"\s+", " ", re.sub(r"(?:^|\s)[-–—]+(?=\s|$)", " ", text)).strip(" ,;")


def _discount(row: TableRow, roles: set[str]) -> float | None:
    """Return the row's discount; None when the cell holds something that is not one."""
    if "discount" not in roles:
        return None
    text = row.text("discount")
    if _NO_DISCOUNT.fullmatch(text):
        return 0.0
    percent = parse_percent(text)
    if percent is None:
        count = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*", text)
        if count is None:
            return None if text.strip() else 0.0
        percent = float(count.group(1).replace(",", "."))
    return percent if 0 <= percent <= 100 else None


_NO_DISCOUNT = re.compile(r"\s*(?:[-–—]+|n/?a|none|nil)\s*", re.IGNORECASE)


def _amount_off(
    quantity: int | None, unit_price: Decimal | None, net: Decimal | None, text: str
) -> float | None:
    """The discount a discount cell states as the amount taken off ("(2,400.00)",
    "-2,400.00"): its share of quantity x unit price, where that less it is the net."""
    off = _money(text)
    if not quantity or unit_price is None or net is None or off is None or off <= 0:
        return None
    listed = quantity * unit_price
    if off >= listed or abs(listed - off - net) > max(_CENT, net * Decimal("0.0005")):
        return None
    return float((off / listed * 100).quantize(Decimal("0.0001")))


def _discount_to(unit_price: Decimal | None, net_price: Decimal | None) -> float | None:
    """The discount that takes the unit price to the per-unit net price."""
    if unit_price is None or net_price is None or unit_price <= 0 or net_price > unit_price:
        return None
    return float(((1 - net_price / unit_price) * 100).quantize(Decimal("0.0001")))


def _is_totals(row: TableRow, sku: str | None) -> bool:
    """A totals or tax row: its label cells say so. A product code is no such label even
    where one of its parts is a tax word ("TSL-GST-25"); a code cell holding nothing but such
    words ("SUBTOTAL", "GST/VAT") is."""
    label = " ".join(row.text(r) for r in ("description", "sku", "kind", "period", "quantity"))
    if sku is not None and re.search(r"\w", TOTAL_WORDS.sub("", sku)):
        return False
    return bool(TOTAL_WORDS.search(label)) or not label.strip()


def _period_in_words(row: TableRow, roles: set[str], dated: bool) -> str | None:
    """The period cell's text when it gives words, not dates or a count of months ("One-time",
    "As scheduled", "Monthly in arrears"); None otherwise."""
    if "period" not in roles or dated:
        return None
    text = row.text("period").strip()
    if not text or any(c.isdigit() for c in text):
        return None
    return text


def _kind(
    row: TableRow, roles: set[str], description: str, has_quantity: bool, dated: bool
) -> LineKind:
    """The line's kind: a type column's, else the one its period cell names ("One-time"),
    else inferred from its description and the notes set under it ("overage rate; billed
    in arrears"). A line whose period cell says in words that it is not sold over a period
    ("As scheduled") is no subscription: a service, unless the cell names a billing cycle."""
    if "kind" in roles:
        typed = kind_from_text(row.text("kind"))
        if typed is not None:
            return typed
    period = _period_in_words(row, roles, dated)
    named = kind_from_text(period) if period else None
    if named is not None:
        return named
    notes = " ".join(w.text for _, _, w in row.placed("description"))
    kind = infer_kind(description, row.text("unit_price"), has_quantity, dated, notes)
    recurring = period is not None and parse_frequency(period) not in (
        None,
        BillingFrequency.ONE_TIME,
    )
    if kind is LineKind.SUBSCRIPTION and period is not None and not recurring:
        return LineKind.SERVICE
    return kind


def _item(row: TableRow, table: Table, style: DateStyle | None) -> ExtractedLineItem | None:
    roles = table.roles
    sku, description = _sku_and_description(row, roles)
    if _is_totals(row, sku):
        return None
    quantity = parse_count(row.text("quantity")) if row.text("quantity") else None
    unit_price = _money(row.text("unit_price"))
    net_amount = _money(row.text("net_amount"))
    start, end = _dates(row, roles, style)
    if start is not None and not roles & {"period", "start_date", "end_date"}:
        description = _without_period(description)  # the period was written in this cell
    kind = _kind(row, roles, description, bool(quantity), start is not None)
    if quantity is None and kind is LineKind.USAGE:
        quantity = 0
    if kind is LineKind.USAGE and (
        (net_amount is None and not quantity) or _ends_in_words(row.text("net_amount"))
    ):
        # Nothing committed: a rate billed in arrears as used ("2.50 | Billed in arrears":
        # the amount column says so in words, beside the net price).
        net_amount = Decimal("0.00")
    discount = _discount(row, roles)
    if discount is None and NET_UNIT_PRICE in roles:
        discount = _discount_to(unit_price, _money(row.text(NET_UNIT_PRICE)))
    if discount is None and "discount" in roles:
        discount = _amount_off(quantity, unit_price, net_amount, row.text("discount"))
    if discount is None and "discount" in roles and row.text("discount").strip():
        return None  # a cell of the discount column that is no discount: not a line item
    if net_amount is not None and len(_amounts(row.text("net_amount"))) > 1:
        draft = ExtractedLineItem(
            sku=sku, kind=kind, quantity=quantity, unit_price=unit_price,
            discount_pct=discount if discount is not None else 0.0,
            start_date=start, end_date=end,
        )  # fmt: skip
        net_amount = _net_amount(draft, row.text("net_amount"))
    item = ExtractedLineItem(
        sku=sku,
        description=description or None,
        kind=kind,
        quantity=quantity,
        unit_price=unit_price,
        discount_pct=discount if discount is not None else 0.0,
        net_amount=net_amount,
        start_date=start,
        end_date=end,
        evidence=evidence_for(_in_order(row.words())),
    )
    return item.model_copy(update={"confidence": line_confidence(item, "discount" in roles)})


def _in_order(words: list[PlacedWord]) -> list[PlacedWord]:
    return sorted(words, key=lambda w: (w[0], w[1], w[2].x0))


def _year_items(
    row: TableRow, table: Table, item: ExtractedLineItem
) -> list[tuple[int, ExtractedLineItem]]:
    """A ramp printed with one amount column per year: one line per year, its net the year's
    amount and its unit price that over the quantity; the dates come from the order's term
    (``triage.extraction.fields.derived.lines_with_order_term``)."""
    steps = sorted(
        (int(c.role[len(YEAR_ROLE) :]), c.role)
        for c in table.columns
        if c.role.startswith(YEAR_ROLE)
    )
    items = []
    for year, role in steps:
        amount = _money(row.text(role))
        if amount is None or not item.quantity:
            continue
        unit = (amount / item.quantity).quantize(_CENT, rounding=ROUND_HALF_UP)
        step = item.model_copy(
            update={
                "unit_price": unit,
                "net_amount": amount,
                "discount_pct": 0.0,
                "kind": LineKind.SUBSCRIPTION,
                "start_date": None,
                "end_date": None,
            }
        )
        items.append((year, step.model_copy(update={"confidence": 0.85})))
    return items


def _deduction(row: TableRow) -> Decimal | None:
    """The amount a line without count or price takes off ("Discount 12.5%  -7,500.00",
    "Less partner credit  (900.00)"), or None when it is no such line."""
    if row.text("quantity").strip() or row.text("unit_price").strip():
        return None
    words = row.cells.get("net_amount", []) + row.extra.get("net_amount", [])
    if not negative_amount(words):
        return None
    return _money(" ".join(w.text for _, _, w in words))


def less_deduction(
    item: ExtractedLineItem, deduction: Decimal, evidence: list[Evidence]
) -> ExtractedLineItem | None:
    """The product line with the discount line under it folded in: its net after the
    deduction and the discount that takes the list price to that net (None when the
    deduction cannot be the line's: nothing to take it from, or more than its net)."""
    if item.net_amount is None or item.net_amount <= deduction or item.net_amount <= 0:
        return None
    net = item.net_amount - deduction
    kept = (1 - Decimal(str(item.discount_pct or 0)) / 100) * net / item.net_amount
    discount = float(((1 - kept) * 100).quantize(Decimal("0.0001")))
    folded = item.model_copy(
        update={
            "net_amount": net,
            "discount_pct": discount,
            "evidence": [*item.evidence, *evidence],
        }
    )
    return folded.model_copy(update={"confidence": line_confidence(folded, True)})


@dataclass(frozen=True, slots=True)
class TableLines:
    """The line items of a document's tables and, for a ramp printed with one amount
    column per year, which year each of its lines prices (index in ``items`` -> year);
    ``usage_over_term``: the usage lines of tables that print no period of their lines'
    own (a rate that applies over the order's term)."""

    items: list[ExtractedLineItem]
    year_steps: dict[int, int]
    usage_over_term: frozenset[int] = frozenset()


def read_table_lines(pages: Sequence[Page], style: DateStyle | None) -> TableLines:
    """Return the line items of every pricing table in the document, in reading order.

    A discount printed as its own negative line under a product folds into that product.
    """
    items: list[ExtractedLineItem] = []
    year_steps: dict[int, int] = {}
    usage_over_term: set[int] = set()
    for table in find_tables(pages, classify_header):
        read = _table_lines(table, style)
        year_steps.update((len(items) + i, year) for i, year in read.year_steps.items())
        usage_over_term.update(len(items) + i for i in read.usage_over_term)
        items += read.items
    return TableLines(items, year_steps, frozenset(usage_over_term))


def _table_lines(table: Table, style: DateStyle | None) -> TableLines:
    """The line items of one table (see ``read_table_lines``)."""
    assign_unknown_roles(table)
    settle_amount_columns(table)
    items: list[ExtractedLineItem] = []
    year_steps: dict[int, int] = {}
    printed_periods = bool(table.roles & _DATE_ROLES)
    totals_seen = False
    above: int | None = None  # index in ``items`` of the product line just read
    for row in table.rows:
        deduction = _deduction(row)
        if deduction is not None:
            evidence = evidence_for(_in_order(row.words()))
            folded = (
                less_deduction(items[above], deduction, evidence) if above is not None else None
            )
            if above is not None and folded is not None:
                items[above] = folded
            above = None  # one discount line per product
            continue
        above = None
        item = _item(row, table, style)
        if item is None:
            # Rows after a totals row are notes, not items; a header's wrapped second
            # line ("Unit" over "price") is no totals row.
            totals_seen = totals_seen or bool(TOTAL_WORDS.search(row.all_text()))
            continue
        if item.sku is None and (totals_seen or item.quantity is None):
            continue
        if any(c.role.startswith(YEAR_ROLE) for c in table.columns):
            for year, step in _year_items(row, table, item):
                year_steps[len(items)] = year
                items.append(step)
            continue
        if item.unit_price is not None or item.net_amount is not None:
            above = len(items)
            items.append(item)
            printed_periods = printed_periods or bool(DATE_PATTERN.search(row.text("description")))
    # A table that prints no line's period of its own (a period heading over a group of
    # rows, "Year 1: Jun 1, 2028 - May 31, 2029", dates that group only) sells its usage
    # rates over the order's term.
    usage = () if printed_periods else (
        i for i, item in enumerate(items) if item.kind is LineKind.USAGE and item.start_date is None
    )  # fmt: skip
    return TableLines(items, year_steps, frozenset(usage))


_DATE_ROLES = frozenset({"period", "start_date", "end_date"})


def read_line_items(pages: Sequence[Page], style: DateStyle | None) -> list[ExtractedLineItem]:
    """Return the line items of every pricing table in the document, in reading order."""
    return read_table_lines(pages, style).items


def _price_months(item: ExtractedLineItem) -> int:
    """The months the line's unit price covers, by the words it was read from (a year
    unless they say a month or a quarter)."""
    text = " ".join(e.text for e in item.evidence).lower()
    for months, phrases in ((1, _WORDS["price_per_month"]), (3, _WORDS["price_per_quarter"])):
        if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", text) for p in phrases):
            return months
    return 12


def priced_over_their_period(items: list[ExtractedLineItem]) -> list[ExtractedLineItem]:
    """Give a subscription line that states its count and unit price but no amount ("40
    licences at US$1,200 per licence per year") its net: quantity x unit price x
    (1 - discount) x its period over the period the price covers."""
    out = []
    for item in items:
        if item.net_amount is None and item.kind is LineKind.SUBSCRIPTION:
            net = expected_net(item) if item.start_date and item.end_date else None
            months = _price_months(item)
            if net is not None and months != 12:
                net = (net * 12 / months).quantize(_CENT, rounding=ROUND_HALF_UP)
            if net is not None:
                item = item.model_copy(update={"net_amount": net})
                item = item.model_copy(update={"confidence": min(item.confidence, 0.85)})
        out.append(item)
    return out
