"""Risk model benchmark, as ``make bench`` runs it. Three measurements, each labelled:

1. Quality of the promoted model on a FRESH generated test set (an unused seed), read by the
   real reader + extractor (cached by sha256 under var/risk) and the real rule pack:
   ROC-AUC, PR-AUC, Brier and ECE of the model beside both baselines, checked against
   "dispute ROC-AUC >= exception-count baseline + 0.05" and "ECE <= 0.05" for both targets.
2. Training time on 20,000 orders' features with the committed recipe. The 20,000 rows come
   from the generator's deals without rendering PDFs (a perfect-reader extraction through
   the real rule pack and the real features); only ``train()`` is timed, not row building.
3. In-process scoring time of one order (features + both models + top factors), median and
   p95 over the fresh test orders, against the 5 ms target.

    .venv/bin/python bench/bench_risk.py [--cases 800] [--seed 90417] [--train-rows 20000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from training.risk.cache import ExtractionCache, pdf_sha256  # noqa: E402
from training.risk.cases import (  # noqa: E402
    case_folders,
    dataset_from_cases,
    dataset_from_generated_deals,
)
from training.risk.evaluation import evaluate_version, load_trained  # noqa: E402
from training.risk.recipe import load_recipe  # noqa: E402
from training.risk.sources import generated_cases, risk_work_dir  # noqa: E402
from training.risk.training import train  # noqa: E402
from triage.components import LoadedComponents, load_components  # noqa: E402
from triage.config import get_settings  # noqa: E402
from triage.contract import Customer, Quote  # noqa: E402
from triage.pipeline import RuleEngine  # noqa: E402
from triage.scoring.registry import ModelRegistry  # noqa: E402
from triage.scoring.scorer import RiskModelScorer  # noqa: E402


def quality(
    registry: ModelRegistry, version: str, folder: Path, parts: LoadedComponents
) -> tuple[bool, list[float]]:
    """Print the fresh-test-set metrics; return whether both targets pass, and score times."""
    trained = load_trained(registry, version)
    scorer = RiskModelScorer.load(registry.path(version))
    timings: list[float] = []
    cache = ExtractionCache(risk_work_dir(get_settings()) / "extractions", parts.extractor.version)
    dataset = dataset_from_cases(folder, parts, cache=cache)
    for case in case_folders(folder):
        quote = Quote.model_validate_json((case / "quote.json").read_bytes())
        customer = Customer.model_validate_json((case / "customer.json").read_bytes())
        extraction = cache.get(pdf_sha256((case / "order.pdf").read_bytes()))
        assert extraction is not None
        exceptions = parts.rules.evaluate(extraction, quote, customer)
        started = time.perf_counter()
        scorer.score(extraction, exceptions, quote, customer)
        timings.append((time.perf_counter() - started) * 1000)
    evaluation = evaluate_version(trained, dataset)
    print(f"== 1. quality of {version} on {len(dataset)} fresh cases ({folder.name}, PDF route)")
    print(f"{'target':8} {'model':16} {'roc_auc':>8} {'pr_auc':>8} {'brier':>8} {'ece':>8}")
    for target, models in evaluation.metrics.items():
        for name, m in models.items():
            print(
                f"{target:8} {name:16} {m['roc_auc']:8.4f} {m['pr_auc']:8.4f} "
                f"{m['brier']:8.4f} {m['ece']:8.4f}"
            )
        load = models["model"]["queue_load"]
        print(f"{target:8} queue load at threshold {evaluation.thresholds[target]:.4f}: {load:.3f}")
    dispute = evaluation.metrics["dispute"]
    lift = dispute["model"]["roc_auc"] - dispute["exception_count"]["roc_auc"]
    eces = {t: evaluation.metrics[t]["model"]["ece"] for t in evaluation.metrics}
    passed = lift >= 0.05 and all(ece <= 0.05 for ece in eces.values())
    print(f"dispute ROC-AUC lift over exception count: {lift:+.4f} (target >= +0.05)")
    print(f"ECE: {', '.join(f'{t} {e:.4f}' for t, e in eces.items())} (target <= 0.05)")
    return passed, timings


def training_time(rows: int, rules: RuleEngine) -> float:
    """Print and return the seconds ``train()`` takes on ``rows`` generated orders."""
    recipe = load_recipe()
    dataset = dataset_from_generated_deals(rules, n=rows, seed=20_000)
    started = time.perf_counter()
    run = train(dataset, recipe)
    seconds = time.perf_counter() - started
    print(f"== 2. training time: train() on {rows} orders' features (deal route, no PDFs)")
    print(f"{run.split.describe()}; both targets, calibration search and baselines")
    print(f"trained in {seconds:.1f} s (target < 60 s)")
    return seconds


def main() -> int:
    """Run the three measurements; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=800)
    parser.add_argument("--seed", type=int, default=90417)
    parser.add_argument("--train-rows", type=int, default=20_000)
    args = parser.parse_args()
    registry = ModelRegistry(get_settings().models_dir / "risk")
    version = registry.promoted()
    if version is None:
        print("no promoted risk model: run `triage train --promote` first", file=sys.stderr)
        return 1
    folder = generated_cases(get_settings(), args.cases, args.seed)
    with load_components(get_settings()) as parts:
        passed, timings = quality(registry, version, folder, parts)
        seconds = training_time(args.train_rows, parts.rules)
    median, p95 = statistics.median(timings), float(np.percentile(timings, 95))
    print(f"== 3. scoring one order in-process: median {median:.2f} ms, p95 {p95:.2f} ms")
    print("(features + dispute and delay models + occlusion top factors; target < 5 ms)")
    ok = passed and seconds < 60 and median < 5
    print("risk bench:", "all targets met" if ok else "a target was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
