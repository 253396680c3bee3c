"""Label | value rows of a ruled grid: the drawn rule between the cells pairs them, and the
rule between rows keeps one row's cell from reading as the value of the row above."""

from __future__ import annotations

from tests.triage.extraction.layout_builders import line
from triage.documents.parsed import Page, Ruling
from triage.extraction.layout.keyvalue import Arrangement, find_key_values


def _grid(rows: list[tuple[str, str]], *, ruled: bool) -> Page:
    lines, rulings = [], []
    for index, (label, value) in enumerate(rows):
        top = 100 + 20 * index
        lines.append(line(top + 5, (64, label), (204, value)))
        rulings.append(Ruling(60, top, 460, top))
    rulings += [Ruling(x, 100, x, 100 + 20 * len(rows)) for x in (60, 200, 460)]
    return Page(1, 612, 792, tuple(lines), rulings=tuple(rulings) if ruled else ())


_ROWS = [("Supplier", "Osgood Meters Inc"), ("Settlement", "30 days net")]


def test_label_cell_and_value_cell_of_a_ruled_row_pair_as_a_row() -> None:
    pairs = {
        kv.label: (kv.value_text, kv.arrangement)
        for kv in find_key_values(_grid(_ROWS, ruled=True))
    }
    assert pairs["Supplier"] == ("Osgood Meters Inc", Arrangement.ROW)
    assert pairs["Settlement"] == ("30 days net", Arrangement.ROW)


def test_value_cell_is_no_label_of_the_next_rows_value() -> None:
    ruled = {kv.label for kv in find_key_values(_grid(_ROWS, ruled=True))}
    assert "Osgood Meters Inc" not in ruled
    # Without the drawn grid the same words are only aligned, and read as before.
    plain = {kv.label: kv.arrangement for kv in find_key_values(_grid(_ROWS, ruled=False))}
    assert plain["Supplier"] is Arrangement.RIGHT
