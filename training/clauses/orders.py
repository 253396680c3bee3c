"""Measure the clause classifier on order forms written by the sample generator.

The generator (``triage.samples``) prints its non-standard clauses into real PDFs and
records them in ``labels.json``; its wording is independent of the training corpus, so
these scores test generalisation. PDFs are read with the product's own reader.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from training.clauses.evaluate import CLAUSE_TYPES, TypeCounts, count_bags, merge, scores
from triage.extraction.clauses import ClauseClassifier

__all__ = ["evaluate_generated_orders"]

MAX_PAGES = 50


def evaluate_generated_orders(classifier: ClauseClassifier, n: int, seed: int) -> dict[str, Any]:
    """Return per-type clause scores over ``n`` freshly generated orders of ``seed``.

    A finding matches a labelled clause of the same type in the same order; the
    returned ``errors`` list the first few misses and false alarms for inspection.
    """
    from triage.documents.reader import parse_pdf
    from triage.samples import generate_cases

    counts: TypeCounts = {t: Counter() for t in CLAUSE_TYPES}
    errors: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for case_dir in generate_cases(Path(tmp), n, seed):
            labels = json.loads((case_dir / "labels.json").read_text(encoding="utf-8"))
            truth = [str(c["type"]) for c in labels.get("clauses", [])]
            document = parse_pdf(
                (case_dir / "order.pdf").read_bytes(), "order.pdf", max_pages=MAX_PAGES
            )
            found = classifier.find_clauses(document)
            merge(counts, count_bags(truth, [c.type.value for c in found]))
            missed = Counter(truth) - Counter(c.type.value for c in found)
            extra = [c for c in found if Counter(truth)[c.type.value] == 0]
            if (missed or extra) and len(errors) < 25:
                errors.append(
                    {
                        "case": case_dir.name,
                        "missed": sorted(missed.elements()),
                        "false_alarms": [
                            {"type": c.type.value, "confidence": c.confidence, "text": c.text[:160]}
                            for c in extra
                        ],
                    }
                )
    return {"orders": n, "seed": seed, "scores": scores(counts), "errors": errors}
