"""Tables found by the meaning of their header words and the alignment of the rows below.

A header (one line, or cells stacked over a few: see ``table_header``) is recognised by a
caller-supplied classifier (header words -> column roles).
Rows are assigned to columns by horizontal overlap with the header cells. A table goes on
across a page break when the next page starts with a repeated header or with rows that fit
the same columns. Lines with text only in text columns continue the nearest row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from triage.documents.parsed import Page
from triage.extraction.layout.segments import PlacedWord, Segment, split_line
from triage.extraction.layout.table_header import UNKNOWN, Column, HeaderClassifier, header_at
from triage.extraction.normalise.dates import DATE_PATTERN

__all__ = [
    "UNKNOWN",
    "Column",
    "HeaderClassifier",
    "Table",
    "TableRow",
    "find_tables",
    "negative_amount",
]


@dataclass(slots=True)
class TableRow:
    """One row: the words of each column; ``extra`` holds continuation lines' words."""

    cells: dict[str, list[PlacedWord]]
    top: float
    page: int
    extra: dict[str, list[PlacedWord]] = field(default_factory=dict)

    def placed(self, role: str) -> list[PlacedWord]:
        """Return the row's words in column ``role``, continuation lines included, in the
        order of their lines (a description's first line set above its figures first)."""
        words = self.cells.get(role, []) + self.extra.get(role, [])
        if self.extra.get(role) and self.extra[role][0][:2] < words[0][:2]:
            words.sort(key=lambda placed: placed[:2])  # (stable: a line keeps its x order)
        return words

    def text(self, role: str) -> str:
        """Return the row's text in column ``role`` (continuation lines included)."""
        return " ".join(w.text for _, _, w in self.placed(role))

    def words(self) -> list[PlacedWord]:
        """Return every word of the row."""
        return [w for cell in (*self.cells.values(), *self.extra.values()) for w in cell]

    def all_text(self) -> str:
        """Return the text of every cell of the row."""
        return " ".join(w.text for _, _, w in self.words())


@dataclass(slots=True)
class Table:
    """Columns read from a header and the rows below it (possibly over several pages)."""

    columns: tuple[Column, ...]
    rows: list[TableRow] = field(default_factory=list)

    @property
    def roles(self) -> set[str]:
        """Return the roles of the table's columns."""
        return {c.role for c in self.columns}


def _column_of(seg: Segment, columns: tuple[Column, ...]) -> Column:
    def overlap(column: Column) -> float:
        """Return how many points the segment and the column share horizontally."""
        return min(seg.x1, column.x1) - max(seg.x0, column.x0)

    best = max(columns, key=overlap)
    if overlap(best) > 0:
        return best
    return min(columns, key=lambda c: max(c.x0 - seg.x1, seg.x0 - c.x1))


_NUMERIC_ROLES = frozenset({"quantity", "unit_price", "net_amount", "discount"})
_NUMBER = re.compile(r"^[^\w]?[\d.,'%\-–—]*\d[\d.,'%]*$")


def _numbers_under_numeric_columns(segments: Sequence[Segment], columns: tuple[Column, ...]) -> int:
    numeric = [c for c in columns if c.role in _NUMERIC_ROLES]
    return sum(
        1
        for seg in segments
        for word in seg.words
        if _NUMBER.match(word.text)
        and any(c.x0 - 2 < word.x1 and word.x0 < c.x1 + 2 for c in numeric)
    )


def _fits(segments: Sequence[Segment], columns: tuple[Column, ...]) -> bool:
    """A table line: no segment runs across three or more header cells, unless the line
    is set so tight that its cells touch and numbers stand under the numeric headers (a
    sentence never lines its numbers up with the quantity and price columns)."""
    if not segments or segments[0].x0 < columns[0].x0 - 40:
        return False
    for seg in segments:
        spanned = [c for c in columns if c.x0 < seg.x1 and c.x1 > seg.x0]
        if len(spanned) >= 3:
            return _numbers_under_numeric_columns(segments, columns) >= 2
    return True


def _pieces(seg: Segment, columns: tuple[Column, ...]) -> list[Segment]:
    """Split a run of words that crosses several header cells (a too-narrow gap) by word."""
    spanned = [c for c in columns if c.x0 < seg.x1 and c.x1 > seg.x0]
    if len(spanned) < 2 or len(seg.words) < 2:
        return [seg]
    return [Segment(seg.page, seg.line, (word,)) for word in seg.words]


