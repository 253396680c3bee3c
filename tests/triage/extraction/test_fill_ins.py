"""Fill-in marks: unpadded brackets around a value go, a bracketed code stays; a list
item's marker is no part of the label it introduces."""

from __future__ import annotations

from tests.triage.extraction.layout_builders import document, line
from triage.extraction.layout.fill_ins import without_fill_marks
from triage.extraction.layout.keyvalue import Arrangement, find_key_values


def _texts(text: str) -> list[str]:
    page = without_fill_marks(document([line(100, (60, text))])).pages[0]
    return [w.text for w in page.words]


def test_one_word_value_in_unpadded_brackets_loses_its_brackets() -> None:
    assert _texts("Payment: Net [60]") == ["Payment:", "Net", "60"]
    assert _texts("Starts on [01/09/2027].") == ["Starts", "on", "01/09/2027."]
    assert _texts("invoiced [quarterly] in advance") == ["invoiced", "quarterly", "in", "advance"]


def test_bracketed_words_of_a_longer_value_lose_their_brackets() -> None:
    assert _texts("Term: [twelve (12)] months") == ["Term:", "twelve", "(12)", "months"]


def test_code_in_brackets_is_kept_as_printed() -> None:
    # A SKU after a product's name, or a reference: the brackets tell it from the words.
    assert _texts("Support [SUP-247], at a fee") == ["Support", "[SUP-247],", "at", "a", "fee"]
    assert _texts("Order [KV-3318]") == ["Order", "[KV-3318]"]


def test_list_marker_is_not_part_of_the_label() -> None:
    page = document([line(100, (60, "• Customer: Northfield Mills Ltd"))]).pages[0]
    found = {kv.label: (kv.value_text, kv.arrangement) for kv in find_key_values(page)}
    assert found["Customer"] == ("Northfield Mills Ltd", Arrangement.INLINE)
