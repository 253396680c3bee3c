"""A row of small labels over option rows that wrap: each label's value is the first run in
its column, even when the first value line leaves that column empty."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4

from tests.triage.extraction.abilities.sheet import Sheet
from triage.documents.parsed import ParsedDocument
from triage.extraction.layout.keyvalue import find_key_values

Reader = Callable[[bytes], ParsedDocument]


def _wrapped_option_rows() -> bytes:
    """Labels in 7 pt over values in 9 pt; the chosen renewal term and cap stand on the
    second value line (the first holds only the other columns' choices)."""
    s = Sheet(A4, font="Helvetica", size=9)
    for x, label in ((60, "Renews automatically?"), (170, "Renewal term"),
                     (290, "Cancellation notice"), (400, "Renewal uplift cap")):  # fmt: skip
        s.text(x, 100, label, size=7)
    s.text(60, 111, "Yes")
    s.text(290, 111, "60 days")
    s.text(170, 123, "Same as initial term")
    s.text(400, 123, "4%")
    s.text(60, 150, "Payment method", size=7)
    s.text(60, 161, "Bank transfer")
    return s.finish()


def test_value_on_the_second_option_line_belongs_to_the_label_above_its_column(
    read_pdf: Reader,
) -> None:
    page = read_pdf(_wrapped_option_rows()).pages[0]
    pairs = {pair.label: pair.value_text for pair in find_key_values(page)}
    assert pairs["Renewal term"] == "Same as initial term"
    assert pairs["Renewal uplift cap"] == "4%"
    assert pairs["Renews automatically?"] == "Yes"
    assert pairs["Cancellation notice"] == "60 days"
    assert pairs["Payment method"] == "Bank transfer"
