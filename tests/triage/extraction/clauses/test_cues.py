"""The semantic cue rules: the token language and the cues that fire on plain sentences."""

from __future__ import annotations

import pytest

from triage.extraction.clauses.cue_patterns import CUE_PATTERNS
from triage.extraction.clauses.cues import CUE_NAMES, CueMatcher, compile_pattern
from triage.extraction.clauses.labels import CLAUSE_LABELS


@pytest.fixture(scope="module")
def cues() -> CueMatcher:
    """Return one matcher for the module (building it takes a fraction of a second)."""
    return CueMatcher()


def test_every_cue_points_to_a_label() -> None:
    assert {name.split("/")[0] for name in CUE_PATTERNS} == set(CLAUSE_LABELS)
    assert list(CUE_NAMES) == sorted(CUE_NAMES)


def test_pattern_language_compiles_gaps_stems_and_numbers() -> None:
    first, second, third = compile_pattern("terminat* .. for|upon # ~ days")[:3]
    assert first.stems == ("terminat",) and first.max_gap == 0
    assert second.words == frozenset({"for", "upon"}) and second.max_gap == 6
    assert third.number and not third.words
    assert compile_pattern("# ~ days")[1].max_gap == 1


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Buyer may end the order without stating any reason.", "no_cause"),
        ("Seller shall keep its rates frozen until 2030.", "frozen"),
        ("The fee is split into four quarterly installments.", "instalments"),
        ("Payment is contingent upon the grant being received.", "contingent"),
        ("Invoices follow only the buyer's written acceptance.", "written_acceptance"),
        ("If uptime drops below 99.5 percent the buyer gets a credit.", "uptime"),
        ("Seller's liability for data loss is uncapped.", "uncapped"),
        ("The agreement's renewal needs the mutual written agreement of both.", "consent"),
        ("The seller deposits the source code with an escrow agent.", "escrow"),
        ("This order renews automatically unless either party objects.", "auto_renewal"),
    ],
)
def test_cue_fires_on_a_plain_sentence(cues: CueMatcher, text: str, cue: str) -> None:
    assert cue in {name.split("/")[1] for name in cues.cues(text)}


def test_gap_limits_keep_far_apart_words_from_matching(cues: CueMatcher) -> None:
    near = "Buyer may terminate at any time."
    far = "Buyer may terminate " + "the order and all of its related parts " * 3 + "at any time."
    assert "termination_for_convenience/any_time" in cues.cues(near)
    assert "termination_for_convenience/any_time" not in cues.cues(far)


def test_matrix_has_one_column_per_cue_and_one_row_per_text(cues: CueMatcher) -> None:
    matrix = cues.matrix(["Governed by the laws of Ohio.", "Nothing here.", ""])
    assert matrix.shape == (3, len(CUE_NAMES))
    assert matrix[0].sum() >= 1 and matrix[1].sum() == 0 and matrix[2].sum() == 0
