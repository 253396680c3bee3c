"""Labels under the rule their value is written on; rows of a ruled table are not that."""

from __future__ import annotations

from tests.triage.extraction.layout_builders import line
from triage.documents.parsed import Page, Ruling, TextLine, Word
from triage.extraction.layout.keyvalue import Arrangement, find_key_values


def _small(top: float, x: float, text: str) -> TextLine:
    """A caption in 6 pt type (the builder's words are 9 pt)."""
    words, cursor = [], x
    for token in text.split():
        words.append(Word(token, cursor, top, cursor + 3.5 * len(token), top + 6))
        cursor += 3.5 * len(token) + 2
    return TextLine(tuple(words))


def _pairs(page: Page) -> dict[str, tuple[str, Arrangement]]:
    return {kv.label: (kv.value_text, kv.arrangement) for kv in find_key_values(page)}


def test_caption_under_a_filled_line_names_the_words_written_on_it() -> None:
    page = Page(
        1,
        612,
        792,
        (
            line(100, (76, "Brightwater Analytics Inc")),
            _small(113, 72, "Company name"),
            line(140, (76, "Ellis Marlowe")),
            _small(153, 72, "Printed name"),
        ),
        rulings=(Ruling(72, 110, 300, 110), Ruling(72, 150, 300, 150)),
    )
    found = _pairs(page)
    assert found["Company name"] == ("Brightwater Analytics Inc", Arrangement.ABOVE)
    assert found["Printed name"] == ("Ellis Marlowe", Arrangement.ABOVE)
    # ... and the caption is no value of the name above it.
    assert "Brightwater Analytics Inc" not in found


def test_row_of_a_ruled_table_is_no_caption_of_the_heading_above() -> None:
    page = Page(
        1,
        612,
        792,
        (line(100, (60, "TERMS")), _small(113, 64, "Supplier")),
        rulings=(Ruling(60, 110, 400, 110), Ruling(60, 110, 60, 125), Ruling(400, 110, 400, 125)),
    )
    assert all(kv.arrangement is not Arrangement.ABOVE for kv in find_key_values(page))
