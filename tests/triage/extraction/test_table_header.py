"""Table headers over one line or several: wrapped cells and names in several languages."""

from __future__ import annotations

from tests.triage.extraction.layout_builders import document, line
from triage.documents.parsed import TextLine
from triage.extraction.layout.segments import Segment, split_line
from triage.extraction.layout.tables import find_tables
from triage.extraction.lines.columns import classify_header
from triage.extraction.lines.roles import assign_unknown_roles


def _cell(*texts: str) -> list[Segment]:
    """One header cell whose lines are ``texts``, top first."""
    return [split_line(line(100 + 11 * i, (60, t)), 1, i)[0] for i, t in enumerate(texts)]


def _roles(*texts: str) -> list[str]:
    return [c.role for c in classify_header(_cell(*texts))]


def test_a_name_and_its_translation_name_one_column() -> None:
    assert _roles("Menge / Qty") == ["quantity"]
    assert _roles("Menge/Qty") == ["quantity"]
    assert _roles("Einzelpreis / Unit price") == ["unit_price"]
    assert _roles("Rabatt / Remise / Disc.") == ["discount"]


def test_two_known_names_of_one_cell_keep_the_description() -> None:
    # "Article" alone names a code column; beside "Item" the cell is the description's.
    assert _roles("Artikel / Article / Item") == ["description"]


def test_stacked_lines_are_one_wrapped_name_before_they_are_translations() -> None:
    assert _roles("Line", "total") == ["net_amount"]  # not the line number
    assert _roles("Unit", "price") == ["unit_price"]
    assert _roles("Qty", "Quantit\u00e9") == ["quantity"]
    assert _roles("Amount", "Total") == ["net_amount"]


def test_no_known_name_or_a_long_gloss_names_nothing() -> None:
    assert _roles("Ilość / Liczba") == []  # Polish: words no lexicon list holds
    assert _roles("Price / Preis gem\u00e4ss gültiger Liste 2027") == []
    assert _roles("Price / 2027") == []


def _table_roles(lines: list[TextLine]) -> tuple[list[str], list[str]]:
    tables = find_tables(document(lines).pages, classify_header)
    assert len(tables) == 1
    table = tables[0]
    return [c.role for c in table.columns], [row.text("description") for row in table.rows]


_BODY = [
    line(140, (60, "Fleet Telemetry"), (300, "60"), (360, "840.00"), (440, "50,400.00")),
    line(156, (60, "Edge Gateway"), (300, "8"), (360, "1,250.00"), (440, "10,000.00")),
]


def test_a_second_language_under_the_header_is_no_row() -> None:
    header = line(100, (60, "Item"), (300, "Qty"), (360, "Price"), (440, "Amount"))
    below = line(111, (60, "Article"), (300, "Menge"), (360, "Prix"), (440, "Total"))
    roles, rows = _table_roles([header, below, *_BODY])
    assert roles == ["description", "quantity", "unit_price", "net_amount"]
    assert rows == ["Fleet Telemetry", "Edge Gateway"]


def test_a_header_named_only_on_its_second_line() -> None:
    # Polish, which the lexicon does not hold: the English line under it names the columns
    upper = line(100, (60, "Towar"), (300, "Ilość"), (360, "Cena"), (440, "Wartość"))
    lower = line(111, (60, "Item"), (300, "Qty"), (360, "Price"), (440, "Amount"))
    roles, rows = _table_roles([upper, lower, *_BODY])
    assert roles == ["description", "quantity", "unit_price", "net_amount"]
    assert rows == ["Fleet Telemetry", "Edge Gateway"]


def test_wrapped_header_cells_name_their_columns() -> None:
    upper = line(100, (360, "Unit"), (440, "Line"))
    lower = line(111, (60, "Item"), (300, "Qty"), (360, "price"), (440, "total"))
    roles, _ = _table_roles([upper, lower, *_BODY])
    assert roles == ["description", "quantity", "unit_price", "net_amount"]


def test_a_description_line_under_the_header_does_not_join_it() -> None:
    header = line(100, (60, "Description"), (300, "Qty"), (360, "Price"), (440, "Amount"))
    wrapped = line(111, (60, "Offsite tape vaulting for all sites"))
    roles, _ = _table_roles([header, wrapped, *_BODY])
    assert roles == ["description", "quantity", "unit_price", "net_amount"]


def test_a_name_qualified_by_a_header_word_is_no_translation() -> None:
    # "per unit": the amount column's name is qualified; the cells say which amount it is
    assert _roles("Annual fee / unit") == []


def _read_roles(lines: list[TextLine], role: str) -> tuple[list[str], list[str]]:
    """Column roles after the unknown ones took what their cells show, and ``role``'s cells."""
    (table,) = find_tables(document(lines).pages, classify_header)
    assign_unknown_roles(table)
    return [c.role for c in table.columns], [row.text(role) for row in table.rows]


def test_the_one_column_a_header_leaves_unnamed_holds_the_names() -> None:
    # every cell but the first is named ("Towar" is Polish): its names are the description
    header = line(100, (60, "Towar"), (300, "Qty"), (360, "Price"), (440, "Amount"))
    roles, names = _read_roles([header, *_BODY], "description")
    assert roles == ["description", "quantity", "unit_price", "net_amount"]
    assert names == ["Fleet Telemetry", "Edge Gateway"]


def test_the_one_column_a_header_leaves_unnamed_holds_the_codes() -> None:
    header = line(100, (60, "Symbol"), (140, "Item"), (300, "Qty"), (360, "Price"), (440, "Amount"))
    body = [
        line(140, (60, "FT-2200"), (140, "Fleet Telemetry"), (300, "60"), (360, "840.00"),
             (440, "50,400.00")),
        line(156, (60, "EG-0410"), (140, "Edge Gateway"), (300, "8"), (360, "1,250.00"),
             (440, "10,000.00")),
    ]  # fmt: skip
    roles, codes = _read_roles([header, *body], "sku")
    assert roles == ["sku", "description", "quantity", "unit_price", "net_amount"]
    assert codes == ["FT-2200", "EG-0410"]


def test_amounts_with_their_currency_set_against_the_digits_are_no_codes() -> None:
    # "USD840.00" passes for a printed code by its letters and digits; the column is prices
    header = line(100, (60, "Item"), (300, "Qty"), (360, "Preço"), (440, "Amount"))
    body = [
        line(140, (60, "Fleet Telemetry"), (300, "60"), (360, "USD840.00"), (440, "50,400.00")),
        line(156, (60, "Edge Gateway"), (300, "8"), (360, "USD1,250.00"), (440, "10,000.00")),
    ]
    roles, prices = _read_roles([header, *body], "unit_price")
    assert roles == ["description", "quantity", "unit_price", "net_amount"]
    assert prices == ["USD840.00", "USD1,250.00"]
