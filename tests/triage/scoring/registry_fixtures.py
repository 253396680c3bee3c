"""Registry folders for tests: versions with metadata only (no artifact needed)."""

from __future__ import annotations

from pathlib import Path

from triage.scoring.features import FEATURE_NAMES, FEATURE_SET
from triage.scoring.metadata import DatasetInfo, ModelMetadata, TargetInfo


def metadata(version: str, *, dispute_auc: float = 0.7) -> ModelMetadata:
    """Return plausible metadata of ``version`` with the given dispute ROC-AUC."""
    target = TargetInfo(
        definition="the first invoice is disputed",
        calibration="sigmoid",
        threshold=0.3,
        threshold_rule="queue capacity 0.3",
        positive_rate=0.15,
    )
    return ModelMetadata(
        version=version,
        created_at="2026-11-01T00:00:00+00:00",
        feature_set=FEATURE_SET,
        feature_names=list(FEATURE_NAMES),
        reference=[0.0] * len(FEATURE_NAMES),
        explains="dispute",
        targets={"dispute": target, "delay": target},
        metrics={
            "dispute": {"model": {"roc_auc": dispute_auc, "ece": 0.02}},
            "delay": {"model": {"roc_auc": 0.7, "ece": 0.03}},
        },
        dataset=DatasetInfo(sha256="b" * 64, source="test", rows=10, customers=10, split="x"),
        code_version="test",
        seed=1,
        recipe={},
        artifact_sha256="c" * 64,
        predictions_sha256="d" * 64,
    )


def add_version(root: Path, version: str, *, dispute_auc: float = 0.7) -> Path:
    """Write a version folder holding only metadata.json; return the folder."""
    folder = root / version
    folder.mkdir(parents=True)
    metadata(version, dispute_auc=dispute_auc).write(folder)
    return folder
