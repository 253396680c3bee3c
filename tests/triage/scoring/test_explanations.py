"""Occlusion attribution: exact for a linear score, zero where a feature is at reference."""

from __future__ import annotations

import numpy as np
import pytest

from triage.scoring.explanations import occlusion_attribution, top_factors

WEIGHTS = np.array([0.5, -0.2, 0.0, 0.1])


def linear(rows: np.ndarray) -> np.ndarray:  # type: ignore[type-arg]
    """A score whose true per-feature contributions are known."""
    return rows @ WEIGHTS


def test_contributions_of_a_linear_score_are_its_terms() -> None:
    values = np.array([1.0, 2.0, 3.0, 0.0])
    reference = np.zeros(4)
    score, contributions = occlusion_attribution(linear, values, reference)
    assert score == pytest.approx(0.1)
    np.testing.assert_allclose(contributions, [0.5, -0.4, 0.0, 0.0])


def test_top_factors_are_ordered_by_size_and_skip_zero_contributions() -> None:
    names = ("a", "b", "c", "d")
    factors = top_factors(names, np.array([0.5, -0.6, 0.00001, 0.0]), limit=3)
    assert [(f.feature, f.contribution) for f in factors] == [("b", -0.6), ("a", 0.5)]
