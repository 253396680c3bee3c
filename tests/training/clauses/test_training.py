"""Training on the committed CUAD excerpt with a tiny config, and the train-clauses command."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from training.clauses.build import RunConfig, train_clauses
from training.clauses.corpus import CorpusConfig, build_corpus
from training.clauses.cuad import read_cuad_spans
from training.clauses.train import TrainConfig, fit_pipeline
from triage.extraction.clauses import CLAUSE_LABELS, ClauseClassifier

CUAD_EXCERPT = Path(__file__).resolve().parents[2] / "data" / "cuad_clauses"
TINY = CorpusConfig(per_positive_family=6, per_standard_family=6, cuad_per_label=20)
PROBES = [
    "Customer may terminate this order for convenience on thirty days written notice.",
    "This Order Form is governed by the laws of England and Wales.",
    "Vendor will give Client prices no less favourable than those of any other customer.",
]


def test_cuad_excerpt_maps_spans_and_keeps_whole_contracts_together() -> None:
    spans = read_cuad_spans(CUAD_EXCERPT)
    assert {"termination_for_convenience", "standard"} <= {s.label for s in spans}
    by_contract: dict[str, set[bool]] = {}
    for span in spans:
        by_contract.setdefault(span.contract, set()).add(span.held_out)
    assert all(len(splits) == 1 for splits in by_contract.values())


def test_held_out_families_are_never_in_training() -> None:
    corpus = build_corpus(CUAD_EXCERPT, seed=3, config=TINY)
    train_groups = {e.group for e in corpus if not e.held_out}
    held_groups = {e.group for e in corpus if e.held_out}
    assert held_groups and not train_groups & held_groups
    assert {e.label for e in corpus} == set(CLAUSE_LABELS)


def test_same_seed_gives_the_same_corpus_and_predictions() -> None:
    runs = []
    for _ in range(2):
        corpus = build_corpus(CUAD_EXCERPT, seed=7, config=TINY)
        model = fit_pipeline(corpus, TrainConfig(max_iter=300))
        runs.append(([e.text for e in corpus], model.predict_proba(PROBES).round(8).tolist()))
    assert runs[0] == runs[1]
    assert build_corpus(CUAD_EXCERPT, seed=8, config=TINY) != build_corpus(
        CUAD_EXCERPT, seed=7, config=TINY
    )


def test_training_end_to_end_writes_a_loadable_model_and_metrics(tmp_path: Path) -> None:
    metrics = train_clauses(RunConfig(CUAD_EXCERPT, tmp_path, seed=1, eval_orders=0, corpus=TINY))
    assert set(metrics["held_out"]) >= {"micro", "exclusivity"}
    assert json.loads((tmp_path / "metrics.json").read_text())["threshold"] == metrics["threshold"]
    classifier = ClauseClassifier.load(tmp_path)
    assert classifier.classify_texts(PROBES)[0][0] == "termination_for_convenience"


def _app() -> typer.Typer:
    from training.clauses.cli import register

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    return app


def test_cli_trains_into_out(tmp_path: Path) -> None:
    args = ["train-clauses", "--cuad", str(CUAD_EXCERPT), "--out", str(tmp_path)]
    result = CliRunner().invoke(_app(), [*args, "--per-family", "5", "--eval-orders", "0"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "model.skops").is_file()
    assert "held-out clause F1" in result.output


def test_cli_missing_cuad_path_exits_2_with_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(_app(), ["train-clauses", "--cuad", str(missing)])
    assert result.exit_code == 2
    assert "no master_clauses.csv" in result.output
