"""Quotes are located word for word among the document's words, or refused."""

from __future__ import annotations

import pytest

from triage.documents.parsed import ParsedDocument
from triage.llm import locate_quote

from .conftest import CHAR_WIDTH


def test_exact_quote_gets_the_box_of_its_own_words(order_form: ParsedDocument) -> None:
    located = locate_quote(order_form, "no later than forty-five days")
    assert located is not None
    [evidence] = located.evidence
    assert evidence.page == 1
    assert evidence.text == "no later than forty-five days"
    line = order_form.pages[0].lines[2]
    first, last = line.words[3], line.words[7]
    assert (first.text, last.text) == ("no", "days")
    assert evidence.bbox == (first.x0, first.top, last.x1, last.bottom)


def test_case_punctuation_and_typographic_dashes_do_not_matter(
    order_form: ParsedDocument,
) -> None:
    located = locate_quote(order_form, "PAYABLE no later than Forty\u2013five days,")
    assert located is not None
    assert located.text == "payable no later than forty-five days"


def test_quote_across_two_lines_gives_one_box_per_line(order_form: ParsedDocument) -> None:
    located = locate_quote(order_form, "New York. Invoices will be raised")
    assert located is not None
    assert [(e.page, e.text) for e in located.evidence] == [
        (1, "New York."),
        (2, "Invoices will be raised"),
    ]


def test_a_quote_may_start_and_end_mid_word(order_form: ParsedDocument) -> None:
    located = locate_quote(order_form, "scription runs for a per")
    assert located is not None
    assert located.evidence[0].text == "subscription runs for a period"
    assert located.evidence[0].bbox[2] - located.evidence[0].bbox[0] == pytest.approx(
        CHAR_WIDTH * len("subscription runs for a period")
    )


@pytest.mark.parametrize(
    "quote",
    [
        "payable within thirty days after the invoice",  # hallucinated wording
        "forty-five days after the date of delivery",  # real start, invented end
        "5",  # too short to prove anything
        "",
    ],
)
def test_text_not_in_the_document_is_not_located(order_form: ParsedDocument, quote: str) -> None:
    assert locate_quote(order_form, quote) is None
