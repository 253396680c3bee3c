"""Layout analysis: label/value pairs by geometry, and tables by header meaning."""

from __future__ import annotations

from tests.triage.extraction.layout_builders import document, line
from triage.extraction.layout.keyvalue import Arrangement, find_key_values
from triage.extraction.layout.tables import find_tables
from triage.extraction.lines.columns import classify_header


def _pairs(*lines_: object) -> dict[str, tuple[str, Arrangement]]:
    page = document(list(lines_)).pages[0]  # type: ignore[arg-type]
    return {kv.label: (kv.value_text, kv.arrangement) for kv in find_key_values(page) if kv.colon}


def test_label_and_value_in_one_run() -> None:
    found = _pairs(line(100, (60, "Start Date: 01/03/2027 End Date: 28/02/2028")))
    assert found["Start Date"] == ("01/03/2027", Arrangement.INLINE)
    assert found["End Date"] == ("28/02/2028", Arrangement.INLINE)


def test_value_in_the_cell_to_the_right() -> None:
    found = _pairs(line(100, (60, "Payment Terms:"), (200, "Net 30")))
    assert found["Payment Terms"] == ("Net 30", Arrangement.RIGHT)


def test_value_under_its_label() -> None:
    found = _pairs(line(100, (60, "Customer:")), line(111, (60, "Acme Corporation")))
    assert found["Customer"] == ("Acme Corporation", Arrangement.BELOW)


def test_label_wrapped_over_two_lines_keeps_the_value_beside_its_first_line() -> None:
    found = _pairs(
        line(100, (60, "Subscription"), (150, "1 July 2026"), (300, "Order"), (390, "ORD-1")),
        line(110, (60, "Start:"), (300, "Reference:")),
    )
    assert found["Subscription Start"] == ("1 July 2026", Arrangement.RIGHT)
    assert found["Order Reference"] == ("ORD-1", Arrangement.RIGHT)


_HEADER = (
    (60, "SKU"),
    (130, "Description"),
    (300, "Qty"),
    (340, "Unit Price"),
    (420, "Net Amount"),
)


def test_table_continues_across_a_page_break_and_joins_wrapped_descriptions() -> None:
    doc = document(
        [
            line(100, *_HEADER),
            line(
                115,
                (60, "PLAT-1"),
                (130, "Platform seats"),
                (300, "10"),
                (340, "100.00"),
                (420, "1,000.00"),
            ),
            line(125, (130, "for the whole team")),
        ],
        [
            line(60, (60, "Order ON-1 continued")),
            line(80, *_HEADER),
            line(95, (60, "SUP-2"), (130, "Support"), (300, "1"), (340, "50.00"), (420, "50.00")),
            line(110, (130, "Total"), (420, "1,050.00")),
        ],
    )
    tables = find_tables(doc.pages, classify_header)
    rows = [row for table in tables for row in table.rows]
    assert [row.text("sku") for row in rows] == ["PLAT-1", "SUP-2", ""]
    assert rows[0].text("description") == "Platform seats for the whole team"
    assert rows[2].text("description") == "Total"


def test_prose_is_not_a_table() -> None:
    doc = document([line(100, (60, "The quantity, unit price and net amount are set out below."))])
    assert find_tables(doc.pages, classify_header) == []
