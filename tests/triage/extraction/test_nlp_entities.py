"""The spaCy layer marks money, dates, durations, day counts, percents and frequencies."""

from __future__ import annotations

import pytest
from spacy.language import Language

from triage.extraction.nlp import build_pipeline


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _entities(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in nlp(text).ents]


def test_terms_in_a_sentence_become_entities(nlp: Language) -> None:
    text = (
        "The Subscription Term shall commence on March 1, 2027 and continue for twenty-four (24) "
        "months. Fees are invoiced quarterly in advance, net 45 days from invoice date."
    )
    assert _entities(nlp, text) == [
        ("March 1, 2027", "DATE"),
        ("twenty-four (24) months", "DURATION"),
        ("quarterly", "FREQ"),
        ("net 45 days", "DAYS"),
    ]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("fees of $54,000.00 in total", ("$54,000.00", "MONEY")),
        ("is 26 000,00 EUR, excluding", ("26 000,00 EUR", "MONEY")),
        ("is 29.100,00 A$ in total", ("29.100,00 A$", "MONEY")),
        ("capped at five percent (5%) per year", ("five percent (5%)", "PERCENT")),
        ("issued twice a year", ("twice a year", "FREQ")),
        ("starting 2027-03-01 onwards", ("2027-03-01", "DATE")),
        ("on the 1st day of March, 2027", ("1st day of March, 2027", "DATE")),
        ("a 36-month term", ("36-month", "DURATION")),
    ],
)
def test_each_entity_form(nlp: Language, text: str, entity: tuple[str, str]) -> None:
    assert entity in _entities(nlp, text)


def test_boilerplate_without_terms_has_no_entities(nlp: Language) -> None:
    assert _entities(nlp, "Neither party may assign the Agreement without consent.") == []
