"""Segmentation of rendered order forms into clause candidates."""

from __future__ import annotations

from tests.triage.extraction.clauses.conftest import render_pages
from triage.extraction.clauses import segment_document

GOVERNING = [
    "This Order Form is governed by the Master Subscription Agreement between the parties,",
    "which is incorporated by reference.",
]
PAYMENT = [
    "Customer shall pay the annual fees in four equal instalments, the first on signature",
    "and the remainder at the start of each following quarter.",
]


def test_paragraphs_are_split_by_vertical_gaps_and_keep_their_headings() -> None:
    document = render_pages([[("1. General", GOVERNING), ("2. Payment", PAYMENT)]])
    candidates = segment_document(document)
    assert [c.text.split(".")[0] for c in candidates] == ["1", "2"]
    assert candidates[1].text.startswith("2. Payment Customer shall pay")
    assert len(candidates[1].lines) == 3


def test_candidate_boxes_cover_the_drawn_lines() -> None:
    document = render_pages([[(None, GOVERNING), (None, PAYMENT)]])
    second = segment_document(document)[1]
    boxes = [line.bbox for _, line in second.lines]
    assert all(page == 1 for page, _ in second.lines)
    assert boxes[0][0] == 72.0
    # reportlab draws the baseline at y=720-12*2-10 from the bottom: top of page is 792.
    assert 792 - 686 - 10 < boxes[0][1] < 792 - 686
    assert boxes[0][3] < boxes[1][1]


def test_key_value_terms_tables_and_signatures_are_not_candidates() -> None:
    lines = [
        "Payment Terms: Net 30",
        "PLAT-ENT            Platform seats            50            54,000.00",
        "Name: ____________________   Title: ____________________",
    ]
    document = render_pages([[(None, lines), (None, PAYMENT)]])
    candidates = segment_document(document)
    assert len(candidates) == 1
    assert candidates[0].text.startswith("Customer shall pay")
