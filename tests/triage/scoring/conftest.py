"""Fixtures of the scoring tests: the shipped, promoted risk model, loaded once."""

from __future__ import annotations

import pytest

from triage.config import REPO_ROOT
from triage.scoring.scorer import RiskModelScorer, load_promoted_scorer


@pytest.fixture(scope="session")
def shipped_scorer() -> RiskModelScorer:
    """The scorer the service loads from a fresh clone (models/risk/PROMOTED)."""
    scorer = load_promoted_scorer(REPO_ROOT / "models")
    assert isinstance(scorer, RiskModelScorer), "the repository must ship a promoted risk model"
    return scorer
