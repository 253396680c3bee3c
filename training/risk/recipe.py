"""The training recipe: every choice of a training run, read from a committed YAML file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from triage.errors import ConfigError

__all__ = ["DEFAULT_RECIPE", "Recipe", "load_recipe"]

DEFAULT_RECIPE = Path(__file__).with_name("recipe.yaml")
"""The recipe of the shipped default model."""


class Section(BaseModel):
    """Immutable; an unknown key in the recipe is an error, not a silent default."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class DataSection(Section):
    """Where the training rows come from when no dataset is given explicitly."""

    generate_cases: Annotated[int, Field(ge=50)] = 2000
    generate_seed: int = 4242
    extraction: Literal["pdf", "labels"] = "pdf"


class TargetSection(Section):
    """How outcomes become labels."""

    delay_threshold_days: Annotated[int, Field(ge=0)] = 15


class SplitSection(Section):
    """How rows are split into training and held-out test rows."""

    kind: Literal["customer", "time"] = "customer"
    test_fraction: Annotated[float, Field(gt=0, lt=0.5)] = 0.2
    calibration_folds: Annotated[int, Field(ge=2, le=10)] = 3


class ModelSection(Section):
    """Hyper-parameters of the gradient-boosted model and the calibrations tried."""

    max_iter: Annotated[int, Field(ge=10)] = 50
    learning_rate: Annotated[float, Field(gt=0, le=1)] = 0.2
    max_depth: Annotated[int, Field(ge=1)] | None = 2
    max_leaf_nodes: Annotated[int, Field(ge=2)] | None = None
    min_samples_leaf: Annotated[int, Field(ge=1)] = 40
    l2_regularization: Annotated[float, Field(ge=0)] = 1.0
    calibration_methods: list[Literal["sigmoid", "isotonic"]] = ["sigmoid", "isotonic"]


class BaselineSection(Section):
    """Settings of the logistic-regression baseline."""

    logistic_c: Annotated[float, Field(gt=0)] = 1.0


class ThresholdSection(Section):
    """How the first thresholds of a new version are chosen."""

    queue_capacity: Annotated[float, Field(gt=0, lt=1)] = 0.3


class Recipe(Section):
    """Everything a training run needs besides the data."""

    name: str
    seed: int
    data: DataSection = DataSection()
    targets: TargetSection = TargetSection()
    split: SplitSection = SplitSection()
    model: ModelSection = ModelSection()
    baselines: BaselineSection = BaselineSection()
    thresholds: ThresholdSection = ThresholdSection()
    explain: Literal["dispute", "delay"] = "dispute"


def load_recipe(path: Path = DEFAULT_RECIPE) -> Recipe:
    """Return the recipe in ``path``; ConfigError if it is missing or invalid."""
    try:
        document = yaml.safe_load(path.read_text())
        return Recipe.model_validate(document)
    except FileNotFoundError:
        raise ConfigError(f"recipe {path} does not exist") from None
    except (yaml.YAMLError, ValidationError) as error:
        raise ConfigError(f"recipe {path} is invalid: {error}") from None
