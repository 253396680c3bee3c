"""The features the clause model reads: text n-grams side by side with the semantic cues.

Training and inference both build the matrix here, so the shipped model always sees
features laid out exactly as it was fitted on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from scipy.sparse import csr_matrix, hstack

from triage.extraction.clauses.cues import CueMatcher

__all__ = ["CUE_WEIGHT", "TextFeatures", "combine", "feature_matrix"]

CUE_WEIGHT = 1.0
"""Scale of a 0/1 cue column next to the L2-normalised tf-idf blocks."""


class TextFeatures(Protocol):
    """A fitted text vectoriser (the scikit-learn ``FeatureUnion`` of tf-idf blocks)."""

    def transform(self, texts: Sequence[str]) -> Any:
        """Return the texts' sparse feature rows."""


def combine(text_rows: Any, cue_rows: csr_matrix, cue_weight: float = CUE_WEIGHT) -> csr_matrix:
    """Return text-feature rows with the weighted cue columns appended on the right."""
    return csr_matrix(hstack([text_rows, cue_rows * cue_weight], format="csr"))


def feature_matrix(
    vectoriser: TextFeatures, cues: CueMatcher, texts: Sequence[str], cue_weight: float
) -> csr_matrix:
    """Return the model's input rows for ``texts``: n-gram tf-idf, then cue columns."""
    return combine(vectoriser.transform(list(texts)), cues.matrix(texts), cue_weight)
