"""The two baselines every model is reported beside.

- ``exception_count``: the number of high- and critical-severity exceptions, as a score.
  It ranks by the raw count; its probabilities are the observed dispute rate per count
  (an isotonic fit), so its Brier score and ECE are comparable too.
- ``logistic``: a standardised logistic regression on the full feature vector.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np
import numpy.typing as npt
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted, validate_data

from triage.scoring.features import FEATURE_NAMES

__all__ = ["BASELINE_TYPES", "ExceptionCountClassifier", "logistic_baseline"]

HIGH_SEVERITY_COLUMN = FEATURE_NAMES.index("high_severity_count")

BASELINE_TYPES = frozenset(
    {
        "training.risk.baselines.ExceptionCountClassifier",
        "sklearn.isotonic.IsotonicRegression",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.preprocessing._data.StandardScaler",
        "sklearn.pipeline.Pipeline",
    }
)
"""Types the baselines' skops file may hold (loaded by training only, never the service)."""


class ExceptionCountClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Scores an order by one count column; probabilities from an isotonic fit on it."""

    def __init__(self, column: int = HIGH_SEVERITY_COLUMN) -> None:
        self.column = column

    def fit(self, X: Any, y: Any) -> Self:
        """Learn the observed positive rate for each count."""
        X, y = validate_data(self, X, y)
        self.classes_ = np.unique(y)
        self.rate_ = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
        self.rate_.fit(X[:, self.column], (y == self.classes_[-1]).astype(float))
        return self

    def decision_function(self, X: Any) -> npt.NDArray[np.float64]:
        """Return the raw count: the baseline's ranking score."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False)
        return np.asarray(X[:, self.column], dtype=np.float64)

    def predict_proba(self, X: Any) -> npt.NDArray[np.float64]:
        """Return [P(negative), P(positive)] per row from the count's observed rate."""
        positive = np.asarray(self.rate_.predict(self.decision_function(X)), dtype=np.float64)
        return np.column_stack([1.0 - positive, positive])

    def predict(self, X: Any) -> npt.NDArray[Any]:
        """Return the more likely class per row."""
        return np.asarray(self.classes_[(self.predict_proba(X)[:, 1] >= 0.5).astype(int)])


def logistic_baseline(*, c: float, seed: int) -> Pipeline:
    """Return an unfitted standardised logistic regression."""
    return make_pipeline(
        StandardScaler(), LogisticRegression(C=c, max_iter=2000, random_state=seed)
    )
