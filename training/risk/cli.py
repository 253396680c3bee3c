"""``triage train``, ``triage evaluate``, ``triage tune-threshold``: the data scientists' commands.

They plug into the ``triage`` CLI through the ``triage.commands`` entry point
(``risk = "training.risk.cli:register"``); each parses its options, calls one function of
this package and prints. Bad input (an unknown version, an unreachable precision) exits 2.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.table import Column, Table

from training.risk.evaluation import evaluate_version, load_trained, write_report
from training.risk.publish import publish
from training.risk.recipe import DEFAULT_RECIPE, load_recipe
from training.risk.sources import DatasetRequest, load_dataset, risk_work_dir
from training.risk.threshold_commands import tune
from training.risk.training import train as fit
from triage.cli._console import console, err_console, fail, handles_errors
from triage.config import get_settings
from triage.scoring.registry import ModelRegistry

__all__ = ["register"]

CasesOption = Annotated[Path | None, typer.Option("--cases", help="A folder of labelled cases.")]
SnapshotOption = Annotated[
    Path | None, typer.Option("--snapshot", help="A dataset snapshot (.npz) written earlier.")
]
Route = Literal["pdf", "labels"]
SHOWN = ("roc_auc", "pr_auc", "brier", "ece", "queue_load", "precision", "recall")
HEADERS = ("roc", "pr", "brier", "ece", "queue", "prec", "recall")


def _registry(out: Path | None) -> ModelRegistry:
    return ModelRegistry(out or get_settings().models_dir / "risk")


def _print_metrics(metrics: dict[str, dict[str, dict[str, float]]]) -> None:
    table = Table(Column("target", no_wrap=True), Column("model", no_wrap=True), *HEADERS, box=None)
    for target, models in metrics.items():
        for name, values in models.items():
            cells = [f"{values[m]:.4f}" if m in values else "" for m in SHOWN]
            table.add_row(target, name, *cells)
    console.print(table)


def _report_skip(case: str, error: Exception) -> None:
    err_console.print(f"[yellow]skipped {case}:[/] {error}", highlight=False)


@handles_errors
def train(
    cases: CasesOption = None,
    snapshot: SnapshotOption = None,
    from_outcomes: Annotated[
        bool, typer.Option("--from-outcomes", help="Train on outcomes recorded by the API.")
    ] = False,
    recipe_path: Annotated[Path, typer.Option("--recipe", help="The recipe YAML.")] = (
        DEFAULT_RECIPE
    ),
    out: Annotated[Path | None, typer.Option("--out", help="Registry folder.")] = None,
    version: Annotated[str | None, typer.Option("--version", help="Version name.")] = None,
    extraction: Annotated[
        Route | None, typer.Option("--extraction", help="pdf (real) or labels (fast).")
    ] = None,
    promote: Annotated[bool, typer.Option("--promote", help="Promote the new version.")] = False,
) -> None:
    """Train the dispute and delay models beside both baselines and register a version."""
    recipe, settings = load_recipe(recipe_path), get_settings()
    request = DatasetRequest(cases, snapshot, from_outcomes, extraction)
    err_console.print("building the dataset (extractions are cached by sha256)…")
    dataset, snapshot_path = load_dataset(request, recipe, settings, on_skip=_report_skip)
    err_console.print(f"dataset {dataset.sha256()[:16]}: {len(dataset)} orders -> {snapshot_path}")
    started = time.perf_counter()
    run = fit(dataset, recipe)
    seconds = time.perf_counter() - started
    registry = _registry(out)
    name = version or registry.next_version(date.today())
    folder = publish(run, registry, version=name)
    _print_metrics({target: fit_.metrics for target, fit_ in run.targets.items()})
    console.print(f"{run.split.describe()}; trained in {seconds:.1f} s", highlight=False)
    console.print(f"registered {name} in {folder}", highlight=False)
    for other in registry.versions():
        earlier = registry.metadata(other)
        if other != name and earlier.predictions_sha256 == run.predictions_sha256():
            console.print(f"identical predictions to {other}: reproduced", highlight=False)
    if promote:
        registry.promote(name)
        console.print(f"promoted {name}", highlight=False)


@handles_errors
def evaluate(
    version: Annotated[str, typer.Option("--version", help="The version to evaluate.")],
    cases: CasesOption = None,
    snapshot: SnapshotOption = None,
    generate: Annotated[
        int | None, typer.Option("--generate", help="Generate N fresh cases to evaluate on.")
    ] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of generated cases.")] = 777,
    out: Annotated[Path | None, typer.Option("--out", help="Report folder.")] = None,
    models_out: Annotated[Path | None, typer.Option("--registry", help="Registry folder.")] = None,
) -> None:
    """Print and save ROC-AUC, PR-AUC, Brier, ECE, plots and the queue load at the threshold."""
    if cases is None and snapshot is None and generate is None:
        fail("give --cases, --snapshot or --generate N")
    trained = load_trained(_registry(models_out), version)
    request = DatasetRequest(cases, snapshot, generate=generate, generate_seed=seed)
    dataset, _ = load_dataset(request, trained.recipe, get_settings(), on_skip=_report_skip)
    evaluation = evaluate_version(trained, dataset)
    report = out or risk_work_dir(get_settings()) / "evaluations" / (
        f"{version}-{evaluation.dataset_sha256[:12]}"
    )
    files = write_report(evaluation, report)
    _print_metrics(evaluation.metrics)
    console.print(f"{len(dataset)} orders; report: {', '.join(str(f) for f in files)}")


def register(app: typer.Typer) -> None:
    """Add ``train``, ``evaluate`` and ``tune-threshold`` to the ``triage`` CLI."""
    app.command("train")(train)
    app.command("evaluate")(evaluate)
    app.command("tune-threshold")(tune)
