"""Clause detection on real contracts (CUAD v1), held out by document, and the playbook on
``../shared/data/foreign-orders`` (``make bench``).

Step one (find and type candidate clauses) is measured on CUAD: every sentence (6 to 160
words) of each held-out contract (one contract in five by its file name, the split the
shipped model never saw, neither in training nor in tuning its thresholds) is classified.
A sentence's truth comes from :mod:`training.clauses.cuad`, the same labelling
training uses: a clause type where a span of a CUAD category mapped to that type covers at
least eight of its words (or half of a shorter one), otherwise ``standard`` -- also where
it belongs to a CUAD category we do not map. Printed per mapped type: precision, recall,
F1 and the type's AUPR (area under its precision-recall curve, threshold-free), beside the
CUAD paper's AUPR of 47.8 (its best model, pooled over all 41 categories, span-level; not
the same measure, a reference). A second table keeps a typed sentence only
where the playbook reads that type's parameters or wording in it (what step two can judge).

Step two (the playbook) is measured on the foreign orders when they are present: the share
of clean orders with a NONSTANDARD_CLAUSE, and of injected clauses found with a flag. The
clause stage's own time per order (``find_clauses`` on a parsed order) is measured there too.

    python bench/bench_clauses.py [--cuad DIR] [--contracts N] [--foreign DIR] [--model DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from training.clauses.cuad import read_contract_sentences
from triage.comparison import Playbook
from triage.config import REPO_ROOT
from triage.contract import ClauseType
from triage.extraction.clauses import STANDARD_LABEL, ClauseClassifier
from triage.extraction.clauses.labels import decide

SHARED = REPO_ROOT.parent / "shared"
CUAD_PAPER_AUPR = 47.8
TARGET = 0.8

Table = dict[str, dict[str, float]]


def _table(counts: dict[str, Counter[str]]) -> Table:
    table = {}
    for label, c in sorted(counts.items()):
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        table[label] = {"precision": p, "recall": r, "f1": f, "support": c["tp"] + c["fn"]}
    return table


def _count(counts: dict[str, Counter[str]], true: str, guess: str) -> None:
    for label in {true, guess} - {STANDARD_LABEL}:
        c = counts.setdefault(label, Counter())
        c["tp" if true == guess else "fp" if guess == label else "fn"] += 1


def evaluate_cuad(cuad: Path, contracts: int, model: Path) -> tuple[Table, Table, int, int]:
    """Return per mapped type precision/recall/F1 of sentence detection on held-out files:
    the classifier alone, and the classifier's type kept only where the playbook reads
    that type's parameters or wording in the sentence (what step two can judge); and the
    number of contracts and sentences read. The first table also has each type's AUPR."""
    classifier = ClauseClassifier.load(model)
    playbook = Playbook.load(REPO_ROOT / "rules" / "playbook.yaml")
    sentences = read_contract_sentences(cuad, frozenset({"held_out"}))
    names = sorted({s.contract for s in sentences})[:contracts]
    kept = [s for s in sentences if s.contract in set(names)]
    counts: dict[str, Counter[str]] = {}
    confirmed: dict[str, Counter[str]] = {}
    labels, probabilities = classifier.probabilities([s.text for s in kept])
    guesses = [decide(row, labels, classifier.thresholds) for row in probabilities]
    for sentence, (guess, _) in zip(kept, guesses, strict=True):
        _count(counts, sentence.label, guess)
        typed = guess != STANDARD_LABEL
        if typed and not playbook.typed_evidence(ClauseType(guess), sentence.text):
            guess = STANDARD_LABEL
        _count(confirmed, sentence.label, guess)
    alone = _table(counts)
    for label, row in alone.items():
        row["aupr"] = _aupr(
            [s.label == label for s in kept], _type_scores(probabilities, labels, label)
        )
    return alone, _table(confirmed), len(names), len(kept)


def _type_scores(probabilities: Any, labels: list[str], label: str) -> list[float]:
    """Return each row's probability of ``label`` where it is the row's best clause type
    (the only way the decision can type a sentence so), else 0."""
    clause_columns = [k for k, name in enumerate(labels) if name != STANDARD_LABEL]
    column = labels.index(label)
    found = []
    for row in probabilities:
        best = max(clause_columns, key=lambda k: row[k])
        found.append(float(row[column]) if best == column else 0.0)
    return found


