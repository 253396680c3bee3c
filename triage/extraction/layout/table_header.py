"""A line-item table's header: one line of header cells, or cells stacked over a few lines.

A header cell may wrap ("Unit" over "price", "Line" over "total") or carry a second language
under the first ("Qty" over a smaller "Menge", "Artikel" over "Item"). The lines of such a
header are set close together, the lower ones carry no figures, and every run of their
words stands under a cell of the line above. The words of one cell, line by line, are the
parts a caller-supplied classifier reads: as one phrase, or as one name and its
translations. Which words name which role is the classifier's business, not this module's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from triage.documents.parsed import TextLine, Word
from triage.extraction.layout.segments import Segment

__all__ = ["UNKNOWN", "Column", "Header", "HeaderClassifier", "header_at"]


@dataclass(frozen=True, slots=True)
class Column:
    """A header cell: its role (e.g. ``quantity``) and horizontal extent."""

    role: str
    x0: float
    x1: float


HeaderClassifier = Callable[[Sequence[Segment]], list[Column]]
"""The parts of one header cell, top line first (most cells have one) -> the columns they
name (empty if none)."""

UNKNOWN = "unknown:"
"""Role prefix of a header cell whose words the classifier does not know; the cells under
it say what it is (see ``triage.extraction.lines.roles``)."""


@dataclass(frozen=True, slots=True)
class Header:
    """A table's columns and the lines of the page they were read from."""

    columns: tuple[Column, ...]
    first_line: int  # index on its page of the header's first line
    last_line: int  # and of its last
    bottom: float

    @property
    def roles(self) -> set[str]:
        """Return the roles of the header's columns."""
        return {c.role for c in self.columns}


# The lines of one header are set tighter than this many of the first line's heights apart.
_BAND_GAP = 1.2
_BAND_LINES = 3  # a cell in up to three lines (or three languages)
_INDENT = 40.0  # points a line may start left of the header and still stand under it


def _names_line_items(roles: set[str]) -> bool:
    """Whether columns of these roles head a table of line items, which prices them."""
    if len(roles) < 3 or not roles & {"quantity", "unit_price", "net_amount"}:
        return False
    return bool(roles & {"unit_price", "net_amount"}) or any(r.startswith("year:") for r in roles)


def _one_line(segments: Sequence[Segment], classify: HeaderClassifier) -> tuple[Column, ...] | None:
    columns: list[Column] = []
    unknown: list[Segment] = []
    for seg in segments:
        named = classify((seg,))
        columns += named
        if not named:
            unknown.append(seg)
    if not _names_line_items({c.role for c in columns}):
        return None
    columns += [Column(f"{UNKNOWN}{i}", seg.x0, seg.x1) for i, seg in enumerate(unknown)]
    return tuple(sorted(columns, key=lambda c: c.x0))


@dataclass(slots=True)
class _Cell:
    """A header cell of a band: its column on the top line (None if the classifier did not
    know the words) and the words under it, one part per line."""

    column: Column | None
    parts: list[Segment]

    @property
    def x0(self) -> float:
        return min(part.x0 for part in self.parts)

    @property
    def x1(self) -> float:
        return max(part.x1 for part in self.parts)


def _top_cells(segments: Sequence[Segment], classify: HeaderClassifier) -> list[_Cell]:
    cells: list[_Cell] = []
    for seg in segments:
        named = classify((seg,))
        if not named:
            cells.append(_Cell(None, [seg]))
        for column in named:  # a run of several cells set tight ("Qty Unit Price")
            words = tuple(w for w in seg.words if w.x1 > column.x0 and w.x0 < column.x1)
            cells.append(_Cell(column, [Segment(seg.page, seg.line, words or seg.words)]))
    return cells


def _overlap(word: Word | Segment, cell: _Cell) -> float:
    return min(word.x1, cell.x1) - max(word.x0, cell.x0)


