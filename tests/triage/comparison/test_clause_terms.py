"""Parameters read from clause text: months, multiples, amounts, days, percentages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from triage.comparison.clause_terms import QuantityKind, read_quantities
from triage.comparison.standard_text import StandardText, tokens

K = QuantityKind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the fees paid in the twelve (12) months preceding the claim", [(K.MONTHS, "12")]),
        ("a 24-month look-back", [(K.MONTHS, "24")]),
        ("the fees of the preceding year", [(K.MONTHS, "12")]),
        ("two (2) years", [(K.MONTHS, "24")]),
        ("three (3) times the annual fees", [(K.MULTIPLE, "3")]),
        ("capped at 2x the fees", [(K.MULTIPLE, "2")]),
        ("twice the total contract value", [(K.MULTIPLE, "2")]),
        ("150% of the fees paid", [(K.MULTIPLE, "1.5")]),
        ("the greater of US$1,000,000", [(K.AMOUNT, "1000000")]),
        ("EUR 2 million", [(K.AMOUNT, "2000000")]),
        ("within forty-five (45) days", [(K.DAYS, "45")]),
        ("one hundred and twenty days", [(K.DAYS, "120")]),
        ("payable Net 60", [(K.DAYS, "60")]),
        ("a credit of ten per cent (10%)", [(K.PERCENT, "10")]),
        ("no number here", []),
    ],
)
def test_parameters_are_read_in_digits_or_words(
    text: str, expected: list[tuple[QuantityKind, str]]
) -> None:
    assert [(q.kind, q.value) for q in read_quantities(text)] == [
        (kind, Decimal(value)) for kind, value in expected
    ]


def test_normalised_tokens_ignore_numbering_wrapping_and_case() -> None:
    assert tokens("12.3 Limitation of Liabil- ity; (a) EACH party") == tokens(
        "Limitation of liability each party"
    )
    assert tokens("the twelve (12) months") == tokens("the 24 months") == ["the", "#", "months"]


def test_a_sentence_with_a_few_words_changed_still_matches_its_standard() -> None:
    index = StandardText(shingle_words=2, min_similarity=0.7)
    index.add(
        "Provider may suspend the Services if any undisputed amount remains unpaid more than"
        " thirty days after its due date, after giving Customer ten days' written notice.",
        "terms",
    )
    edited = (
        "The Provider may suspend the Services if an undisputed amount remains unpaid more"
        " than thirty days after its due date, after giving the Customer ten days' notice."
    )
    match = index.best_match(edited)
    assert match is not None and match.standard.source == "terms"
    assert index.best_match("Customer may terminate for convenience at any time.") is None


def test_a_near_duplicate_must_keep_the_standard_negations() -> None:
    index = StandardText(shingle_words=2, min_similarity=0.7)
    index.add("Neither party may terminate an Order Form for convenience.", "terms")
    assert index.best_match("Neither party may terminate the Order Form for convenience.")
    assert index.best_match("Either party may terminate an Order Form for convenience.") is None
