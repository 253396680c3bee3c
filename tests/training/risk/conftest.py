"""Fixtures of the training tests: generated rows (no PDFs), a small recipe, one trained run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from tests.training.risk.serving import service_parts  # noqa: F401  (a shared fixture)
from training.risk.cases import dataset_from_generated_deals
from training.risk.dataset import RiskDataset
from training.risk.publish import publish
from training.risk.recipe import ModelSection, Recipe
from training.risk.training import TrainingRun, train
from triage.comparison import RulePack
from triage.config import REPO_ROOT
from triage.scoring.registry import ModelRegistry


@pytest.fixture(scope="session")
def rules() -> RulePack:
    """The shipped default rule pack."""
    return RulePack.load(REPO_ROOT / "rules" / "default.yaml")


@pytest.fixture(scope="session")
def deals(rules: RulePack) -> RiskDataset:
    """1,200 generated orders through the real rule pack and features (perfect reader)."""
    return dataset_from_generated_deals(rules, n=1200, seed=5)


@pytest.fixture(scope="session")
def small_recipe() -> Recipe:
    """The shipped recipe's shape with fewer trees, so a run takes seconds."""
    return Recipe(name="test", seed=7, model=ModelSection(max_iter=40, min_samples_leaf=20))


@pytest.fixture(scope="session")
def small_recipe_file(tmp_path_factory: pytest.TempPathFactory, small_recipe: Recipe) -> Path:
    """``small_recipe`` written as a YAML recipe file."""
    path = tmp_path_factory.mktemp("recipe") / "recipe.yaml"
    path.write_text(yaml.safe_dump(small_recipe.model_dump(mode="json")))
    return path


@pytest.fixture(scope="session")
def trained(deals: RiskDataset, small_recipe: Recipe) -> TrainingRun:
    """One training run on ``deals``."""
    return train(deals, small_recipe)


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory, trained: TrainingRun) -> ModelRegistry:
    """A registry holding ``trained`` as risk-2026.11.1."""
    root = tmp_path_factory.mktemp("models") / "risk"
    registry = ModelRegistry(root)
    publish(trained, registry, version="risk-2026.11.1")
    return registry


def copy_registry(registry: ModelRegistry, into: Path) -> ModelRegistry:
    """Return a private copy of ``registry`` that a test may change."""
    shutil.copytree(registry.root, into / "risk")
    return ModelRegistry(into / "risk")
