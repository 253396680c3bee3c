"""Benchmark of the rule pack on freshly generated cases (``make bench``).

Each case's extraction is built from its ``labels.json`` truth (the values printed on the
order form, read with full confidence), so this measures the rules alone, not the reader:
recall of the injected exception codes, precision, the share of clean orders passing
straight through, and rule evaluation time per order.

    python bench/bench_rules.py --cases 500 --seed 2026
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triage.comparison import RulePack
from triage.config import REPO_ROOT
from triage.contract import (
    Clause,
    Customer,
    DocumentInfo,
    ExtractedField,
    ExtractedFields,
    ExtractedLineItem,
    Extraction,
    Quote,
)
from triage.routing import RoutingPolicy

LINE_KEYS = frozenset(ExtractedLineItem.model_fields) - {"confidence", "evidence"}


def extraction_from_labels(case_dir: Path, labels: dict[str, Any]) -> Extraction:
    """Return the extraction a perfect reader would produce, from the case's labels."""
    pdf = (case_dir / "order.pdf").read_bytes()
    fields = {
        name: ExtractedField(value=value, confidence=1.0 if value is not None else 0.0)
        for name, value in labels["fields"].items()
    }
    lines = [
        ExtractedLineItem.model_validate(
            {k: v for k, v in item.items() if k in LINE_KEYS} | {"confidence": 1.0}
        )
        for item in labels["line_items"]
    ]
    clauses = [Clause(type=c["type"], text=c["text"], confidence=1.0) for c in labels["clauses"]]
    return Extraction(
        document=DocumentInfo(
            sha256=hashlib.sha256(pdf).hexdigest(),
            pages=pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"),
            filename="order.pdf",
        ),
        fields=ExtractedFields.model_validate(fields),
        line_items=lines,
        clauses=clauses,
    )


@dataclass
class Tally:
    """Running counts of the benchmark."""

    hits: int = 0
    expected: int = 0
    raised: int = 0
    clean: int = 0
    clean_silent: int = 0
    clean_passed: int = 0
    micros: list[float] = field(default_factory=list)
    cpu_micros: list[float] = field(default_factory=list)
    missed: Counter[str] = field(default_factory=Counter)
    spurious: Counter[str] = field(default_factory=Counter)
    per_code: Counter[str] = field(default_factory=Counter)


def run_case(case_dir: Path, pack: RulePack, policy: RoutingPolicy, tally: Tally) -> None:
    """Evaluate one case and add its outcome to ``tally``."""
    labels = json.loads((case_dir / "labels.json").read_text())
    quote = Quote.model_validate_json((case_dir / "quote.json").read_bytes())
    customer = Customer.model_validate_json((case_dir / "customer.json").read_bytes())
    extraction = extraction_from_labels(case_dir, labels)
    started, cpu_started = time.perf_counter_ns(), time.thread_time_ns()
    exceptions = pack.evaluate(extraction, quote, customer)
    tally.cpu_micros.append((time.thread_time_ns() - cpu_started) / 1000)
    tally.micros.append((time.perf_counter_ns() - started) / 1000)
    expected = set(labels["expected_codes"])
    raised = {e.code.value for e in exceptions}
    tally.hits += len(expected & raised)
    tally.expected += len(expected)
    tally.raised += len(raised)
    tally.per_code.update(expected)
    tally.missed.update(expected - raised)
    tally.spurious.update(raised - expected)
    if not expected:
        tally.clean += 1
        tally.clean_silent += not exceptions
        tally.clean_passed += policy.decide(exceptions, None)[0].value == "pass"


def report(tally: Tally, pack: RulePack, cases: int) -> None:
    """Print the benchmark's numbers."""
    ratio = lambda a, b: a / b if b else float("nan")  # noqa: E731
    print(f"rule pack {pack.version}: {cases} cases, {tally.clean} clean")
    print(
        f"recall of injected codes  {ratio(tally.hits, tally.expected):7.2%}"
        f"  ({tally.hits}/{tally.expected})"
    )
    print(
        f"precision                 {ratio(tally.hits, tally.raised):7.2%}"
        f"  ({tally.hits}/{tally.raised})"
    )
    print(f"clean with no exception   {ratio(tally.clean_silent, tally.clean):7.2%}")
    print(f"clean passing straight    {ratio(tally.clean_passed, tally.clean):7.2%}")
    for name, values in (("wall-clock", tally.micros), ("CPU", tally.cpu_micros)):
        ordered = sorted(values)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(
            f"rule evaluation per order ({name:>10}) mean {statistics.fmean(ordered):5.0f} µs,"
            f" p99 {p99:6.0f} µs"
        )
    print(f"{'code':<28}{'injected':>9}{'missed':>8}{'spurious':>10}")
    for code in sorted(set(tally.per_code) | set(tally.spurious)):
        print(
            f"{code:<28}{tally.per_code[code]:>9}{tally.missed[code]:>8}{tally.spurious[code]:>10}"
        )


def main(argv: list[str] | None = None) -> int:
    """Generate cases (or reuse a folder of them), run the pack, print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pack", type=Path, default=REPO_ROOT / "rules" / "default.yaml")
    parser.add_argument("--policy", type=Path, default=REPO_ROOT / "rules" / "policy.yaml")
    parser.add_argument("--dir", type=Path, help="use the cases already in this folder")
    args = parser.parse_args(argv)
    pack, policy = RulePack.load(args.pack), RoutingPolicy.load(args.policy)
    with tempfile.TemporaryDirectory(prefix="bench-rules-") as scratch:
        root = args.dir
        if root is None:
            from triage.samples import generate_cases  # the generator is heavy; import late

            root = Path(scratch)
            generate_cases(root, args.cases, args.seed)
        case_dirs = sorted(p for p in root.iterdir() if (p / "labels.json").is_file())
        tally = Tally()
        for case_dir in case_dirs:
            run_case(case_dir, pack, policy, tally)
    report(tally, pack, len(case_dirs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
