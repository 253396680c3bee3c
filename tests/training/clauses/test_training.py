"""Training on the committed CUAD excerpt with a tiny config, and the train-clauses command."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from training.clauses.build import RunConfig, train_clauses
from training.clauses.corpus import CorpusConfig, build_corpus
from training.clauses.cuad import read_cuad_spans
from training.clauses.evaluate import THRESHOLD_GRID, tune_thresholds
from training.clauses.train import TrainConfig, fit_model
from triage.extraction.clauses import CLAUSE_LABELS, ClauseClassifier
from triage.extraction.clauses.cues import CueMatcher
from triage.extraction.clauses.labels import decide

CUAD_EXCERPT = Path(__file__).resolve().parents[2] / "data" / "cuad_clauses"
TINY = CorpusConfig(
    per_positive_family=3, per_standard_family=3, cuad_per_label=20, sections_per_split=20
)
SMALL_MODEL = TrainConfig(word_features=2**9, char_features=2**10, max_iter=60)
SPLITS = ("train", "validation", "held_out")
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


def test_validation_and_held_out_families_are_never_in_training() -> None:
    corpus = build_corpus(CUAD_EXCERPT, seed=3, config=TINY)
    groups = {split: {e.group for e in corpus if e.split == split} for split in SPLITS}
    assert all(groups.values())
    assert not groups["train"] & groups["held_out"]
    assert not groups["train"] & groups["validation"]
    assert not groups["validation"] & groups["held_out"]
    assert {e.label for e in corpus} == set(CLAUSE_LABELS)


def test_same_seed_gives_the_same_corpus_and_predictions() -> None:
    runs = []
    for _ in range(2):
        corpus = build_corpus(CUAD_EXCERPT, seed=7, config=TINY)
        cues = CueMatcher()
        model = fit_model(corpus, cues.matrix([e.text for e in corpus]), SMALL_MODEL)
        probabilities = model.predict_proba(cues.matrix(PROBES), PROBES, SMALL_MODEL.cue_weight)
        runs.append(([e.text for e in corpus], probabilities.round(8).tolist()))
    assert runs[0] == runs[1]
    assert build_corpus(CUAD_EXCERPT, seed=8, config=TINY) != build_corpus(
        CUAD_EXCERPT, seed=7, config=TINY
    )


def test_training_end_to_end_writes_a_loadable_model_and_metrics(tmp_path: Path) -> None:
    config = RunConfig(
        CUAD_EXCERPT, tmp_path, seed=1, eval_orders=0, corpus=TINY, train=SMALL_MODEL
    )
    metrics = train_clauses(config)
    assert set(metrics["held_out"]) >= {"micro", "exclusivity"}
    saved = json.loads((tmp_path / "metrics.json").read_text())
    assert saved["thresholds"] == metrics["thresholds"]
    assert set(metrics["thresholds"].values()) <= set(THRESHOLD_GRID)
    classifier = ClauseClassifier.load(tmp_path)
    assert classifier.classify_texts(PROBES)[0][0] == "termination_for_convenience"


def test_each_type_gets_the_threshold_that_maximises_its_own_f1() -> None:
    labels = ["exclusivity", "most_favored_nation", "standard"]
    probabilities = [[0.45, 0.05, 0.50], [0.30, 0.10, 0.60], [0.05, 0.90, 0.05]]
    truth = ["exclusivity", "standard", "most_favored_nation"]
    full = [[*row, *[0.0] * 8] for row in probabilities]
    others = [t for t in CLAUSE_LABELS if t not in labels]
    thresholds = tune_thresholds(truth, full, labels + others)
    assert 0.30 < thresholds["exclusivity"] <= 0.45
    assert thresholds["most_favored_nation"] == THRESHOLD_GRID[0]


def test_a_clause_type_below_its_threshold_is_standard() -> None:
    labels = ["exclusivity", "standard"]
    assert decide([0.4, 0.6], labels, {"exclusivity": 0.35}) == ("exclusivity", 0.4)
    assert decide([0.4, 0.6], labels, {"exclusivity": 0.5}) == ("standard", 0.6)


def _app() -> typer.Typer:
    from training.clauses.cli import register

    app = typer.Typer()
    register(app)
    app.command("noop")(lambda: None)
    return app


def test_cli_trains_into_out(tmp_path: Path) -> None:
    args = ["train-clauses", "--cuad", str(CUAD_EXCERPT), "--out", str(tmp_path)]
    result = CliRunner().invoke(
        _app(), [*args, "--per-family", "3", "--hash-bits", "9", "--eval-orders", "0"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "model.skops").is_file()
    assert "held-out clause F1" in result.output


def test_cli_missing_cuad_path_exits_2_with_a_message(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(_app(), ["train-clauses", "--cuad", str(missing)])
    assert result.exit_code == 2
    assert "no master_clauses.csv" in result.output
