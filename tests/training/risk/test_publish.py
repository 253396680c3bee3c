"""Publishing a run: the service can load it, the card and report exist, thresholds update."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.training.risk.conftest import copy_registry
from training.risk.dataset import RiskDataset
from training.risk.evaluation import evaluate_version, load_trained, write_report
from training.risk.publish import publish, record_threshold
from training.risk.training import TrainingRun
from triage.errors import Conflict
from triage.scoring.features import FEATURE_NAMES, OrderFeatures
from triage.scoring.registry import ModelRegistry
from triage.scoring.scorer import RiskModelScorer


def test_a_published_version_has_artifact_metadata_card_and_report(
    registry: ModelRegistry,
) -> None:
    folder = registry.path("risk-2026.11.1")
    for name in ["model.skops", "baselines.skops", "metadata.json", "MODEL_CARD.md"]:
        assert (folder / name).is_file(), name
    for name in ["dispute-calibration.png", "delay-precision-recall.png", "metrics.json"]:
        assert (folder / "heldout" / name).is_file(), name
    metadata = registry.metadata("risk-2026.11.1")
    assert metadata.feature_names == list(FEATURE_NAMES)
    assert metadata.seed == 7 and len(metadata.dataset.sha256) == 64
    card = (folder / "MODEL_CARD.md").read_text()
    for section in ["## Data", "## Metrics on held-out customers", "## Intended use", "## Limits"]:
        assert section in card


def test_the_service_scorer_loads_a_published_version(
    registry: ModelRegistry, trained: TrainingRun
) -> None:
    scorer = RiskModelScorer.load(registry.path("risk-2026.11.1"))
    test_rows = trained.dataset.subset(trained.split.test)
    first = test_rows.features[0]
    served = scorer.score_features(OrderFeatures(names=FEATURE_NAMES, values=first))
    expected = trained.targets["dispute"].test_probabilities["model"][0]
    assert served.dispute == pytest.approx(expected, abs=1e-4)


def test_evaluation_reports_every_model_with_plots(
    tmp_path: Path, registry: ModelRegistry, deals: RiskDataset
) -> None:
    evaluation = evaluate_version(load_trained(registry, "risk-2026.11.1"), deals)
    files = write_report(evaluation, tmp_path / "report")
    assert {f.name for f in files} >= {"metrics.json", "dispute-calibration.png"}
    assert all(f.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for f in files if f.suffix == ".png")
    report = json.loads((tmp_path / "report" / "metrics.json").read_text())
    assert set(report["metrics"]["dispute"]) == {"model", "logistic", "exception_count"}
    assert 0 <= report["metrics"]["dispute"]["model"]["queue_load"] <= 1


def test_a_tuned_threshold_is_recorded_without_touching_the_artifact(
    tmp_path: Path, registry: ModelRegistry
) -> None:
    private = copy_registry(registry, tmp_path)
    record_threshold(private, "risk-2026.11.1", "dispute", 0.42, "precision 0.6")
    assert private.metadata("risk-2026.11.1").targets["dispute"].threshold == 0.42
    assert "0.4200" in (private.path("risk-2026.11.1") / "MODEL_CARD.md").read_text()
    RiskModelScorer.load(private.path("risk-2026.11.1"))  # artifact hash still matches


def test_a_version_is_never_overwritten(registry: ModelRegistry, trained: TrainingRun) -> None:
    with pytest.raises(Conflict, match="already exists"):
        publish(trained, registry, version="risk-2026.11.1")
