"""The trained parts: the label classifier (a spaCy textcat) and the confidence calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.config import get_settings
from triage.extraction.calibration import Calibration, StepMap, fit_step_map
from triage.extraction.label_model import LabelModel

LABELS_DIR = get_settings().models_dir / "extraction" / "labels"


@pytest.fixture(scope="module")
def label_model() -> LabelModel:
    model = LabelModel.load(LABELS_DIR)
    assert model is not None, "run python -m training.extraction.fit_label_model"
    return model


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Subscription Commencement", "start_date"),
        ("Purchase Order Ref", "po_number"),
        ("Customer Entity", "customer_legal_name"),
        ("Annual Uplift Cap", "renewal_uplift_cap_pct"),
    ],
)
def test_unlisted_labels_are_read_by_meaning(
    label_model: LabelModel, label: str, field: str
) -> None:
    found = label_model.field_of(label)
    assert found is not None and found[0] == field


@pytest.mark.parametrize("label", ["Email", "Phone Number", "Ship To", "Support Level", "Title"])
def test_labels_of_no_field_are_left_alone(label_model: LabelModel, label: str) -> None:
    assert label_model.field_of(label) is None


def test_no_trained_model_means_none(tmp_path: Path) -> None:
    assert LabelModel.load(tmp_path) is None


def test_calibration_is_monotone_and_shrinks_small_pools() -> None:
    raw = [0.5] * 10 + [0.7] * 10 + [0.95] * 50
    correct = [False] * 6 + [True] * 4 + [True] * 7 + [False] * 3 + [True] * 50
    step = fit_step_map(raw, correct)
    values = [step(score) for score in (0.5, 0.7, 0.95)]
    assert values == sorted(values)
    assert step(0.95) == pytest.approx(50 / 52, abs=1e-3)
    assert step(0.99) == step(0.95) and step(0.1) <= step(0.5)


def test_calibration_round_trips_through_json(tmp_path: Path) -> None:
    calibration = Calibration("test", {"currency": StepMap((0.5, 0.8), (0.6, 0.97))})
    calibration.save(tmp_path / "calibration.json")
    loaded = Calibration.load(tmp_path / "calibration.json")
    assert loaded == calibration
    assert loaded("currency", 0.85) == 0.97 and loaded("unknown_field", 0.42) == 0.42
    assert Calibration.load(tmp_path / "absent.json").version == "uncalibrated"
