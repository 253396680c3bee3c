"""The risk model registry as the API shows it: list versions, promote one.

``triage.scoring.registry`` is the registry proper. Until it is installed this module
lists what is on disk under ``models/risk/<version>/`` (reading ``metadata.json`` when
present) and says so in ``source``; promotion then is refused, because without the
registry nothing would read the choice.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from triage.errors import Conflict, NotFound
from triage.service.schemas import RiskModelInfo, RiskModelList

__all__ = ["RegistryUnavailable", "list_risk_models", "promote_risk_model"]

REGISTRY_MODULE = "triage.scoring.registry"


class RegistryUnavailable(Conflict):
    """Promotion needs ``triage.scoring.registry``, which this build lacks."""

    code = "models.registry_unavailable"
    title = "Model registry not installed"


def _registry() -> Any | None:
    try:
        return importlib.import_module(REGISTRY_MODULE)
    except ImportError:
        return None


def _on_disk(models_dir: Path) -> list[RiskModelInfo]:
    root = models_dir / "risk"
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        meta_path = folder / "metadata.json"
        try:
            metadata = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
        except (OSError, ValueError):
            metadata = {"error": "metadata.json is unreadable"}
        found.append(RiskModelInfo(version=folder.name, active=False, metadata=metadata))
    return found


def list_risk_models(models_dir: Path) -> RiskModelList:
    """Return the risk model versions and the active one."""
    registry = _registry()
    if registry is not None and hasattr(registry, "list_models"):
        listed: RiskModelList = registry.list_models(models_dir)
        return listed
    return RiskModelList(source="directory", active=None, models=_on_disk(models_dir))


def promote_risk_model(models_dir: Path, version: str) -> RiskModelList:
    """Make ``version`` the active risk model and return the updated list."""
    registry = _registry()
    if registry is not None and hasattr(registry, "promote"):
        registry.promote(models_dir, version)
        return list_risk_models(models_dir)
    if version not in {m.version for m in _on_disk(models_dir)}:
        raise NotFound(f"risk model {version!r} is not under {models_dir / 'risk'}")
    raise RegistryUnavailable(
        f"cannot promote {version!r}: {REGISTRY_MODULE} is not installed in this build"
    )
