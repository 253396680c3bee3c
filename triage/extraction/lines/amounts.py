"""Which of several amount columns is the line's net, told apart by arithmetic.

A table may print, under headers that all mean "amount", a per-unit price after discount
("Net Price"), a gross total before discount ("Total") and the extended net ("Extended").
The net is the column for which quantity x unit price x (1 - discount) x years = net holds
on every row, with one whole number of years for the whole table. A column whose amounts
never exceed the unit price and give the net as quantity x it x years is the per-unit net
price: with no discount column, the discount is what takes the unit price down to it.
"""

from __future__ import annotations

from decimal import Decimal

from triage.extraction.layout.segments import PlacedWord
from triage.extraction.layout.tables import Table, TableRow
from triage.extraction.lines.column_cells import column_words, reassign_columns
from triage.extraction.normalise.money import parse_amount
from triage.extraction.normalise.numbers import parse_count

__all__ = ["NET_UNIT_PRICE", "settle_amount_columns"]

NET_UNIT_PRICE = "net_unit_price"
"""Role of a column of per-unit prices after discount."""
GROSS_AMOUNT = "gross_amount"
"""Role of a column of amounts before discount (not the line's net)."""

_MAX_YEARS = 5
_TOLERANCE = Decimal("0.0005")


def _amount(words: list[PlacedWord]) -> Decimal | None:
    parsed = parse_amount(" ".join(w.text for _, _, w in words))
    return parsed[0] if parsed else None


def _years(net: Decimal, base: Decimal) -> int | None:
    """The whole number of years by which ``base`` gives ``net``, if there is one."""
    if base <= 0:
        return None
    ratio = net / base
    years = int(ratio.to_integral_value())
    if 1 <= years <= _MAX_YEARS and abs(ratio - years) <= _TOLERANCE * years:
        return years
    return None


def _discount(row: TableRow) -> Decimal:
    text = row.text("discount").strip().rstrip("%").replace(",", ".")
    try:
        return Decimal(text) if text else Decimal(0)
    except ArithmeticError:
        return Decimal(0)


def _same_years(values: list[int | None]) -> bool:
    return bool(values) and None not in values and len(set(values)) == 1


def settle_amount_columns(table: Table) -> None:
    """Rename a table's several net-amount columns by what their arithmetic shows: one
    stays the net, a per-unit net price becomes ``net_unit_price`` and a gross total
    ``gross_amount``. Tables with one amount column, or whose arithmetic settles
    nothing, are left as they are."""
    columns = [c for c in table.columns if c.role == "net_amount"]
    if len(columns) < 2 or "unit_price" not in table.roles or "quantity" not in table.roles:
        return
    rows: list[tuple[Decimal, Decimal, Decimal, list[Decimal | None]]] = []
    for row in table.rows:
        quantity = parse_count(row.text("quantity")) if row.text("quantity").strip() else None
        unit = _amount(row.cells.get("unit_price", []))
        if not quantity or unit is None:
            continue
        amounts = [_amount(words) for words in column_words(row, "net_amount", columns)]
        rows.append((Decimal(quantity), unit, _discount(row), amounts))
    if not rows:
        return
    net, per_unit = _choose(rows, len(columns), "discount" in table.roles)
    if net is None:
        return
    roles = [GROSS_AMOUNT] * len(columns)
    roles[net] = "net_amount"
    if per_unit is not None:
        roles[per_unit] = NET_UNIT_PRICE
    reassign_columns(table, "net_amount", columns, roles)


def _choose(
    rows: list[tuple[Decimal, Decimal, Decimal, list[Decimal | None]]],
    count: int,
    has_discount: bool,
) -> tuple[int | None, int | None]:
    """(net column, per-unit net column) among ``count`` amount columns, or (None, None)."""
    for net in reversed(range(count)):  # tables end with the extended amount
        for per_unit in range(count):
            if per_unit == net or has_discount:
                continue
            pairs = [(r, r[3][per_unit], r[3][net]) for r in rows]
            filled = [(r, p, n) for r, p, n in pairs if p is not None and n is not None]
            if not filled or any(p > r[1] for r, p, _ in filled):
                continue
            years = [_years(n, r[0] * p) for r, p, n in filled]
            if _same_years(years) and any(p < r[1] for r, p, _ in filled):
                return net, per_unit
    for net in reversed(range(count)):
        nets = [(r, n) for r in rows if (n := r[3][net]) is not None]
        years = [_years(n, r[0] * r[1] * (1 - r[2] / 100)) for r, n in nets]
        if _same_years(years):
            return net, None
    return None, None
