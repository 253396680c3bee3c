"""Reading model artifacts in skops format, refusing any type outside an allow-list.

A skops file names every type it will construct. Before loading we ask skops for the
types it does not trust by default and compare them with :data:`SERVING_TYPES`, the
exact list our pipelines are built from. Anything else (a pickled function, an unknown
class) means the file is not ours, and loading stops with a ConfigError. Pickle is never
used.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import skops.io as sio

from triage.errors import ConfigError

__all__ = ["SERVING_TYPES", "load_artifact", "untrusted_types"]

SERVING_TYPES: frozenset[str] = frozenset(
    {
        "sklearn.calibration._CalibratedClassifier",
        "sklearn.calibration._SigmoidCalibration",
        "sklearn.ensemble._hist_gradient_boosting.binning._BinMapper",
        "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
        "sklearn.model_selection._split.PredefinedSplit",
        "sklearn._loss.link.LogitLink",
        "sklearn._loss.link.Interval",
        "sklearn._loss.loss.HalfBinomialLoss",
        "sklearn._loss._loss.CyHalfBinomialLoss",
        "sklearn.isotonic.IsotonicRegression",
        "numpy.dtype",
        "builtins.slice",
    }
)
"""Types a risk artifact may contain beyond those skops trusts by default."""


def untrusted_types(path: Path) -> list[str]:
    """Return the fully qualified types in ``path`` that skops does not trust by default."""
    return sorted(sio.get_untrusted_types(file=path))


def load_artifact(path: Path, *, allowed: Iterable[str] = SERVING_TYPES) -> Any:
    """Return the object stored in the skops file ``path``.

    Raise ConfigError if the file is missing, unreadable, or holds a type not in
    ``allowed``.
    """
    if not path.is_file():
        raise ConfigError(f"model artifact {path} does not exist")
    try:
        found = untrusted_types(path)
    except Exception as error:  # skops raises many kinds on a corrupt file
        raise ConfigError(f"model artifact {path} is not a readable skops file: {error}") from None
    refused = sorted(set(found) - set(allowed))
    if refused:
        raise ConfigError(
            f"model artifact {path} contains types outside the allow-list: {', '.join(refused)}"
        )
    try:
        return sio.load(path, trusted=found)
    except Exception as error:
        raise ConfigError(f"model artifact {path} could not be loaded: {error}") from None
