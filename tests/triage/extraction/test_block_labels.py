"""The label-head rule both signature readers share."""

from __future__ import annotations

import pytest

from triage.extraction.fields.block_labels import label_head, squash


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("Name:", "name"),
        ("Date: 3 May 2027", "date"),
        ("Date (YYYY-MM-DD): 2027-05-03", "date"),
        ("Name (print)", "name"),
        ("Name (print", "name"),  # OCR lost the small closing bracket
        ("Printed Name (in capitals", "printed name"),
        ("Title / Position:", "title position"),
        ("Signature", "signature"),
        ("Authorised Signatory (for and on behalf of the Customer) : ", "authorised signatory"),
    ],
)
def test_label_head_drops_the_value_and_bracketed_notes(text: str, head: str) -> None:
    assert label_head(text) == head


def test_a_bracket_inside_the_label_keeps_the_words_after_it() -> None:
    assert label_head("Name (block letters) of signatory: Jo Bloggs") == "name of signatory"


def test_squash_compares_names_without_case_spaces_or_punctuation() -> None:
    assert squash("Hafen-Logistik Brake GmbH.") == "hafenlogistikbrakegmbh"
    assert squash("O'Neil & Co") == "oneilco"


def test_both_readers_take_a_caption_with_an_unclosed_bracket_as_its_label() -> None:
    # The block reader once kept "name (print" whole and saw no label at all.
    from triage.extraction.fields import signature, signing_blocks

    assert signing_blocks._label_of("Name (print") == "customer_signatory"
    assert signing_blocks._label_of("Date (dd.mm.yyyy") == "customer_signed_date"
    assert signature._label_of("Name (print") is not None
