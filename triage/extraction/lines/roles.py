"""Column roles from what the cells contain, for header cells whose words are unknown.

A header such as "Annual fee / unit (USD)" or "Menge" names nothing the header lexicon
knows, but the cells under it do: a column of amounts is a price or an amount, a column of
percentages is a discount, a column of dates or date ranges is the period, a column of
small whole numbers is the quantity. Each unknown column takes the role its cells show,
provided the table does not already have a column of that role; an amount column left of
the table's net amount is its unit price.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from triage.extraction.layout.tables import UNKNOWN, Column, Table
from triage.extraction.lines.kinds import TOTAL_WORDS
from triage.extraction.normalise.dates import DATE_PATTERN
from triage.extraction.normalise.money import parse_amount

__all__ = ["assign_unknown_roles"]

_PERCENT = re.compile(r"^\s*-?\d{1,3}(?:[.,]\d+)?\s*%\s*$")
_COUNT = re.compile(r"^\s*\d{1,6}\s*$")
_MOST = 0.6  # share of a column's filled cells that must agree on what they hold


def _content_role(cells: list[str], table: Table, column: Column) -> str | None:
    filled = [c for c in cells if c.strip()]
    if not filled:
        return None

    def share(test: Callable[[str], object]) -> float:
        return sum(1 for c in filled if test(c)) / len(filled)

    roles = table.roles
    if share(lambda c: _PERCENT.match(c)) >= _MOST and "discount" not in roles:
        return "discount"
    if share(lambda c: len(DATE_PATTERN.findall(c)) >= 1) >= _MOST and "period" not in roles:
        return "period"
    if share(lambda c: _COUNT.match(c)) >= _MOST and "quantity" not in roles:
        return "quantity"
    if share(lambda c: parse_amount(c) is not None) >= _MOST:
        net = next((c for c in table.columns if c.role == "net_amount"), None)
        if "unit_price" not in roles and (net is None or column.x1 <= net.x0 + 1):
            return "unit_price"
        if "net_amount" not in roles:
            return "net_amount"
    return None


def assign_unknown_roles(table: Table) -> None:
    """Rename the table's unknown columns (and their cells) to the roles their cells show."""
    # A totals row ("TOTAL CONTRACT VALUE" over the price columns) says nothing of a column.
    items = [
        row
        for row in table.rows
        if not TOTAL_WORDS.search(" ".join(w.text for _, _, w in row.words()))
    ]
    for column in [c for c in table.columns if c.role.startswith(UNKNOWN)]:
        cells = [row.text(column.role) for row in items]
        role = _content_role(cells, table, column)
        if role is None:
            continue
        table.columns = tuple(replace(c, role=role) if c is column else c for c in table.columns)
        for row in table.rows:
            for part in (row.cells, row.extra):
                if column.role in part:
                    part.setdefault(role, []).extend(part.pop(column.role))
