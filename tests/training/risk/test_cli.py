"""``triage train | evaluate | tune-threshold``: options, exit codes and messages."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import typer
from typer.testing import CliRunner

from tests.training.risk.conftest import copy_registry
from training.risk.cli import register
from training.risk.dataset import RiskDataset, write_snapshot
from triage.scoring.registry import ModelRegistry

runner = CliRunner()
app = typer.Typer()
register(app)


def test_tune_threshold_for_a_capacity_on_held_out_predictions(
    tmp_path: Path, registry: ModelRegistry
) -> None:
    private = copy_registry(registry, tmp_path)
    args = ["tune-threshold", "--version", "risk-2026.11.1", "--registry", str(private.root)]
    result = runner.invoke(app, [*args, "--capacity", "0.2", "--save"])
    assert result.exit_code == 0, result.output
    assert "queue load" in result.output
    assert (
        private.metadata("risk-2026.11.1")
        .targets["dispute"]
        .threshold_rule.startswith("queue capacity 0.2")
    )


def test_an_unknown_version_exits_2(registry: ModelRegistry) -> None:
    for command in (["tune-threshold", "--capacity", "0.2"], ["evaluate", "--generate", "5"]):
        args = [*command, "--version", "risk-1999.1.1", "--registry", str(registry.root)]
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert "risk-1999.1.1" in result.output


def test_capacity_and_precision_together_exit_2(registry: ModelRegistry) -> None:
    args = ["tune-threshold", "--version", "risk-2026.11.1", "--registry", str(registry.root)]
    result = runner.invoke(app, [*args, "--capacity", "0.2", "--precision", "0.5"])
    assert result.exit_code == 2 and "exactly one" in result.output


def test_an_impossible_precision_exits_2(registry: ModelRegistry) -> None:
    args = ["tune-threshold", "--version", "risk-2026.11.1", "--registry", str(registry.root)]
    result = runner.invoke(app, [*args, "--precision", "1.5"])
    assert result.exit_code == 2 and "precision must be in (0, 1]" in result.output


def test_train_from_a_snapshot_registers_a_version(
    tmp_path: Path, deals: RiskDataset, small_recipe_file: Path
) -> None:
    snapshot = write_snapshot(deals.subset(np.arange(400)), tmp_path / "snap")
    out = tmp_path / "models" / "risk"
    args = ["train", "--snapshot", str(snapshot), "--out", str(out), "--version", "risk-2026.1.1"]
    result = runner.invoke(app, [*args, "--recipe", str(small_recipe_file)])
    assert result.exit_code == 0, result.output
    assert ModelRegistry(out).versions() == ["risk-2026.1.1"]
    assert "registered risk-2026.1.1" in result.output