def _aupr(truth: list[bool], score: list[float]) -> float:
    """Return the area under the precision-recall curve (average precision) of ``score``."""
    positives = sum(truth)
    if not positives:
        return 0.0
    hits, area = 0, 0.0
    for rank, k in enumerate(sorted(range(len(score)), key=lambda k: -score[k]), start=1):
        if truth[k] and score[k] > 0:
            hits += 1
            area += hits / rank
    return area / positives


def clause_stage_seconds(folder: Path, model: Path) -> list[float]:
    """Return, per order of ``folder``, the seconds ``find_clauses`` takes on the parsed
    order in reading order (the clause stage as the extractor runs it; reading not counted)."""
    from triage.documents.reader import parse_pdf
    from triage.extraction.layout.reading_order import in_reading_order

    classifier = ClauseClassifier.load(model)
    seconds = []
    for pdf in sorted(folder.glob("*/order.pdf")):
        document = in_reading_order(parse_pdf(pdf.read_bytes(), pdf.name, max_pages=50))
        started = time.perf_counter()
        classifier.find_clauses(document)
        seconds.append(time.perf_counter() - started)
    return seconds


def evaluate_foreign(folder: Path) -> dict[str, str]:
    """Run ``triage batch`` on the foreign orders; return the playbook's clause figures."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "foreign.jsonl"
        triage = Path(sys.executable).parent / "triage"
        subprocess.run([str(triage), "batch", str(folder), "--out", str(out)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        rows = [json.loads(line) for line in out.read_text().splitlines() if line.strip()]
    clean = flagged = injected = found = 0
    for row in rows:
        truth = json.loads((folder / row["case"] / "truth.json").read_text())
        codes = {e["code"] for e in row.get("exceptions") or []}
        if truth.get("expected_code") is None:
            clean += 1
            flagged += "NONSTANDARD_CLAUSE" in codes
        elif truth["expected_code"] == "NONSTANDARD_CLAUSE":
            injected += 1
            found += "NONSTANDARD_CLAUSE" in codes
    clean_share, found_share = flagged / max(1, clean), found / max(1, injected)
    return {
        "clean orders flagged": f"{flagged}/{clean} ({clean_share:.1%}, target <= 2 %)",
        "injected clauses found": f"{found}/{injected} ({found_share:.1%}, target >= 95 %)",
    }


def main() -> None:
    """Print the CUAD table and the foreign-orders figures (each skipped when absent)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cuad", type=Path, default=SHARED / "data" / "cuad")
    parser.add_argument("--contracts", type=int, default=1000, help="held-out contracts to read")
    parser.add_argument("--foreign", type=Path, default=SHARED / "data" / "foreign-orders")
    parser.add_argument("--model", type=Path, default=REPO_ROOT / "models" / "clauses")
    args = parser.parse_args()
    if (args.cuad / "master_clauses.csv").is_file():
        alone, confirmed, contracts, sentences = evaluate_cuad(
            args.cuad, args.contracts, args.model
        )
        for title, table in (("classifier", alone), ("classifier + playbook evidence", confirmed)):
            print(
                f"CUAD held-out contracts ({contracts} documents, {sentences} sentences), {title}"
            )
            print(
                f"  target P >= {TARGET} at R >= {TARGET} per type; CUAD paper: AUPR"
                f" {CUAD_PAPER_AUPR} (best model, span-level, over all 41 categories)"
            )
            print(
                f"{'clause type':30} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}"
                f" {'AUPR':>6}"
            )
            for label, row in table.items():
                met = "met" if min(row["precision"], row["recall"]) >= TARGET else ""
                aupr = f"{row['aupr'] * 100:6.1f}" if "aupr" in row else " " * 6
                print(
                    f"{label:30} {row['precision']:9.3f} {row['recall']:7.3f} "
                    f"{row['f1']:6.3f} {int(row['support']):8d} {aupr} {met}"
                )
    else:
        print(f"no CUAD at {args.cuad}: skipped")
    if args.foreign.is_dir():
        for name, value in evaluate_foreign(args.foreign).items():
            print(f"foreign orders, NONSTANDARD_CLAUSE: {name} {value}")
        seconds = clause_stage_seconds(args.foreign, args.model)
        print(
            f"foreign orders, clause stage per order: median {statistics.median(seconds) * 1e3:.1f}"
            f" ms, max {max(seconds) * 1e3:.1f} ms ({len(seconds)} orders)"
        )
    else:
        print(f"no foreign orders at {args.foreign}: skipped")


if __name__ == "__main__":
    main()
