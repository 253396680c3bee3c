"""Column roles from what the cells contain, for header cells whose words are unknown.

A header such as "Annual fee / unit (USD)" or "Menge" names nothing the header lexicon
knows, but the cells under it do: a column of amounts is a price or an amount, a column of
percentages is a discount, a column of dates or date ranges is the period, a column of
small whole numbers is the quantity, a column of product codes is the code and one of
names is the description (a header can name every column but that one: "Position | Menge |
Einzelpreis | Gesamt"). Each unknown column takes the role its cells show, provided the
table does not already have a column of that role; an amount column left of the table's
net amount is its unit price.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from triage.extraction.layout.tables import UNKNOWN, Column, Table
from triage.extraction.lines.column_cells import column_words, reassign_columns
from triage.extraction.lines.kinds import TOTAL_WORDS
from triage.extraction.lines.skus import is_printed_code
from triage.extraction.normalise.dates import DATE_PATTERN
from triage.extraction.normalise.money import AMOUNT_PATTERN, parse_amount

__all__ = ["assign_unknown_roles"]

_PERCENT = re.compile(r"^\s*-?\d{1,3}(?:[.,]\d+)?\s*%\s*$")
_COUNT = re.compile(r"^\s*\d{1,6}\s*$")
_WORD = re.compile(r"[^\W\d_]{3,}")  # a word of three letters or more, in any script
_MOST = 0.6  # share of a column's filled cells that must agree on what they hold


def _is_running_number(cells: list[str]) -> bool:
    """Cells counting 1, 2, 3, ... down the table (over its pages): the row's position."""
    if len(cells) < 3 or not all(_COUNT.match(c) for c in cells):
        return False
    return [int(c) for c in cells] == list(range(1, len(cells) + 1))


def _is_code_cell(text: str) -> bool:
    return any(is_printed_code(token) for token in text.split())


def _is_code_not_amount(text: str) -> bool:
    """A product code ("FT-2200", which parse_amount reads as 2200), not an amount whose
    currency is set against its digits ("USD1,250.00", which is_printed_code accepts)."""
    return _is_code_cell(text) and AMOUNT_PATTERN.fullmatch(text.strip()) is None


def _settle_code_columns(table: Table) -> None:
    """Columns headed as the code ("Ref", "Article", "Item") hold what their cells show:
    1, 2, 3, ... down the table is the row's position; names (in a table with no
    description column) are the description; the rest stay codes."""
    columns = [c for c in table.columns if c.role == "sku"]
    if not columns or ("description" in table.roles and len(columns) == 1):
        return
    texts = [[" ".join(w.text for _, _, w in words) for words in column_words(row, "sku", columns)]
             for row in table.rows]  # fmt: skip
    roles = []
    described = "description" in table.roles
    for index in range(len(columns)):
        cells = [cells[index] for cells in texts if cells[index].strip()]
        named = sum(1 for c in cells if len(c.split()) >= 2 and not _is_code_cell(c))
        if _is_running_number(cells):
            roles.append("line_number")
        elif cells and not described and named / len(cells) >= _MOST:
            roles.append("description")
            described = True
        else:
            roles.append("sku")
    if roles != ["sku"] * len(columns):
        reassign_columns(table, "sku", columns, roles)


def _rename(table: Table, old: str, new: str) -> None:
    table.columns = tuple(replace(c, role=new) if c.role == old else c for c in table.columns)
    for row in table.rows:
        for part in (row.cells, row.extra):
            if old in part:
                part.setdefault(new, []).extend(part.pop(old))


def _content_role(cells: list[str], table: Table, column: Column) -> str | None:
    filled = [c for c in cells if c.strip()]
    if not filled:
        return None

    def share(test: Callable[[str], object]) -> float:
        return sum(1 for c in filled if test(c)) / len(filled)

    roles = table.roles
    if _is_running_number(filled):
        return "line_number"
    if share(lambda c: _PERCENT.match(c)) >= _MOST and "discount" not in roles:
        return "discount"
    if share(lambda c: len(DATE_PATTERN.findall(c)) >= 1) >= _MOST and "period" not in roles:
        return "period"
    if share(lambda c: _COUNT.match(c)) >= _MOST and "quantity" not in roles:
        return "quantity"
    if share(_is_code_not_amount) >= _MOST and "sku" not in roles:
        return "sku"
    if share(lambda c: parse_amount(c) is not None) >= _MOST:
        net = next((c for c in table.columns if c.role == "net_amount"), None)
        if "unit_price" not in roles and (net is None or column.x1 <= net.x0 + 1):
            return "unit_price"
        if "net_amount" not in roles:
            return "net_amount"
        return None
    if share(_WORD.search) >= _MOST and "description" not in roles:
        return "description"
    return None


def assign_unknown_roles(table: Table) -> None:
    """Rename the table's unknown columns (and their cells) to the roles their cells show,
    and a code column that holds names to the description."""
    _settle_code_columns(table)
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
        _rename(table, column.role, role)
