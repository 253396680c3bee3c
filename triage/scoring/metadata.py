"""What a registered model version says about itself (``metadata.json``).

Training writes it, the registry lists and compares it, the scorer reads the feature list,
the reference vector for explanations and the thresholds from it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from triage.errors import ConfigError

__all__ = ["DatasetInfo", "ModelMetadata", "TargetInfo", "read_metadata"]

METADATA_FILE = "metadata.json"


class FrozenModel(BaseModel):
    """Immutable, and an unknown key in the file is an error rather than ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class DatasetInfo(FrozenModel):
    """The dataset snapshot a version was trained on."""

    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    source: str
    rows: int
    customers: int
    split: str


class TargetInfo(FrozenModel):
    """One predicted outcome: its definition, the calibration chosen and the threshold."""

    definition: str
    calibration: str
    threshold: Annotated[float, Field(ge=0, le=1)]
    threshold_rule: str
    positive_rate: float


class ModelMetadata(FrozenModel):
    """Everything recorded about one trained version."""

    version: str
    created_at: str
    feature_set: str
    feature_names: list[str]
    reference: list[float] = Field(description="Per-feature reference values for attribution.")
    explains: str = Field(description="The target whose score the top factors explain.")
    targets: dict[str, TargetInfo]
    metrics: dict[str, dict[str, dict[str, float]]] = Field(
        description="target -> model (model, logistic, exception_count) -> metric -> value"
    )
    dataset: DatasetInfo
    code_version: str
    seed: int
    recipe: dict[str, Any]
    artifact_sha256: str = Field(description="sha256 of model.skops, checked at load.")
    predictions_sha256: str = Field(
        description="sha256 of the held-out predictions: equal for a reproduced model."
    )

    def write(self, directory: Path) -> Path:
        """Write ``metadata.json`` into ``directory`` and return its path."""
        path = directory / METADATA_FILE
        path.write_text(json.dumps(self.model_dump(mode="json"), indent=2, sort_keys=True) + "\n")
        return path


def read_metadata(directory: Path) -> ModelMetadata:
    """Return the metadata of the version stored in ``directory``; ConfigError if unreadable."""
    path = directory / METADATA_FILE
    try:
        return ModelMetadata.model_validate_json(path.read_bytes())
    except FileNotFoundError:
        raise ConfigError(f"{path} does not exist") from None
    except ValidationError as error:
        raise ConfigError(f"{path} is not valid model metadata: {error}") from None
