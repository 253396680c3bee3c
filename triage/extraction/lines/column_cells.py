"""The cells of one column when several columns of a table share a role.

Rows keep their words by role, so two columns the header names alike ("Ref" and
"Article" both read as the code; "Net Price" and "Extended" both as the amount) hold their
words together. These helpers give each word back to its own column by position, and move
each column's words to the role it turns out to have.
"""

from __future__ import annotations

from dataclasses import replace

from triage.extraction.layout.segments import PlacedWord
from triage.extraction.layout.tables import Column, Table, TableRow

__all__ = ["column_words", "reassign_columns"]


def _words_by_column(words: list[PlacedWord], columns: list[Column]) -> list[list[PlacedWord]]:
    parts: list[list[PlacedWord]] = [[] for _ in columns]
    for placed in words:
        word = placed[2]
        middle = (word.x0 + word.x1) / 2
        nearest = min(
            range(len(columns)),
            key=lambda i: max(columns[i].x0 - middle, middle - columns[i].x1, 0.0),
        )
        parts[nearest].append(placed)
    return parts


def column_words(row: TableRow, role: str, columns: list[Column]) -> list[list[PlacedWord]]:
    """The words of ``role`` in ``row`` (continuation lines included), one list per column
    of ``columns``, each word given to the column nearest its middle."""
    return _words_by_column(row.cells.get(role, []) + row.extra.get(role, []), columns)


def reassign_columns(table: Table, role: str, columns: list[Column], roles: list[str]) -> None:
    """Give ``columns`` (all of role ``role``) the roles ``roles``, moving their words."""
    for row in table.rows:
        for part in (row.cells, row.extra):
            if role not in part:
                continue
            words = part.pop(role)
            for new, share in zip(roles, _words_by_column(words, columns), strict=True):
                if share:
                    part.setdefault(new, []).extend(share)
    renamed = {id(c): new for c, new in zip(columns, roles, strict=True)}
    table.columns = tuple(
        replace(c, role=renamed[id(c)]) if id(c) in renamed else c for c in table.columns
    )
