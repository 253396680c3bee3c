"""The risk model registry as the API shows it: list the versions, promote one.

Promotion writes the registry's pointer. Every server process scores with a
``triage.components.PromotedScorer``, which reads the pointer before each order, so the
first order scored after the promotion - in every process - uses the new version.
"""

from __future__ import annotations

from pathlib import Path

from triage.errors import NotFound
from triage.scoring.registry import ModelRegistry
from triage.service.schemas import RiskModelInfo, RiskModelList

__all__ = ["list_risk_models", "promote_risk_model"]


def _registry(models_dir: Path) -> ModelRegistry:
    return ModelRegistry(models_dir / "risk")


def list_risk_models(models_dir: Path) -> RiskModelList:
    """Return every registered risk model version, its metadata, and the promoted one."""
    registry = _registry(models_dir)
    active = registry.promoted()
    models = [
        RiskModelInfo(
            version=version,
            active=version == active,
            metadata=registry.metadata(version).model_dump(mode="json"),
        )
        for version in registry.versions()
    ]
    return RiskModelList(source="registry", active=active, models=models)


def promote_risk_model(models_dir: Path, version: str) -> RiskModelList:
    """Make ``version`` the promoted risk model and return the updated list."""
    registry = _registry(models_dir)
    if version not in registry.versions():
        raise NotFound(f"risk model {version!r} is not in the registry")
    registry.promote(version)
    return list_risk_models(models_dir)
