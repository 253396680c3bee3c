"""Reading order forms nobody here wrote: the foreign-layout set, as ``make bench`` runs it.

Runs ``triage batch`` over ``../shared/data/foreign-orders`` (or the folder given), scores
the results with the set's own scorer (``../shared/bin/score_cases.py``), and adds what
the scorer does not print: how often a value with confidence >= 0.9 is right, and the
read + extract time per order against a bare pdfplumber ``extract_text`` of the same pages
in the same process. A machine without ``../shared`` has no foreign set: the bench says so
and exits 0.

    .venv/bin/python bench/bench_foreign.py [--cases ../shared/data/foreign-orders]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

import pdfplumber

from triage.config import get_settings
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor

_REPO = Path(__file__).resolve().parents[1]
_SHARED = _REPO.parent / "shared"


def _scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_cases", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _confident_share(cases: Path, results: Path, scorer: ModuleType) -> tuple[int, int]:
    """Return (right, all) over field values with confidence >= 0.9."""
    right = total = 0
    for line in results.read_text().splitlines():
        row = json.loads(line)
        truth = json.loads((cases / row["case"] / "truth.json").read_text())
        for name in scorer.SCALARS:
            field = (row.get("extraction") or {}).get("fields", {}).get(name) or {}
            if field.get("confidence", 0) >= 0.9:
                total += 1
                right += scorer.norm(field.get("value")) == scorer.norm(truth.get(name))
    return right, total


def _speed(cases: Path, limit: int) -> tuple[float, float]:
    """Median seconds per order: read + extract, and pdfplumber extract_text."""
    extractor = OrderExtractor.load(get_settings().models_dir)
    folders = sorted(p for p in cases.iterdir() if (p / "order.pdf").exists())[:limit]
    ours, plumber = [], []
    for folder in folders:
        data = (folder / "order.pdf").read_bytes()
        start = time.perf_counter()
        extractor.extract(parse_pdf(data, "order.pdf", max_pages=200))
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
        plumber.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(plumber)


def main() -> None:
    """Run the batch, print the scorer's report and the two extra figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=_SHARED / "data" / "foreign-orders")
    parser.add_argument("--scorer", type=Path, default=_SHARED / "bin" / "score_cases.py")
    parser.add_argument("--speed-cases", type=int, default=40)
    args = parser.parse_args()
    if not args.cases.is_dir() or not args.scorer.is_file():
        print(f"foreign-order set not found at {args.cases}: skipped")
        return
    triage = Path(sys.executable).with_name("triage")
    with tempfile.TemporaryDirectory() as tmp:
        results = Path(tmp) / "foreign.jsonl"
        started = time.perf_counter()
        subprocess.run(
            [str(triage), "batch", str(args.cases), "--out", str(results)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - started
        report = subprocess.run(
            [sys.executable, str(args.scorer), str(args.cases), str(results)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        right, total = _confident_share(args.cases, results, _scorer(args.scorer))
    print(f"foreign-order set: {args.cases} (batch {elapsed:.1f} s)")
    print(report.rstrip())
    print(f"values with confidence >= 0.9 right: {right}/{total} = {right / max(1, total):.1%}")
    ours, plumber = _speed(args.cases, args.speed_cases)
    print(
        f"read + extract per order {ours * 1000:.0f} ms vs pdfplumber extract_text "
        f"{plumber * 1000:.0f} ms (same pages, same process): ratio {ours / plumber:.2f} "
        f"(target <= 0.25), median of {min(args.speed_cases, 108)} orders"
    )


if __name__ == "__main__":
    main()
