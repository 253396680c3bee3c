"""``triage models list | show V | compare A B | promote V | rollback``: the model registry.

These commands only read and move the promoted pointer under ``MODELS_DIR/risk``; training
lives in the ``training`` package (``triage train``, ``evaluate``, ``tune-threshold``).
An unknown version exits 2 with a message on stderr.
"""

from __future__ import annotations

import math
from typing import Annotated

import typer
from rich.table import Column, Table

from triage.cli._console import console, handles_errors
from triage.config import get_settings
from triage.scoring.registry import ModelRegistry

__all__ = ["register"]

SUMMARY_METRICS = ("roc_auc", "pr_auc", "brier", "ece")


def _registry() -> ModelRegistry:
    return ModelRegistry(get_settings().models_dir / "risk")


def _number(value: float | None) -> str:
    if value is None or math.isnan(value):
        return "-"
    return f"{value:.4f}"


@handles_errors
def list_versions() -> None:
    """List every stored version with its held-out dispute and delay ROC-AUC and ECE."""
    registry = _registry()
    promoted = registry.promoted()
    table = Table(
        Column("version", no_wrap=True),
        "live",
        "dataset",
        "dispute auc",
        "dispute ece",
        "delay auc",
    )
    for version in registry.versions():
        metadata = registry.metadata(version)
        dispute = metadata.metrics.get("dispute", {}).get("model", {})
        delay = metadata.metrics.get("delay", {}).get("model", {})
        table.add_row(
            version,
            "*" if version == promoted else "",
            metadata.dataset.sha256[:12],
            _number(dispute.get("roc_auc")),
            _number(dispute.get("ece")),
            _number(delay.get("roc_auc")),
        )
    console.print(table)
    if not registry.versions():
        console.print(f"no model versions in {registry.root}", highlight=False)


@handles_errors
def show(version: Annotated[str, typer.Argument(help="A version, e.g. risk-2026.11.1.")]) -> None:
    """Print one version's metadata as JSON."""
    metadata = _registry().metadata(version)
    typer.echo(metadata.model_dump_json(indent=2, exclude={"reference"}))


@handles_errors
def compare(
    a: Annotated[str, typer.Argument(help="The first version.")],
    b: Annotated[str, typer.Argument(help="The second version.")],
) -> None:
    """Print both versions' held-out metrics side by side, with B minus A."""
    table = Table(
        "target", "model", "metric", Column(a, no_wrap=True), Column(b, no_wrap=True), "b - a"
    )
    for row in _registry().compare(a, b):
        if row.metric not in SUMMARY_METRICS:
            continue
        delta = None if row.a is None or row.b is None else row.b - row.a
        table.add_row(
            row.target, row.model, row.metric, _number(row.a), _number(row.b), _number(delta)
        )
    console.print(table)


@handles_errors
def promote(version: Annotated[str, typer.Argument(help="The version to serve.")]) -> None:
    """Make VERSION the one the service loads (at its next start)."""
    event = _registry().promote(version)
    console.print(f"promoted {event.version} (was {event.previous or 'none'})", highlight=False)


@handles_errors
def rollback() -> None:
    """Return to the version promoted before the current one."""
    event = _registry().rollback()
    console.print(f"rolled back to {event.version} (was {event.previous})", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ``models`` command group to ``app``."""
    group = typer.Typer(help="The risk model registry.", no_args_is_help=True)
    group.command("list")(list_versions)
    group.command("show")(show)
    group.command("compare")(compare)
    group.command("promote")(promote)
    group.command("rollback")(rollback)
    app.add_typer(group, name="models")