def _stacked_under(cells: list[_Cell], segments: Sequence[Segment]) -> dict[int, list[Word]] | None:
    """The words of a lower line by the cell each stands under (index in ``cells``), or None
    when a run of them stands under no cell (the line is no part of the header)."""
    if not segments or segments[0].x0 < min(c.x0 for c in cells) - _INDENT:
        return None
    under: dict[int, list[Word]] = {}
    for seg in segments:
        shared = [i for i, cell in enumerate(cells) if _overlap(seg, cell) > 0]
        if not shared:
            return None
        for word in seg.words:
            best = max(shared, key=lambda i: _overlap(word, cells[i]))
            under.setdefault(best, []).append(word)
    return under


def _has_digits(line: TextLine) -> bool:
    return any(ch.isdigit() for w in line.words for ch in w.text)


def _band_columns(cells: list[_Cell], classify: HeaderClassifier) -> tuple[Column, ...]:
    columns: list[Column] = []
    unknown: list[_Cell] = []
    for cell in cells:
        if len(cell.parts) == 1 and cell.column is not None:
            columns.append(cell.column)  # nothing stacked under it: as read on its own line
            continue
        named = classify(cell.parts)
        if len(named) == 1:
            columns.append(Column(named[0].role, cell.x0, cell.x1))
        elif named:
            columns += named
        else:
            unknown.append(cell)
    columns += [Column(f"{UNKNOWN}{i}", cell.x0, cell.x1) for i, cell in enumerate(unknown)]
    return tuple(sorted(columns, key=lambda c: c.x0))


def _known(roles: set[str]) -> set[str]:
    return {r for r in roles if not r.startswith(UNKNOWN)}


def _band(
    lines: Sequence[TextLine],
    rows: Sequence[Sequence[Segment]],
    index: int,
    classify: HeaderClassifier,
    alone: tuple[Column, ...] | None,
) -> Header | None:
    """The header that starts at line ``index`` and goes on over the lines stacked under
    it, or None when no line is stacked under it or the band names no table.

    A line that is a header on its own keeps its lower lines only where they are part of
    it: with them the header names more columns ("Unit" over "price"), or as many, with
    words under two cells or more (a second language). A description's first line under
    the header (its figures on the line below) is a row's: the band names fewer columns.
    """
    top = lines[index]
    if alone is None and (len(rows[index]) < 2 or _has_digits(top)):
        return None  # a header that names no table on its own line still has cells
    cells = _top_cells(rows[index], classify)
    height = top.bbox[3] - top.bbox[1]
    bottom, last = top.bbox[3], index
    stacked: set[int] = set()
    for below in range(index + 1, min(index + _BAND_LINES, len(lines))):
        line = lines[below]
        if line.bbox[1] - bottom > _BAND_GAP * height or _has_digits(line):
            break
        under = _stacked_under(cells, rows[below])
        if under is None:
            break
        for i, words in under.items():
            cells[i].parts.append(Segment(rows[below][0].page, below, tuple(words)))
        stacked |= set(under)
        bottom, last = line.bbox[3], below
    if last == index:
        return None
    columns = _band_columns(cells, classify)
    roles = {c.role for c in columns}
    if not _names_line_items(roles):
        return None
    if alone is not None:
        named, named_alone = len(_known(roles)), len(_known({c.role for c in alone}))
        if named < named_alone or (named == named_alone and len(stacked) < 2):
            return None
    return Header(columns, index, last, bottom)


def header_at(
    lines: Sequence[TextLine],
    rows: Sequence[Sequence[Segment]],
    index: int,
    classify: HeaderClassifier,
) -> Header | None:
    """Return the header whose first line is line ``index`` of a page, or None.

    ``rows`` holds the segments of each of the page's ``lines``. Header words are read by
    ``classify``; a cell it does not know becomes an ``UNKNOWN`` column, which the cells
    under it name later. A header names at least three columns, one of them a price.
    """
    alone = _one_line(rows[index], classify)
    band = _band(lines, rows, index, classify, alone)
    if band is not None:
        return band
    return Header(alone, index, index, lines[index].bbox[3]) if alone is not None else None
