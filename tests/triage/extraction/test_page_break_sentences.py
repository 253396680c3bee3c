"""A sentence that runs on from the foot of one page to the head of the next, past the
running footer and the next page's header, is read as one sentence."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A4

from tests.triage.extraction.abilities.sheet import Sheet
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor
from triage.extraction.fields.blocks import text_blocks

Reader = Callable[[bytes], ParsedDocument]

_FOOTER = "Whitlow Fintech Pty Ltd \u00b7 12 Pitt Street, Sydney NSW 2000"


def _letter(break_after_period: bool) -> bytes:
    """A letter whose renewal clause breaks over the page: "... The fees for any Renewal
    Term shall not" | footer | header | "exceed ... by more than four per cent (4%)."."""
    s = Sheet(A4, font="Times-Roman", size=10)
    s.text(60, 60, "Whitlow Fintech Pty Ltd", font="Times-Bold", size=13)
    s.paragraph(60, 120, "Dear Customer, we are pleased to confirm your order.", chars=95)
    s.paragraph(60, 700, (
        "Renewal. On expiry of the Initial Term, the subscription shall automatically renew "
        "for successive periods of twelve (12) months unless either party gives the other "
        "thirty (30) days' written notice of non-renewal."
        + (" The fees may change." if break_after_period else " The fees for any Renewal "
           "Term shall not")
    ), chars=95)  # fmt: skip
    s.text(60, 790, _FOOTER, size=7)
    s.text(60, 802, "Page 1 of 2", size=7)
    s.new_page()
    s.text(60, 40, "Whitlow Order Letter WF-00412", size=7)
    s.paragraph(60, 80, (
        "exceed the fees for the preceding term by more than four per cent (4%)."
        if not break_after_period else "Each party shall bear its own costs."
    ), chars=95)  # fmt: skip
    s.text(60, 790, _FOOTER, size=7)
    s.text(60, 802, "Page 2 of 2", size=7)
    return s.finish()


def test_sentence_left_unfinished_at_the_foot_of_a_page_goes_on_at_the_next_head(
    read_pdf: Reader, extractor: OrderExtractor
) -> None:
    document = read_pdf(_letter(break_after_period=False))
    texts = [block.text for block in text_blocks(document.pages)]
    assert any("shall not exceed the fees for the preceding term" in t for t in texts)
    assert not any(t.startswith("exceed") for t in texts)
    fields = extractor.extract(document, country="AU").fields
    assert fields.renewal_uplift_cap_pct.value == 4


def test_finished_sentence_at_the_foot_of_a_page_is_not_joined_to_the_next(
    read_pdf: Reader,
) -> None:
    texts = [block.text for block in text_blocks(read_pdf(_letter(True)).pages)]
    assert "Each party shall bear its own costs." in texts
