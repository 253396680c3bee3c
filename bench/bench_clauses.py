"""Clause detection on real contracts (CUAD v1), held out by document, and the playbook on
``../shared/data/foreign-orders`` (``make bench``).

Step one (find and type candidate clauses) is measured on CUAD: every sentence (12 words or
more) of each held-out contract (one contract in five by its file name, the split the
shipped model never saw) is classified; a sentence is a positive of a clause type when it
shares a run of eight words with a CUAD span of a category mapped to that type
(``training.clauses.cuad``), a negative when it overlaps no span or only spans mapped to
standard. Sentences overlapping a span of an unmapped category, or of a mapped one whose
span fails the mapping's pattern, are left out of the count: CUAD does not say whether they
are standard. Printed per mapped type: precision, recall and F1, beside the CUAD paper's
AUPR of 47.8 (its best model, pooled over all 41 categories; not the same measure, a
reference). A second table keeps a typed sentence only where the playbook reads that
type's parameters or wording in it (what step two can judge).

Step two (the playbook) is measured on the foreign orders when they are present: the share
of clean orders with a NONSTANDARD_CLAUSE, and of injected clauses found with a flag.

    python bench/bench_clauses.py [--cuad DIR] [--contracts N] [--foreign DIR]
"""

from __future__ import annotations

import argparse
import ast
import csv
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from training.clauses.cuad import _MAPPINGS, CuadSpan
from triage.comparison import Playbook
from triage.config import REPO_ROOT
from triage.contract import ClauseType
from triage.extraction.clauses import STANDARD_LABEL, ClauseClassifier

SHARED = REPO_ROOT.parent / "shared"
CUAD_PAPER_AUPR = 47.8
_SENTENCE = re.compile(r"(?<=[.;])\s+(?=[A-Z(\"“])|\n\s*\n")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


_NOT_CATEGORIES = frozenset(
    {"Filename", "Document Name", "Parties", "Agreement Date", "Effective Date", "Expiration Date"}
)
_SHINGLE = 8
"""A sentence overlaps a span when they share a run of this many words."""


def _held_out_spans(cuad: Path) -> dict[str, list[tuple[frozenset[str], str | None]]]:
    """Return per held-out contract file its labelled spans as word-run sets, with the type
    a mapped span stands for, ``standard`` for a span mapped to standard, or None for a span
    of an unmapped category or one failing its mapping's pattern (left out of the count)."""
    csv.field_size_limit(sys.maxsize)
    spans: dict[str, list[tuple[frozenset[str], str | None]]] = {}
    with (cuad / "master_clauses.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["Filename"]
            if CuadSpan("", "", name, "").split != "held_out":
                continue
            found = spans.setdefault(name, [])
            for category, raw in row.items():
                if category in _NOT_CATEGORIES or category.endswith("-Answer") or not raw:
                    continue
                label, pattern = _MAPPINGS.get(category, (None, ""))
                for span in ast.literal_eval(raw):
                    text = str(span)
                    fits = label is not None and re.search(pattern, text, re.I | re.S)
                    found.append((_runs(text), label if fits else None))
    return spans


def _runs(text: str) -> frozenset[str]:
    words = _norm(text).split()
    if len(words) < _SHINGLE:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i : i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1))


def _truth(sentence: str, spans: list[tuple[frozenset[str], str | None]]) -> str | None:
    """Return the sentence's type, ``standard``, or None when it is left out of the count."""
    if len(sentence.split()) < 12:
        return "skip"
    runs = _runs(sentence)
    overlapping = [label for span, label in spans if runs & span]
    typed = [label for label in overlapping if label not in (None, STANDARD_LABEL)]
    if typed:
        return typed[0]
    return None if None in overlapping else STANDARD_LABEL


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


def evaluate_cuad(cuad: Path, contracts: int) -> tuple[Table, Table]:
    """Return per mapped type precision/recall/F1 of sentence detection on held-out files:
    the classifier alone, and the classifier's type kept only where the playbook reads
    that type's parameters or wording in the sentence (what step two can judge)."""
    classifier = ClauseClassifier.load(REPO_ROOT / "models" / "clauses")
    playbook = Playbook.load(REPO_ROOT / "rules" / "playbook.yaml")
    counts: dict[str, Counter[str]] = {}
    confirmed: dict[str, Counter[str]] = {}
    spans = _held_out_spans(cuad)
    for name in sorted(spans)[:contracts]:
        path = cuad / "full_contract_txt" / (Path(name).stem + ".txt")
        if not path.is_file():
            continue
        sentences = [s for s in _SENTENCE.split(path.read_text(encoding="utf-8")) if s.strip()]
        truth = [_truth(s, spans[name]) for s in sentences]
        kept = [(s, t) for s, t in zip(sentences, truth, strict=True) if t not in (None, "skip")]
        guesses = classifier.classify_texts([" ".join(s.split()) for s, _ in kept])
        for (sentence, true), (guess, _) in zip(kept, guesses, strict=True):
            assert true is not None
            _count(counts, true, guess)
            typed = guess != STANDARD_LABEL
            if typed and not playbook.typed_evidence(ClauseType(guess), sentence):
                guess = STANDARD_LABEL
            _count(confirmed, true, guess)
    return _table(counts), _table(confirmed)


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
    args = parser.parse_args()
    if (args.cuad / "master_clauses.csv").is_file():
        alone, confirmed = evaluate_cuad(args.cuad, args.contracts)
        for title, table in (("classifier", alone), ("classifier + playbook evidence", confirmed)):
            print(f"CUAD held-out contracts, sentence-level, {title}")
            print(f"  (CUAD paper: AUPR {CUAD_PAPER_AUPR}, best model over all 41 categories)")
            print(f"{'clause type':30} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
            for label, row in table.items():
                print(
                    f"{label:30} {row['precision']:9.3f} {row['recall']:7.3f} "
                    f"{row['f1']:6.3f} {int(row['support']):8d}"
                )
    else:
        print(f"no CUAD at {args.cuad}: skipped")
    if args.foreign.is_dir():
        for name, value in evaluate_foreign(args.foreign).items():
            print(f"foreign orders, NONSTANDARD_CLAUSE: {name} {value}")
    else:
        print(f"no foreign orders at {args.foreign}: skipped")


if __name__ == "__main__":
    main()
