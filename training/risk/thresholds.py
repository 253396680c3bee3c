"""Choosing a score threshold: for a review-queue capacity, or for a target precision."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt
from sklearn.metrics import precision_recall_curve

from triage.errors import InputError

__all__ = ["threshold_for_capacity", "threshold_for_precision"]

FloatArray = npt.NDArray[np.float64]


def threshold_for_capacity(probabilities: FloatArray, capacity: float) -> float:
    """Return the lowest threshold that sends at most ``capacity`` of the orders to review.

    Ties at the threshold all go to review together, so the load can fall below the
    capacity but never above it (unless one score alone exceeds it; then that score is
    returned and the caller sees the real load in the metrics).
    """
    if not 0 < capacity < 1:
        raise InputError(f"capacity must be between 0 and 1, got {capacity}")
    if len(probabilities) == 0:
        raise InputError("no scored orders to choose a threshold from")
    ordered = np.sort(probabilities)[::-1]
    allowed = max(1, math.floor(capacity * len(ordered)))
    candidate = float(ordered[allowed - 1])
    if np.mean(probabilities >= candidate) > capacity:
        above = ordered[ordered > candidate]
        candidate = float(above.min()) if len(above) else candidate
    return round(candidate, 6)


def threshold_for_precision(
    labels: npt.NDArray[np.int64], probabilities: FloatArray, precision: float
) -> float:
    """Return the lowest threshold whose precision reaches ``precision`` (most recall).

    Raise InputError when no threshold reaches it on these orders.
    """
    if not 0 < precision <= 1:
        raise InputError(f"precision must be in (0, 1], got {precision}")
    if not 0 < labels.sum() < len(labels):
        raise InputError("both outcomes must occur to tune for precision")
    precisions, _, thresholds = precision_recall_curve(labels, probabilities)
    reaching = np.flatnonzero(precisions[:-1] >= precision)
    if len(reaching) == 0:
        best = float(precisions[:-1].max())
        raise InputError(f"no threshold reaches precision {precision}; the best is {best:.3f}")
    return round(float(thresholds[reaching[0]]), 6)
