"""The ``triage train-clauses`` command: build the corpus, train, evaluate, ship."""

from __future__ import annotations

from pathlib import Path

import typer

from training.clauses.build import RunConfig, train_clauses
from training.clauses.corpus import CorpusConfig
from training.clauses.train import TrainConfig

__all__ = ["register", "train_clauses_command"]

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CUAD = REPO_ROOT.parent / "shared" / "data" / "cuad"
DEFAULT_OUT = REPO_ROOT / "models" / "clauses"


def train_clauses_command(
    cuad: Path | None = typer.Option(
        None,
        "--cuad",
        help=f"CUAD v1 folder holding master_clauses.csv (default {DEFAULT_CUAD}, if present).",
    ),
    no_cuad: bool = typer.Option(False, "--no-cuad", help="Train on the built corpus only."),
    out: Path = typer.Option(DEFAULT_OUT, "--out", help="Where the artifact and metrics go."),
    seed: int = typer.Option(0, "--seed", help="Seed of the corpus and the training."),
    eval_orders: int = typer.Option(
        600, "--eval-orders", help="Generated orders to score the shipped model on (0: skip)."
    ),
    eval_seed: int = typer.Option(24680, "--eval-seed", help="Generator seed for that check."),
    per_family: int = typer.Option(
        0, "--per-family", help="Phrasings drawn per template family (0: the default config)."
    ),
    hash_bits: int = typer.Option(
        0, "--hash-bits", help="Hashed feature space of 2^N per n-gram kind (0: the default)."
    ),
) -> None:
    """Train the clause classifier and write it, with metrics.json, to --out."""
    cuad_dir: Path | None = None
    if not no_cuad:
        if cuad is not None and not (cuad / "master_clauses.csv").is_file():
            typer.echo(f"error: --cuad {cuad}: no master_clauses.csv there", err=True)
            raise typer.Exit(code=2)
        cuad_dir = cuad or (
            DEFAULT_CUAD if (DEFAULT_CUAD / "master_clauses.csv").is_file() else None
        )
        if cuad_dir is None:
            typer.echo(f"warning: no CUAD at {DEFAULT_CUAD}; training without it", err=True)
    corpus = CorpusConfig()
    if per_family > 0:
        corpus = CorpusConfig(
            per_positive_family=per_family,
            per_standard_family=per_family,
            sections_per_split=5 * per_family,
        )
    train = TrainConfig()
    if hash_bits > 0:
        train = TrainConfig(word_features=2**hash_bits, char_features=2**hash_bits)
    run = RunConfig(cuad_dir, out, seed, eval_orders, eval_seed, corpus=corpus, train=train)
    metrics = train_clauses(run)
    micro = metrics["held_out"]["micro"]
    typer.echo(f"held-out clause F1 {micro['f1']:.3f}")
    typer.echo(f"thresholds {metrics['thresholds']}")
    if "generated_orders" in metrics:
        generated = metrics["generated_orders"]["scores"]["micro"]
        typer.echo(f"generated-orders clause F1 {generated['f1']:.3f}")
    typer.echo(f"wrote {out}")


def register(app: typer.Typer) -> None:
    """Add the ``train-clauses`` command to the ``triage`` app."""
    app.command("train-clauses")(train_clauses_command)
