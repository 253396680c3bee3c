"""Training: reproducible, calibrated, beside both baselines; thresholds and metrics behave."""

from __future__ import annotations

import numpy as np
import pytest

from training.risk.baselines import ExceptionCountClassifier
from training.risk.dataset import RiskDataset
from training.risk.metrics import expected_calibration_error
from training.risk.recipe import Recipe
from training.risk.thresholds import threshold_for_capacity, threshold_for_precision
from training.risk.training import TrainingRun, train
from triage.errors import InputError


def test_the_same_data_and_seed_give_the_same_model_and_metrics(
    deals: RiskDataset, small_recipe: Recipe, trained: TrainingRun
) -> None:
    again = train(deals, small_recipe)
    assert again.predictions_sha256() == trained.predictions_sha256()
    assert {t: f.metrics for t, f in again.targets.items()} == {
        t: f.metrics for t, f in trained.targets.items()
    }


def test_another_seed_gives_another_split(
    deals: RiskDataset, small_recipe: Recipe, trained: TrainingRun
) -> None:
    other = train(deals, small_recipe.model_copy(update={"seed": 8}))
    assert other.predictions_sha256() != trained.predictions_sha256()


def test_held_out_probabilities_are_calibrated(trained: TrainingRun) -> None:
    for target, fit in trained.targets.items():
        model = fit.metrics["model"]
        assert abs(model["mean_prediction"] - model["positive_rate"]) < 0.05, target
        assert model["ece"] < 0.08, target
        assert fit.calibration in {"sigmoid", "isotonic"}


def test_the_model_ranks_disputes_better_than_counting_exceptions(trained: TrainingRun) -> None:
    metrics = trained.targets["dispute"].metrics
    assert metrics["model"]["roc_auc"] > metrics["exception_count"]["roc_auc"]
    assert set(metrics) == {"model", "logistic", "exception_count"}


def test_expected_calibration_error_sees_overconfidence() -> None:
    rng = np.random.default_rng(0)
    probabilities = rng.uniform(0, 1, 20_000)
    outcomes = (rng.uniform(0, 1, 20_000) < probabilities).astype(np.int64)
    assert expected_calibration_error(outcomes, probabilities) < 0.02
    overconfident = np.clip(probabilities * 1.6 - 0.3, 0, 1)
    assert expected_calibration_error(outcomes, overconfident) > 0.08


def test_the_exception_count_baseline_ranks_by_the_count() -> None:
    counts = np.array([[0.0], [0.0], [1.0], [2.0], [3.0], [3.0]])
    labels = np.array([0, 0, 0, 1, 1, 1])
    baseline = ExceptionCountClassifier(column=0).fit(counts, labels)
    np.testing.assert_array_equal(baseline.decision_function(counts), counts[:, 0])
    positive = baseline.predict_proba(counts)[:, 1]
    assert np.all(np.diff(positive) >= 0) and positive[-1] == 1.0


def test_a_capacity_threshold_never_overfills_the_queue() -> None:
    scores = np.array([0.9, 0.8, 0.8, 0.5, 0.4, 0.3, 0.2, 0.1, 0.1, 0.05])
    threshold = threshold_for_capacity(scores, 0.25)
    assert np.mean(scores >= threshold) <= 0.25
    assert threshold == 0.9  # 0.8 would take three of ten orders


def test_a_precision_threshold_reaches_the_precision_or_says_it_cannot() -> None:
    labels = np.array([1, 1, 0, 1, 0, 0, 0, 0])
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2])
    threshold = threshold_for_precision(labels, scores, 0.75)
    flagged = scores >= threshold
    assert labels[flagged].mean() >= 0.75 and threshold == 0.6
    with pytest.raises(InputError, match="no threshold reaches"):
        threshold_for_precision(np.array([0, 1, 0, 0]), np.array([0.9, 0.1, 0.8, 0.7]), 0.9)


def test_a_time_split_holds_out_the_latest_orders(deals: RiskDataset, small_recipe: Recipe) -> None:
    recipe = small_recipe.model_copy(
        update={"split": small_recipe.split.model_copy(update={"kind": "time"})}
    )
    run = train(deals, recipe)
    train_dates, test_dates = deals.order_dates[run.split.train], deals.order_dates[run.split.test]
    assert run.split.kind == "time" and train_dates.max() <= test_dates.min()
    assert set(run.targets) == {"dispute", "delay"}
