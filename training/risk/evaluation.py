"""Evaluating a registered version (and its baselines) on a dataset, with a saved report.

The report folder holds ``metrics.json`` and, per target, a calibration plot and a
precision/recall curve as PNG. The queue load is the share of orders whose score reaches
the version's threshold for that target.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from training.risk.baselines import BASELINE_TYPES
from training.risk.dataset import RiskDataset
from training.risk.plots import plot_calibration, plot_precision_recall
from training.risk.recipe import Recipe
from training.risk.training import score_models, target_labels
from triage.errors import ConfigError, InputError
from triage.scoring.artifact import SERVING_TYPES, load_artifact
from triage.scoring.features import FEATURE_NAMES
from triage.scoring.metadata import ModelMetadata
from triage.scoring.registry import ModelRegistry
from triage.scoring.scorer import ARTIFACT_FILE, TARGETS

__all__ = [
    "BASELINES_FILE",
    "Evaluation",
    "TrainedVersion",
    "evaluate_version",
    "load_trained",
    "read_predictions",
    "write_report",
]

BASELINES_FILE = "baselines.skops"
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class TrainedVersion:
    """A registered version with its main models and baselines loaded."""

    metadata: ModelMetadata
    recipe: Recipe
    models: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class Evaluation:
    """Labels, probabilities and metrics of every model on one dataset."""

    version: str
    dataset_sha256: str
    labels: dict[str, npt.NDArray[np.int64]]
    probabilities: dict[str, dict[str, FloatArray]]
    metrics: dict[str, dict[str, dict[str, float]]]
    thresholds: dict[str, float]


def load_trained(registry: ModelRegistry, version: str) -> TrainedVersion:
    """Return ``version`` with its models and baselines; NotFound for an unknown version."""
    directory = registry.path(version)
    metadata = registry.metadata(version)
    main = load_artifact(directory / ARTIFACT_FILE)
    baselines = load_artifact(directory / BASELINES_FILE, allowed=SERVING_TYPES | BASELINE_TYPES)
    models = {target: {"model": main[target], **baselines[target]} for target in TARGETS}
    return TrainedVersion(metadata, Recipe.model_validate(metadata.recipe), models)


def evaluate_version(
    trained: TrainedVersion,
    dataset: RiskDataset,
    *,
    thresholds: dict[str, float] | None = None,
) -> Evaluation:
    """Score ``dataset`` with the version and its baselines; thresholds default to its own."""
    if dataset.feature_names != FEATURE_NAMES or len(dataset) == 0:
        raise InputError("the dataset is empty or was built with another feature set")
    if tuple(trained.metadata.feature_names) != FEATURE_NAMES:
        raise ConfigError(f"{trained.metadata.version} was trained on another feature set")
    chosen = {t: info.threshold for t, info in trained.metadata.targets.items()}
    chosen.update(thresholds or {})
    labels, probabilities, metrics = {}, {}, {}
    for target in TARGETS:
        labels[target] = target_labels(dataset, target, trained.recipe)
        probabilities[target], metrics[target] = score_models(
            trained.models[target], dataset.features, labels[target], chosen[target]
        )
    return Evaluation(
        trained.metadata.version, dataset.sha256(), labels, probabilities, metrics, chosen
    )


def write_report(evaluation: Evaluation, directory: Path) -> list[Path]:
    """Write ``metrics.json`` and the PNG plots into ``directory``; return the files."""
    directory.mkdir(parents=True, exist_ok=True)
    report = {
        "version": evaluation.version,
        "dataset_sha256": evaluation.dataset_sha256,
        "thresholds": evaluation.thresholds,
        "metrics": evaluation.metrics,
    }
    metrics_path = directory / "metrics.json"
    metrics_path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n")
    predictions_path = directory / "predictions.npz"
    arrays: dict[str, Any] = {}
    for target in TARGETS:
        arrays[f"{target}_labels"] = evaluation.labels[target]
        arrays[f"{target}_model"] = evaluation.probabilities[target]["model"]
    np.savez_compressed(predictions_path, **arrays)
    written = [metrics_path, predictions_path]
    for target in TARGETS:
        labels, scores = evaluation.labels[target], evaluation.probabilities[target]
        title = f"{evaluation.version}: {target}"
        written.append(
            plot_calibration(labels, scores, title, directory / f"{target}-calibration.png")
        )
        written.append(
            plot_precision_recall(
                labels,
                scores,
                title,
                directory / f"{target}-precision-recall.png",
                threshold=evaluation.thresholds[target],
            )
        )
    return written


def read_predictions(directory: Path, target: str) -> tuple[npt.NDArray[np.int64], FloatArray]:
    """Return the labels and main-model probabilities of ``target`` saved in a report."""
    path = directory / "predictions.npz"
    if not path.is_file():
        raise InputError(f"{path} does not exist; give a dataset to tune on")
    with np.load(path, allow_pickle=False) as stored:
        return stored[f"{target}_labels"], stored[f"{target}_model"]
