"""Writing a training run into the registry as a new version.

The version folder gets the serving artifact (``model.skops``), the baselines
(``baselines.skops``, read only by training), ``metadata.json``, ``MODEL_CARD.md`` and the
held-out report (``heldout/``). The serving artifact is loaded back through the service's
allow-list before anything is written, so a version the service cannot load never exists.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import skops.io as sio

import triage
from training.risk.card import model_card
from training.risk.evaluation import BASELINES_FILE, Evaluation, write_report
from training.risk.training import TrainingRun
from triage.errors import Conflict
from triage.scoring.artifact import load_artifact
from triage.scoring.features import FEATURE_NAMES, FEATURE_SET
from triage.scoring.metadata import DatasetInfo, ModelMetadata, TargetInfo
from triage.scoring.registry import ModelRegistry
from triage.scoring.scorer import ARTIFACT_FILE, TARGETS

__all__ = ["code_version", "publish", "record_threshold"]


def code_version() -> str:
    """Return the package version and, in a git checkout, the commit (``+dirty`` if edited)."""
    root = Path(triage.__file__).resolve().parent.parent
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True, text=True
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=root,
            capture_output=True,
            text=True,
        ).stdout.strip()
    except OSError:
        return triage.__version__
    if not commit:
        return triage.__version__
    return f"{triage.__version__}+{commit}{'.dirty' if status else ''}"


def _metadata(run: TrainingRun, version: str, artifact_sha: str) -> ModelMetadata:
    recipe = run.recipe
    definitions = {
        "dispute": "the first invoice is disputed",
        "delay": f"paid or invoiced more than {recipe.targets.delay_threshold_days} days late",
    }
    targets = {
        target: TargetInfo(
            definition=definitions[target],
            calibration=fit.calibration,
            threshold=fit.threshold,
            threshold_rule=f"queue capacity {recipe.thresholds.queue_capacity} on held-out",
            positive_rate=fit.positive_rate,
        )
        for target, fit in run.targets.items()
    }
    return ModelMetadata(
        version=version,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        feature_set=FEATURE_SET,
        feature_names=list(FEATURE_NAMES),
        reference=[float(value) for value in run.reference],
        explains=recipe.explain,
        targets=targets,
        metrics={target: fit.metrics for target, fit in run.targets.items()},
        dataset=DatasetInfo(
            sha256=run.dataset.sha256(),
            source=run.dataset.source,
            rows=len(run.dataset),
            customers=int(np.unique(run.dataset.customers).size),
            split=run.split.describe(),
        ),
        code_version=code_version(),
        seed=recipe.seed,
        recipe=recipe.model_dump(mode="json"),
        artifact_sha256=artifact_sha,
        predictions_sha256=run.predictions_sha256(),
    )


def publish(run: TrainingRun, registry: ModelRegistry, *, version: str) -> Path:
    """Write ``run`` as ``version`` under the registry root; return the version folder."""
    final = registry.root / version
    if final.exists():
        raise Conflict(f"model version {version} already exists in {registry.root}")
    registry.root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=registry.root))
    staging.chmod(0o755)  # mkdtemp makes it private; a version is read by the service user
    try:
        main = {target: run.targets[target].models["model"] for target in TARGETS}
        sio.dump(main, staging / ARTIFACT_FILE)
        load_artifact(staging / ARTIFACT_FILE)  # the service's allow-list must accept it
        baselines = {
            target: {n: m for n, m in run.targets[target].models.items() if n != "model"}
            for target in TARGETS
        }
        sio.dump(baselines, staging / BASELINES_FILE)
        artifact_sha = hashlib.sha256((staging / ARTIFACT_FILE).read_bytes()).hexdigest()
        metadata = _metadata(run, version, artifact_sha)
        metadata.write(staging)
        (staging / "MODEL_CARD.md").write_text(model_card(metadata))
        test = run.dataset.subset(run.split.test)
        heldout = Evaluation(
            version=version,
            dataset_sha256=test.sha256(),
            labels={t: run.targets[t].test_labels for t in TARGETS},
            probabilities={t: run.targets[t].test_probabilities for t in TARGETS},
            metrics=metadata.metrics,
            thresholds={t: run.targets[t].threshold for t in TARGETS},
        )
        write_report(heldout, staging / "heldout")
        staging.rename(final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return final


def record_threshold(
    registry: ModelRegistry, version: str, target: str, threshold: float, rule: str
) -> Path:
    """Store a tuned threshold in ``version``'s metadata and model card; return the folder.

    The artifact is untouched (its hash still matches); only the recommendation changes.
    """
    folder = registry.path(version)
    metadata = registry.metadata(version)
    if target not in metadata.targets:
        raise Conflict(f"{version} has no target {target!r}")
    info = metadata.targets[target].model_copy(
        update={"threshold": threshold, "threshold_rule": rule}
    )
    updated = metadata.model_copy(update={"targets": {**metadata.targets, target: info}})
    updated.write(folder)
    (folder / "MODEL_CARD.md").write_text(model_card(updated))
    return folder
