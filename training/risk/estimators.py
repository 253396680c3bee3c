"""The main model: gradient-boosted trees, calibrated with customer-grouped folds.

Calibration is chosen per target: out-of-fold scores of the trees (each fold's customers
unseen by its model) are calibrated by every method the recipe lists, each judged by log
loss on folds it was not fitted on. The winner is then fitted as a standard
``CalibratedClassifierCV`` with the same folds (``ensemble=False``: one tree model, one
calibrator fitted on its out-of-fold scores), which is what the service loads.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from sklearn.calibration import CalibratedClassifierCV
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.isotonic import IsotonicRegression
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss
from sklearn.model_selection import PredefinedSplit, cross_val_predict

from training.risk.recipe import ModelSection

__all__ = ["calibrated_model", "choose_calibration", "gradient_boosting"]

FloatArray = npt.NDArray[np.float64]
Labels = npt.NDArray[np.int64]
EPSILON = 1e-6


def gradient_boosting(settings: ModelSection, *, seed: int) -> HistGradientBoostingClassifier:
    """Return the unfitted tree model of the recipe (no early stopping: deterministic)."""
    return HistGradientBoostingClassifier(
        max_iter=settings.max_iter,
        learning_rate=settings.learning_rate,
        max_depth=settings.max_depth,
        max_leaf_nodes=settings.max_leaf_nodes,
        min_samples_leaf=settings.min_samples_leaf,
        l2_regularization=settings.l2_regularization,
        early_stopping=False,
        random_state=seed,
    )


def _calibrate_out_of_fold(method: str, scores: FloatArray, y: Labels, folds: Labels) -> FloatArray:
    calibrated = np.empty_like(scores)
    for fold in np.unique(folds):
        fit, held = folds != fold, folds == fold
        if method == "isotonic":
            iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip")
            calibrated[held] = iso.fit(scores[fit], y[fit]).predict(scores[held])
        else:
            logits = np.log(np.clip(scores, EPSILON, 1 - EPSILON) / np.clip(1 - scores, EPSILON, 1))
            platt = LogisticRegression(C=1e6).fit(logits[fit, None], y[fit])
            calibrated[held] = platt.predict_proba(logits[held, None])[:, 1]
    return calibrated


def choose_calibration(
    X: FloatArray,
    y: Labels,
    folds: Labels,
    settings: ModelSection,
    *,
    seed: int,
) -> tuple[str, dict[str, float]]:
    """Return the calibration method with the lowest out-of-fold log loss, and all losses."""
    trees = gradient_boosting(settings, seed=seed)
    scores = cross_val_predict(trees, X, y, cv=PredefinedSplit(folds), method="predict_proba")
    losses: dict[str, float] = {
        method: round(float(log_loss(y, _calibrate_out_of_fold(method, scores[:, 1], y, folds))), 6)
        for method in settings.calibration_methods
    }
    return min(losses, key=lambda method: (losses[method], method)), losses


def calibrated_model(
    X: FloatArray,
    y: Labels,
    folds: Labels,
    settings: ModelSection,
    *,
    method: str,
    seed: int,
) -> CalibratedClassifierCV:
    """Return the tree model fitted on all rows, calibrated on its out-of-fold scores."""
    model = CalibratedClassifierCV(
        gradient_boosting(settings, seed=seed),
        method=method,
        cv=PredefinedSplit(folds),
        ensemble=False,
    )
    return model.fit(X, y)
