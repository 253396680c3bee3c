"""The whole training run behind ``triage train-clauses``: corpus, fit, tune, evaluate, ship.

1. build the corpus (composed phrasings + boilerplate + CUAD spans when available);
2. fit on the training split, tune the threshold and score on the held-out split;
3. refit on every example (held-out families included) and save the artifact;
4. score the shipped artifact on freshly generated orders of an unused seed;
5. write ``metrics.json`` next to the artifact.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from training.clauses.corpus import CorpusConfig, build_corpus
from training.clauses.cuad import CUAD_ATTRIBUTION
from training.clauses.evaluate import count_pairs, findings, scores, tune_threshold
from training.clauses.orders import evaluate_generated_orders
from training.clauses.train import TrainConfig, config_dict, fit_pipeline, save_artifact
from triage.extraction.clauses import ClauseClassifier

__all__ = ["RunConfig", "train_clauses"]

MODEL_VERSION = "clauses-2026.11.1"
METRICS_FILE = "metrics.json"


@dataclass(frozen=True, slots=True)
class RunConfig:
    """Everything one training run depends on."""

    cuad_dir: Path | None
    out_dir: Path
    seed: int = 0
    eval_orders: int = 60
    eval_seed: int = 90210
    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    train: TrainConfig = field(default_factory=TrainConfig)


def train_clauses(config: RunConfig) -> dict[str, Any]:
    """Run the whole training, write the artifact and metrics; return the metrics."""
    started = time.monotonic()
    corpus = build_corpus(config.cuad_dir, config.seed, config.corpus)
    train = [e for e in corpus if not e.held_out]
    held_out = [e for e in corpus if e.held_out]
    split_model = fit_pipeline(train, config.train)
    truth = [e.label for e in held_out]
    probabilities = split_model.predict_proba([e.text for e in held_out])
    labels = [str(label) for label in split_model.classes_]
    predictions = [(labels[int(row.argmax())], float(row.max())) for row in probabilities]
    threshold = tune_threshold(truth, predictions)
    held_out_scores = scores(count_pairs(truth, findings(predictions, threshold)))
    final_model = fit_pipeline(corpus, config.train)
    save_artifact(
        final_model,
        config.out_dir,
        {
            "version": MODEL_VERSION,
            "threshold": threshold,
            "labels": labels,
            "seed": config.seed,
            "train": config_dict(config.train),
            "corpus": asdict(config.corpus),
        },
    )
    metrics: dict[str, Any] = {
        "version": MODEL_VERSION,
        "seed": config.seed,
        "threshold": threshold,
        "corpus": {
            "examples": len(corpus),
            "train": len(train),
            "held_out": len(held_out),
            "by_label": dict(sorted(Counter(e.label for e in corpus).items())),
            "cuad_examples": sum(e.group.startswith("cuad:") for e in corpus),
            "cuad_attribution": CUAD_ATTRIBUTION if config.cuad_dir else None,
        },
        "held_out": held_out_scores,
    }
    if config.eval_orders > 0:
        classifier = ClauseClassifier.load(config.out_dir)
        metrics["generated_orders"] = evaluate_generated_orders(
            classifier, config.eval_orders, config.eval_seed
        )
    metrics["train_seconds"] = round(time.monotonic() - started, 1)
    (config.out_dir / METRICS_FILE).write_text(
        json.dumps(metrics, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return metrics
