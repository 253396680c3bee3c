"""Field blocks: rows of ``LABEL   value`` whose labels and values each start in one column.

System printouts set their header fields as a block of rows, the labels in one column and
the values, padded with spaces, in the next (``ORDER      NC/77/30125``, ``CUSTOMER   HALDANE
& ROSS``). The columns are found by alignment: three or more consecutive lines whose first
run starts at one x and whose second run starts at another. In such a block every row is
its own pair: a label's value is the run beside it, never the row under it (which is the
next field's value), and a row of labels in capitals is no label row over the next one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from triage.documents.parsed import Page
from triage.extraction.fields.lexicon import match_label
from triage.extraction.layout.keyvalue import Arrangement, KeyValue
from triage.extraction.layout.segments import Segment, split_line

__all__ = ["with_field_blocks"]

_MIN_ROWS = 3
_ALIGN = 1.5  # points: runs starting this close start in the same column
_ROW_GAP = 1.6  # line heights between the rows of one block
_LABEL_WORDS = 4


@dataclass(frozen=True, slots=True)
class _Row:
    line: int
    cells: tuple[Segment, ...]


def _is_label_cell(seg: Segment) -> bool:
    text = seg.text.rstrip(":").strip()
    return (
        0 < len(seg.words) <= _LABEL_WORDS
        and not any(c.isdigit() for c in text)
        and bool(match_label(text))
    )


def _blocks(rows: list[list[Segment]]) -> list[list[_Row]]:
    """Runs of consecutive lines whose first and second cells share their columns."""
    found: list[list[_Row]] = []
    current: list[_Row] = []

    def close() -> None:
        labelled = sum(1 for row in current if _is_label_cell(row.cells[0]))
        if len(current) >= _MIN_ROWS and 2 * labelled > len(current):
            found.append(list(current))
        current.clear()

    for index, row in enumerate(rows):
        if len(row) < 2 or ":" in row[0].text:
            close()
            continue
        if current:
            first, previous = current[0].cells, current[-1].cells
            height = previous[0].bottom - previous[0].top
            aligned = (
                abs(row[0].x0 - first[0].x0) <= _ALIGN and abs(row[1].x0 - first[1].x0) <= _ALIGN
            )
            near = row[0].top - previous[0].bottom <= _ROW_GAP * height
            if not (aligned and near and index == current[-1].line + 1):
                close()
        current.append(_Row(index, tuple(row)))
    close()
    return found


def with_field_blocks(page: Page, pairs: Sequence[KeyValue]) -> list[KeyValue]:
    """Return ``pairs`` with each field block of ``page`` read row by row: its labels paired
    with the run beside them, and no pair of a block's cell reaching into another row."""
    rows = [split_line(line, page.number, i) for i, line in enumerate(page.lines)]
    blocks = _blocks(rows)
    if not blocks:
        return list(pairs)
    block_lines = {row.line for block in blocks for row in block}
    cells = {
        (round(seg.x0, 1), seg.text.rstrip(":").strip()): row.line
        for block in blocks
        for row in block
        for seg in row.cells
    }
    kept: list[KeyValue] = []
    for pair in pairs:
        line = cells.get((round(pair.label_x0, 1), pair.label.strip()))
        if line is None or pair.page != page.number:
            kept.append(pair)
            continue
        value = tuple(w for w in pair.value if w[1] == line or w[1] not in block_lines)
        if value and value[0][1] == line:
            kept.append(KeyValue(pair.label, value, pair.arrangement, pair.colon, pair.label_x0))
    beside = {(pair.label_x0, pair.value[0][1]) for pair in kept}
    for block in blocks:
        for row in block:
            label, cell = row.cells[0], row.cells[1]
            if _is_label_cell(label) and (label.x0, row.line) not in beside:
                text = label.text.rstrip(":").strip()
                placed = tuple(cell.placed())
                kept.append(KeyValue(text, placed, Arrangement.RIGHT, False, label.x0))
    return kept
