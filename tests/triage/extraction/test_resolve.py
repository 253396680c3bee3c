"""Choosing one value per field from its candidates (triage.extraction.fields.resolve)."""

from __future__ import annotations

from triage.documents.parsed import Word
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.resolve import resolve_fields

AMOUNT = (1, 0, Word(text="A$83,600.00", x0=500.0, top=400.0, x1=560.0, bottom=408.0))


def test_agreeing_readings_raise_the_support_and_a_rival_is_recorded() -> None:
    chosen = resolve_fields(
        [
            Candidate("currency", "AUD", 0.7, Source.DERIVED, (AMOUNT,)),
            Candidate("currency", "aud", 0.5, Source.LABEL, (AMOUNT,)),
            Candidate("currency", "USD", 0.4, Source.DERIVED, ()),
        ]
    )["currency"]
    assert (chosen.value, chosen.support, chosen.rival) == ("AUD", 2, 0.4)


def test_a_winner_without_words_of_its_own_shows_the_words_of_an_agreeing_reading() -> None:
    chosen = resolve_fields(
        [
            Candidate("currency", "AUD", 0.55, Source.DERIVED, ()),  # told by the line items
            Candidate("currency", "AUD", 0.5, Source.DERIVED, (AMOUNT,)),
        ]
    )["currency"]
    assert chosen.score == 0.55
    assert chosen.evidence == (AMOUNT,)


def test_a_rival_value_lends_no_evidence() -> None:
    chosen = resolve_fields(
        [
            Candidate("currency", "AUD", 0.55, Source.DERIVED, ()),
            Candidate("currency", "USD", 0.5, Source.DERIVED, (AMOUNT,)),
        ]
    )["currency"]
    assert chosen.evidence == ()
