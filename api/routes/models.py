"""The risk model registry."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import ModelPromoter, ModelReader, RuntimeDep
from triage.service import list_risk_models, promote_risk_model
from triage.service.schemas import RiskModelList

router = APIRouter(prefix="/v1/models", tags=["models"])


@router.get("", response_model=RiskModelList, summary="Risk model versions")
def models(caller: ModelReader, runtime: RuntimeDep) -> RiskModelList:
    """Return the registered risk model versions and the active one."""
    return list_risk_models(runtime.settings.models_dir)


@router.post("/{version}/promote", response_model=RiskModelList, summary="Activate a version")
def promote(
    version: Annotated[str, Path(pattern=r"^[A-Za-z0-9._-]{1,64}$")],
    caller: ModelPromoter,
    runtime: RuntimeDep,
) -> RiskModelList:
    """Make ``version`` the model that scores new orders."""
    return promote_risk_model(runtime.settings.models_dir, version)
