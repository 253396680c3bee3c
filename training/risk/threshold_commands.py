"""``triage tune-threshold``: pick a version's threshold for a queue capacity or a precision.

By default it tunes on the version's held-out predictions (saved at training time); give
``--cases`` or ``--snapshot`` to tune on other labelled orders. ``--save`` records the
threshold in the version's metadata and model card.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from training.risk.evaluation import evaluate_version, load_trained, read_predictions
from training.risk.metrics import classifier_metrics
from training.risk.publish import record_threshold
from training.risk.sources import DatasetRequest, load_dataset
from training.risk.thresholds import threshold_for_capacity, threshold_for_precision
from triage.cli._console import console, fail, handles_errors
from triage.config import get_settings
from triage.scoring.registry import ModelRegistry

__all__ = ["tune"]


@handles_errors
def tune(
    version: Annotated[str, typer.Option("--version", help="The version to tune.")],
    capacity: Annotated[
        float | None, typer.Option("--capacity", help="Share of orders the queue can take.")
    ] = None,
    precision: Annotated[
        float | None, typer.Option("--precision", help="Precision the queue must reach.")
    ] = None,
    target: Annotated[
        Literal["dispute", "delay"], typer.Option("--target", help="Which score to tune.")
    ] = "dispute",
    cases: Annotated[Path | None, typer.Option("--cases", help="Labelled cases.")] = None,
    snapshot: Annotated[Path | None, typer.Option("--snapshot", help="A snapshot.")] = None,
    registry_root: Annotated[Path | None, typer.Option("--registry", help="Registry.")] = None,
    save: Annotated[bool, typer.Option("--save", help="Record it in the metadata.")] = False,
) -> None:
    """Print the threshold that meets --capacity or --precision, with its queue load."""
    if (capacity is None) == (precision is None):
        fail("give exactly one of --capacity and --precision")
    registry = ModelRegistry(registry_root or get_settings().models_dir / "risk")
    folder = registry.path(version)
    if cases is None and snapshot is None:
        labels, scores = read_predictions(folder / "heldout", target)
        source = "held-out predictions"
    else:
        trained = load_trained(registry, version)
        dataset, _ = load_dataset(DatasetRequest(cases, snapshot), trained.recipe, get_settings())
        evaluation = evaluate_version(trained, dataset)
        labels, scores = evaluation.labels[target], evaluation.probabilities[target]["model"]
        source = f"{len(dataset)} orders ({dataset.source})"
    if capacity is not None:
        threshold, rule = threshold_for_capacity(scores, capacity), f"queue capacity {capacity}"
    else:
        assert precision is not None
        threshold = threshold_for_precision(labels, scores, precision)
        rule = f"precision {precision}"
    metrics = classifier_metrics(labels, scores, threshold=threshold)
    console.print(
        f"{version} {target}: threshold {threshold:.4f} for {rule} on {source}\n"
        f"  queue load {metrics['queue_load']:.3f}, precision {metrics['precision']:.3f}, "
        f"recall {metrics['recall']:.3f}",
        highlight=False,
    )
    if save:
        record_threshold(registry, version, target, threshold, f"{rule} on {source}")
        console.print(f"saved in {folder / 'metadata.json'}", highlight=False)