def _overlapping(seg: Segment, columns: tuple[Column, ...]) -> Column | None:
    shared = [(min(seg.x1, c.x1) - max(seg.x0, c.x0), c) for c in columns]
    best = max(shared, key=lambda pair: pair[0])
    return best[1] if best[0] > 0 else None


def _cells(segments: Sequence[Segment], columns: tuple[Column, ...]) -> dict[str, list[PlacedWord]]:
    cells: dict[str, list[PlacedWord]] = {}
    for seg in segments:
        previous: Column | None = None
        for piece in _pieces(seg, columns):
            # A word of a run split across cells that sits under no header ("design" of a
            # wrapped "Workforce management design") stays with the word before it.
            column = _overlapping(piece, columns) or previous or _column_of(piece, columns)
            cells.setdefault(column.role, []).extend(piece.placed())
            previous = column
    return cells


# How far (points) a text-only line may sit from its row: about two lines of small type.
_CONTINUATION_REACH = 26.0
# Cells that open a new row: a wrapped description or price never spills into them.
_ROW_KEYS = ("sku", "quantity")
_AMOUNT_KEYS = ("unit_price", "net_amount")
_SUMMARY = re.compile(r"\b(?:sub[\s\-]?total|total|tax|vat|gst)\b", re.IGNORECASE)


def _has_digits(words: list[PlacedWord]) -> bool:
    return any(ch.isdigit() for _, _, w in words for ch in w.text)


# "-7,500.00", "(900.00)", or the sign after the number as ERP printouts set it ("4.320,00-")
_NEGATIVE = re.compile(
    r"^\s*(?:[-−–]\s*\D{0,4}\d[\d.,' ]*|\(\s*\D{0,4}\d[\d.,' ]*\)|\D{0,4}\d[\d.,' ]*\d[-−–])\s*$"
)


def negative_amount(words: list[PlacedWord]) -> bool:
    """Whether a cell holds an amount printed negative ("-7,500.00", "(900.00)",
    "4.320,00-")."""
    return bool(words) and bool(_NEGATIVE.match(" ".join(w.text for _, _, w in words)))


def _starts_row(table: Table, cells: dict[str, list[PlacedWord]]) -> bool:
    keys = [k for k in _ROW_KEYS if k in table.roles]
    if any(cells.get(k) for k in keys):
        return True
    if any(negative_amount(cells.get(k, [])) for k in _AMOUNT_KEYS):
        return True  # a discount printed as its own line under its product
    if _SUMMARY.search(" ".join(w.text for words in cells.values() for _, _, w in words)):
        return True
    return not keys and any(_has_digits(cells.get(k, [])) for k in _AMOUNT_KEYS)


def _add_line(table: Table, cells: dict[str, list[PlacedWord]], top: float, page: int) -> None:
    figures = any(_has_digits(cells.get(role, [])) for role in _NUMERIC_ROLES)
    if _starts_row(table, cells) or (figures and not table.rows):
        table.rows.append(TableRow(cells, top, page))
        return
    # A line that opens no row continues a multi-line row (attached after all rows are read),
    # a text-only first line under the header too: a description's first line set above
    # its figures (bottom-aligned cells) belongs to the row below it.
    table.rows.append(TableRow({}, top, page, extra=cells))


def _is_period_heading(row: TableRow) -> bool:
    """A line of its own that gives a period ("Year 2: Dec 1, 2028 - Nov 30, 2029") heads
    the row under it, however close the row above is."""
    return len(DATE_PATTERN.findall(row.all_text())) >= 2


def _priced(row: TableRow) -> bool:
    return any(_has_digits(row.cells.get(k, [])) for k in _AMOUNT_KEYS)


def _is_group_heading(rows: list[TableRow], index: int, heading_gap: float) -> bool:
    """A line without figures that stands over a priced row as a period heading does
    ("One-Time Fees and Usage"): it ends the period group above it."""
    row = rows[index]
    if index + 1 >= len(rows) or _has_digits(row.words()) or not _priced(rows[index + 1]):
        return False
    below = rows[index + 1]
    return below.page == row.page and below.top - row.top >= heading_gap - 1.0


def _apply_period_headings(table: Table) -> None:
    """In a table that heads each group of rows with its period ("Year 1: Dec 1, 2027 -
    Nov 30, 2028" over its rows), give every row of a group that period as its own, and
    drop the heading lines. A table is headed so when its first period line comes before
    any priced row; otherwise a period line under a row is that row's (a wrapped
    "Description / service period")."""
    rows = table.rows
    first_row = next((i for i, row in enumerate(rows) if _priced(row)), len(rows))
    heads = [i for i in range(first_row) if _is_period_heading(rows[i])]
    if not heads:
        return
    heading_gap = rows[first_row].top - rows[heads[-1]].top if first_row < len(rows) else 0.0
    period: list[PlacedWord] | None = None
    kept: list[TableRow] = []
    for index, row in enumerate(rows):
        if not _priced(row) and _is_period_heading(row):
            period = row.words()
            continue
        if _is_group_heading(rows, index, heading_gap):
            period = None
            continue
        if period is not None and _priced(row) and not row.text("period").strip():
            row.extra.setdefault("period", []).extend(period)
        kept.append(row)
    table.rows = kept


