"""The RiskScorer the service runs: a registered model version, loaded once.

``load_promoted_scorer`` is what ``load_components`` calls: the promoted version under
``models_dir/risk``, or :class:`~triage.scoring.unscored.Unscored` when nothing is promoted.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt
from threadpoolctl import ThreadpoolController

from triage.contract import (
    BillingException,
    Customer,
    CustomerHistory,
    Extraction,
    Quote,
    RiskScore,
)
from triage.errors import ConfigError, NotFound
from triage.pipeline import RiskScorer
from triage.scoring.artifact import load_artifact
from triage.scoring.explanations import occlusion_attribution, top_factors
from triage.scoring.features import FEATURE_NAMES, FEATURE_SET, OrderFeatures, order_features
from triage.scoring.metadata import ModelMetadata, read_metadata
from triage.scoring.registry import ModelRegistry
from triage.scoring.unscored import Unscored

__all__ = ["ARTIFACT_FILE", "TARGETS", "RiskModelScorer", "load_promoted_scorer"]

ARTIFACT_FILE = "model.skops"
TARGETS = ("dispute", "delay")
FloatArray = npt.NDArray[np.float64]


class ProbabilisticClassifier(Protocol):
    """What the scorer needs of a fitted model: positive-class probabilities."""

    def predict_proba(self, features: FloatArray) -> FloatArray: ...


class RiskModelScorer:
    """Scores orders with one model version's dispute and delay classifiers."""

    def __init__(
        self,
        models: dict[str, ProbabilisticClassifier],
        metadata: ModelMetadata,
        *,
        factor_limit: int = 5,
    ) -> None:
        if tuple(metadata.feature_names) != FEATURE_NAMES or metadata.feature_set != FEATURE_SET:
            raise ConfigError(
                f"model {metadata.version} was trained on feature set {metadata.feature_set} "
                f"with {len(metadata.feature_names)} features; this build computes "
                f"{FEATURE_SET} with {len(FEATURE_NAMES)}"
            )
        missing = [target for target in TARGETS if target not in models]
        if missing:
            raise ConfigError(f"model {metadata.version} has no classifier for {missing}")
        self.version = metadata.version
        self.metadata = metadata
        self._models = models
        self._reference = np.asarray(metadata.reference, dtype=np.float64)
        self._typical_history = _typical_history(metadata)
        self._factor_limit = factor_limit
        # One order at a time: OpenMP threads cost more to wake than the trees take to walk.
        self._threads = ThreadpoolController()

    @classmethod
    def load(cls, directory: Path) -> RiskModelScorer:
        """Return the scorer of the version stored in ``directory``."""
        metadata = read_metadata(directory)
        path = directory / ARTIFACT_FILE
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() != (
            metadata.artifact_sha256
        ):
            raise ConfigError(f"{path} does not match the artifact hash in its metadata")
        artifact: Any = load_artifact(path)
        if not isinstance(artifact, dict):
            raise ConfigError(f"{directory / ARTIFACT_FILE} does not hold a target -> model map")
        return cls(artifact, metadata)

    def score(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
        *,
        thresholds: Mapping[str, float] | None = None,
    ) -> RiskScore:
        """Return the calibrated dispute and delay risk of one order, with its top factors.

        With the routing policy's ``thresholds``, the factors explain the target that stands
        highest against its threshold (the one that sends the order to review, or comes
        nearest to); without, the target the model's metadata names.
        """
        features = order_features(extraction, exceptions, quote, customer)
        return self.score_features(features, thresholds=thresholds)

    def score_features(
        self, features: OrderFeatures, *, thresholds: Mapping[str, float] | None = None
    ) -> RiskScore:
        """Return the risk of one order from its feature vector (``score`` says which
        target the top factors explain)."""
        with self._threads.limit(limits=1, user_api="openmp"):
            scores = self._scores(features)
            explained = self._explained_target(scores, thresholds)
            scores[explained], contributions = occlusion_attribution(
                self._probability(explained), features.values, self._reference
            )
        return RiskScore(
            dispute=round(scores["dispute"], 4),
            delay=round(scores["delay"], 4),
            model_version=self.version,
            top_factors=top_factors(features.names, contributions, limit=self._factor_limit),
        )

    def order_risk(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
    ) -> dict[str, float]:
        """Return the order's own dispute and delay risk: the same model, with the
        customer's payment history replaced by a typical one (the training reference), so
        that what is left is what this order's terms and exceptions add."""
        typical = customer.model_copy(update={"history": self._typical_history})
        features = order_features(extraction, exceptions, quote, typical)
        with self._threads.limit(limits=1, user_api="openmp"):
            scores = self._scores(features)
        return {target: round(score, 4) for target, score in scores.items()}

    def _scores(self, features: OrderFeatures) -> dict[str, float]:
        """Return each target's probability for one feature vector."""
        row = features.values[None, :]
        return {target: float(self._probability(target)(row)[0]) for target in TARGETS}

    def _explained_target(
        self, scores: Mapping[str, float], thresholds: Mapping[str, float] | None
    ) -> str:
        if not thresholds:
            return self.metadata.explains
        judged = [target for target in TARGETS if thresholds.get(target, 0) > 0]
        if not judged:
            return self.metadata.explains
        # Ties keep the model's own explained target first, then the order of TARGETS.
        judged.sort(key=lambda target: target != self.metadata.explains)
        return max(judged, key=lambda target: scores[target] / thresholds[target])

    def _probability(self, target: str) -> Callable[[FloatArray], FloatArray]:
        model = self._models[target]

        def positive_class(rows: FloatArray) -> FloatArray:
            return model.predict_proba(rows)[:, 1]

        return positive_class


def _typical_history(metadata: ModelMetadata) -> CustomerHistory:
    """The payment history at the model's reference values (medians of its training set)."""
    reference = dict(zip(metadata.feature_names, metadata.reference, strict=True))
    invoices = max(0, round(reference["history_invoices_12m"]))
    disputed = max(0, round(reference["history_disputed_invoices_12m"]))
    return CustomerHistory(
        invoices_12m=invoices,
        disputed_invoices_12m=min(invoices, disputed),
        avg_days_late_12m=max(0.0, reference["history_avg_days_late_12m"]),
    )


def load_promoted_scorer(models_dir: Path) -> RiskScorer:
    """Return the scorer of the promoted version under ``models_dir/risk``, or Unscored."""
    registry = ModelRegistry(models_dir / "risk")
    version = registry.promoted()
    if version is None:
        return Unscored()
    try:
        directory = registry.path(version)
    except NotFound:
        raise ConfigError(f"promoted model {version} is not in {registry.root}") from None
    return RiskModelScorer.load(directory)
