"""Closer look: the section each candidate sits in, and where the classifier's bar is lower."""

from __future__ import annotations

import pytest

from tests.triage.extraction.clauses.conftest import render_pages
from triage.extraction.clauses import segment_document
from triage.extraction.clauses.sections import closer_look


def test_every_paragraph_remembers_the_heading_of_its_section() -> None:
    document = render_pages(
        [
            [
                (None, ["The Agreement is governed by the laws of the State of New York and",
                        "the courts of New York County have jurisdiction over any dispute",
                        "arising out of it."]),
                ("Special Terms", ["1. Customer may audit the Provider's data centres once per",
                                   "year on thirty days' notice, at the Provider's own cost and",
                                   "during business hours."]),
                (None, ["2. The Provider shall keep all Customer Data within the European",
                        "Union and shall not transfer it elsewhere without the prior written",
                        "consent of the Customer."]),
            ]
        ]
    )  # fmt: skip
    sections = [c.section for c in segment_document(document)]
    assert sections == ["", "Special Terms", "Special Terms"]


@pytest.mark.parametrize(
    ("text", "section", "closer"),
    [
        ("Customer may audit the data centres.", "Schedule 3 - Special Conditions", True),
        ("Customer may audit the data centres.", "Modifications to the Agreement", True),
        ("Additional Terms. Customer may audit the data centres.", "", True),
        ("Notwithstanding the Agreement, Customer may audit.", "General", True),
        ("12.1 Notwithstanding the Agreement, Customer may audit.", "", True),
        ("Customer may audit the data centres.", "Limitation of Liability", False),
        ("Fees are payable notwithstanding any dispute.", "Payment", False),
    ],
)
def test_closer_look_sections_and_openers(text: str, section: str, closer: bool) -> None:
    assert closer_look(text, section) is closer