def _attach_continuations(table: Table) -> None:
    """Give each text-only line to the row above it, or to the row below when that is closer
    (bottom-aligned cells), never across a page break or beyond a couple of lines."""
    _apply_period_headings(table)
    rows = table.rows
    owner: list[TableRow | None] = [row if row.cells else None for row in rows]
    # A table whose first line under the header is text only sets its figures on a
    # description's last line (bottom-aligned cells): a line halfway between two rows
    # is the first line of the row below.
    bottom_aligned = bool(rows) and not rows[0].cells
    slack = 1.0 if bottom_aligned else -1.0
    for index, row in enumerate(rows):
        if row.cells:
            continue
        above = rows[index - 1] if index > 0 and rows[index - 1].page == row.page else None
        below = (
            rows[index + 1] if index + 1 < len(rows) and rows[index + 1].page == row.page else None
        )
        gap_above = row.top - above.top if above else None
        gap_below = below.top - row.top if below else None
        target: TableRow | None = None
        if (
            below is not None
            and below.cells
            and gap_below is not None
            and (gap_above is None or gap_below < gap_above + slack)
        ):
            target = below
        elif above is not None and gap_above is not None:
            target = owner[index - 1]
        if (
            target is None
            or min(g for g in (gap_above, gap_below) if g is not None) > _CONTINUATION_REACH
        ):
            if index == 0:  # a first line with no row near it is a row of its own
                row.cells, row.extra = row.extra, {}
                owner[0] = row
            continue
        owner[index] = target
        for role, words in row.extra.items():
            target.extra.setdefault(role, []).extend(words)
    table.rows = [row for row in rows if row.cells]


# Running headers and footers live in the page margins: lines there neither extend nor end
# a table, so a table can run on across a page break.
_MARGIN = 0.08


def _is_furniture(page: Page, top: float) -> bool:
    return top < _MARGIN * page.height or top > (1 - _MARGIN) * page.height


_SECTION_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,4}\.|[A-H]\.)\s+[A-Z][^\d]*$")


def _is_section_heading(segments: Sequence[Segment]) -> bool:
    """A numbered heading alone on its line ("3. Order Terms", "IV. Fees"): a new section."""
    return (
        len(segments) == 1
        and len(segments[0].words) <= 6
        and bool(_SECTION_HEADING.match(segments[0].text))
    )


def find_tables(pages: Sequence[Page], classify: HeaderClassifier) -> list[Table]:
    """Return the document's tables, a table continuing across page breaks kept as one.

    On a page where a table goes on, lines above a repeated header are page furniture.
    """
    tables: list[Table] = []
    current: Table | None = None
    for page in pages:
        rows = [split_line(line, page.number, i) for i, line in enumerate(page.lines)]
        headers = [header_at(page.lines, rows, i, classify) for i in range(len(rows))]
        first = next((h for h in headers if h is not None), None)
        index = 0
        if current is not None and first is not None and first.roles == current.roles:
            index = first.first_line  # a repeated header: the lines above it are furniture
        last_bottom: float | None = None
        while index < len(rows):
            line, segments, header = page.lines[index], rows[index], headers[index]
            index += 1
            if header is not None:
                if current is None or last_bottom is not None or header.roles != current.roles:
                    current = Table(header.columns)
                    tables.append(current)
                last_bottom = header.bottom
                index = header.last_line + 1
                continue
            if current is None or _is_furniture(page, line.bbox[1]):
                continue
            height = line.bbox[3] - line.bbox[1]
            near = last_bottom is None or line.bbox[1] - last_bottom < 3.5 * height
            if _is_section_heading(segments):
                current = None  # "3. Order Terms": the next section, past the table's end
                continue
            if _fits(segments, current.columns) and near:
                _add_line(current, _cells(segments, current.columns), line.bbox[1], page.number)
                last_bottom = line.bbox[3]
            elif last_bottom is not None:
                current = None  # prose or a wide gap after the rows: the table is over
    for table in tables:
        _attach_continuations(table)
    return tables
