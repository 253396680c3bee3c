"""PNG plots of an evaluation: reliability (calibration) and precision/recall curves."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, never a window

import matplotlib.pyplot as plt
import numpy as np
import numpy.typing as npt
from sklearn.calibration import calibration_curve
from sklearn.metrics import precision_recall_curve

from training.risk.metrics import CALIBRATION_BINS

__all__ = ["plot_calibration", "plot_precision_recall"]

FloatArray = npt.NDArray[np.float64]
LABELS = {"model": "model", "logistic": "logistic baseline", "exception_count": "exception count"}


def plot_calibration(
    labels: npt.NDArray[np.int64], scores: dict[str, FloatArray], title: str, path: Path
) -> Path:
    """Draw observed rate against mean predicted probability per bin; return ``path``."""
    figure, axes = plt.subplots(figsize=(5.5, 5))
    axes.plot([0, 1], [0, 1], linestyle=":", color="grey", label="perfectly calibrated")
    for name, probabilities in scores.items():
        observed, predicted = calibration_curve(
            labels, probabilities, n_bins=CALIBRATION_BINS, strategy="uniform"
        )
        axes.plot(predicted, observed, marker="o", label=LABELS.get(name, name))
    axes.set(xlabel="mean predicted probability", ylabel="observed rate", title=title)
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(path, dpi=90, metadata={"Software": None})
    plt.close(figure)
    return path


def plot_precision_recall(
    labels: npt.NDArray[np.int64],
    scores: dict[str, FloatArray],
    title: str,
    path: Path,
    *,
    threshold: float | None = None,
) -> Path:
    """Draw each model's precision/recall curve, marking the chosen threshold; return ``path``."""
    figure, axes = plt.subplots(figsize=(5.5, 5))
    for name, probabilities in scores.items():
        precision, recall, _ = precision_recall_curve(labels, probabilities)
        axes.plot(recall, precision, label=LABELS.get(name, name))
    if threshold is not None and "model" in scores:
        flagged = scores["model"] >= threshold
        if flagged.any() and labels.any():
            hit = float((flagged & (labels == 1)).sum())
            axes.plot(
                hit / labels.sum(),
                hit / flagged.sum(),
                marker="*",
                markersize=14,
                color="black",
                linestyle="none",
                label=f"threshold {threshold:.3f}",
            )
    axes.axhline(labels.mean(), linestyle=":", color="grey", label="positive rate")
    axes.set(xlabel="recall", ylabel="precision", title=title)
    axes.set_xlim(0, 1)
    axes.set_ylim(0, 1)
    axes.legend(loc="upper right")
    figure.tight_layout()
    figure.savefig(path, dpi=90, metadata={"Software": None})
    plt.close(figure)
    return path
