"""One training run: split, fit both targets beside their baselines, score the held-out rows.

Nothing here writes files; :mod:`training.risk.publish` turns the result into a registry
version. The same dataset, recipe and seed give the same models and the same metrics.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from training.risk.baselines import ExceptionCountClassifier, logistic_baseline
from training.risk.dataset import RiskDataset
from training.risk.estimators import calibrated_model, choose_calibration
from training.risk.metrics import classifier_metrics
from training.risk.recipe import Recipe
from training.risk.splits import TrainTestSplit, customer_folds, customer_split, time_split
from training.risk.thresholds import threshold_for_capacity

__all__ = ["MODEL_NAMES", "TargetFit", "TrainingRun", "split_dataset", "target_labels", "train"]

MODEL_NAMES = ("model", "logistic", "exception_count")
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class TargetFit:
    """The fitted classifiers of one target and how the main one was calibrated."""

    models: dict[str, Any]
    calibration: str
    calibration_log_loss: dict[str, float]
    threshold: float
    test_labels: npt.NDArray[np.int64]
    test_probabilities: dict[str, FloatArray]
    metrics: dict[str, dict[str, float]]
    positive_rate: float


@dataclass(frozen=True)
class TrainingRun:
    """Everything a training run produced, before it is written to the registry."""

    recipe: Recipe
    dataset: RiskDataset
    split: TrainTestSplit
    targets: dict[str, TargetFit]
    reference: FloatArray

    def predictions_sha256(self) -> str:
        """Return the hash of every held-out probability: equal for a reproduced run."""
        digest = hashlib.sha256()
        for target in sorted(self.targets):
            for name in MODEL_NAMES:
                digest.update(self.targets[target].test_probabilities[name].tobytes())
        return digest.hexdigest()


def target_labels(dataset: RiskDataset, target: str, recipe: Recipe) -> npt.NDArray[np.int64]:
    """Return the 0/1 labels of ``target`` ("dispute" or "delay") for every row."""
    if target == "dispute":
        return dataset.disputed
    return dataset.delayed(recipe.targets.delay_threshold_days)


def split_dataset(dataset: RiskDataset, recipe: Recipe) -> TrainTestSplit:
    """Return the recipe's split of ``dataset`` (customer or time, never leaking a customer)."""
    if recipe.split.kind == "time":
        return time_split(
            dataset.customers, dataset.order_dates, test_fraction=recipe.split.test_fraction
        )
    return customer_split(
        dataset.customers, test_fraction=recipe.split.test_fraction, seed=recipe.seed
    )


def _fit_target(
    X: FloatArray, y: npt.NDArray[np.int64], folds: npt.NDArray[np.int64], recipe: Recipe
) -> tuple[dict[str, Any], str, dict[str, float]]:
    method, losses = choose_calibration(X, y, folds, recipe.model, seed=recipe.seed)
    models = {
        "model": calibrated_model(X, y, folds, recipe.model, method=method, seed=recipe.seed),
        "logistic": logistic_baseline(c=recipe.baselines.logistic_c, seed=recipe.seed).fit(X, y),
        "exception_count": ExceptionCountClassifier().fit(X, y),
    }
    return models, method, losses


def score_models(
    models: dict[str, Any], X: FloatArray, y: npt.NDArray[np.int64], threshold: float
) -> tuple[dict[str, FloatArray], dict[str, dict[str, float]]]:
    """Return each model's probabilities on ``X`` and its metrics against ``y``."""
    probabilities = {name: models[name].predict_proba(X)[:, 1] for name in MODEL_NAMES}
    metrics = {}
    for name in MODEL_NAMES:
        ranking = models[name].decision_function(X) if name == "exception_count" else None
        cut = threshold if name == "model" else None
        metrics[name] = classifier_metrics(y, probabilities[name], ranking=ranking, threshold=cut)
    return probabilities, metrics


def train(dataset: RiskDataset, recipe: Recipe) -> TrainingRun:
    """Fit the dispute and delay models and their baselines; score them on held-out rows.

    Tree building runs on one OpenMP thread: on a shared machine a second thread that has
    to wait for a core costs far more than it saves, and one thread keeps sums in a fixed
    order, so the run is reproducible bit for bit.
    """
    with threadpool_limits(limits=1, user_api="openmp"):
        return _train(dataset, recipe)


def _train(dataset: RiskDataset, recipe: Recipe) -> TrainingRun:
    split = split_dataset(dataset, recipe)
    train_rows, test_rows = dataset.subset(split.train), dataset.subset(split.test)
    folds = customer_folds(
        train_rows.customers, n_folds=recipe.split.calibration_folds, seed=recipe.seed
    )
    X_train, X_test = train_rows.features, test_rows.features
    targets: dict[str, TargetFit] = {}
    for target in ("dispute", "delay"):
        y_train = target_labels(train_rows, target, recipe)
        y_test = target_labels(test_rows, target, recipe)
        models, method, losses = _fit_target(X_train, y_train, folds, recipe)
        held_out = models["model"].predict_proba(X_test)[:, 1]
        threshold = threshold_for_capacity(held_out, recipe.thresholds.queue_capacity)
        probabilities, metrics = score_models(models, X_test, y_test, threshold)
        targets[target] = TargetFit(
            models=models,
            calibration=method,
            calibration_log_loss=losses,
            threshold=threshold,
            test_labels=y_test,
            test_probabilities=probabilities,
            metrics=metrics,
            positive_rate=round(float(y_train.mean()), 6),
        )
    reference = np.median(X_train, axis=0)
    return TrainingRun(recipe, dataset, split, targets, reference)
