"""Scores of a probabilistic classifier: ranking, calibration and review-queue load."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

__all__ = ["CALIBRATION_BINS", "classifier_metrics", "expected_calibration_error", "queue_load"]

CALIBRATION_BINS = 10
FloatArray = npt.NDArray[np.float64]
Labels = npt.NDArray[np.int64]


def expected_calibration_error(
    labels: Labels, probabilities: FloatArray, *, bins: int = CALIBRATION_BINS
) -> float:
    """Return the ECE: the row-weighted mean |mean predicted - observed rate| over bins.

    Bins are equal-width on [0, 1]; a probability of exactly 1 falls in the last bin.
    """
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probabilities, edges[1:-1], right=False), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        members = which == b
        if members.any():
            gap = abs(probabilities[members].mean() - labels[members].mean())
            total += members.sum() * gap
    return float(total / max(len(labels), 1))


def queue_load(probabilities: FloatArray, threshold: float) -> float:
    """Return the share of orders whose score reaches ``threshold`` (they go to review)."""
    return float(np.mean(probabilities >= threshold)) if len(probabilities) else 0.0


def classifier_metrics(
    labels: Labels,
    probabilities: FloatArray,
    *,
    ranking: FloatArray | None = None,
    threshold: float | None = None,
) -> dict[str, float]:
    """Return ROC-AUC, PR-AUC, Brier score and ECE (and queue load, precision, recall).

    ``ranking`` is the score the ranking metrics use when it is not the probability
    itself (the exception-count baseline ranks by the raw count).
    """
    ranked = probabilities if ranking is None else ranking
    both_classes = 0 < labels.sum() < len(labels)
    metrics = {
        "roc_auc": float(roc_auc_score(labels, ranked)) if both_classes else float("nan"),
        "pr_auc": float(average_precision_score(labels, ranked)) if both_classes else float("nan"),
        "brier": float(brier_score_loss(labels, probabilities)),
        "ece": expected_calibration_error(labels, probabilities),
        "positive_rate": float(labels.mean()),
        "mean_prediction": float(probabilities.mean()),
    }
    if threshold is not None:
        flagged = probabilities >= threshold
        true_positive = float((flagged & (labels == 1)).sum())
        metrics["threshold"] = threshold
        metrics["queue_load"] = queue_load(probabilities, threshold)
        metrics["precision"] = true_positive / flagged.sum() if flagged.any() else float("nan")
        metrics["recall"] = true_positive / labels.sum() if labels.any() else float("nan")
    return {name: round(value, 6) for name, value in metrics.items()}
