"""Extraction benchmark on freshly generated cases (an unused seed), as ``make bench`` runs it.

Prints per-field accuracy, line-item and clause precision/recall/F1, the reliability of
confidence >= 0.9, the speed of (read + extract) against a bare pdfplumber extract_text
pass over the same pages in the same run, and peak RSS at the start and end of a long run.

    .venv/bin/python bench/bench_extraction.py --cases 200 --seed 73310 --rss-docs 1000
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import tempfile
import time
from pathlib import Path

import pdfplumber

from triage.config import get_settings
from triage.contract import FIELD_NAMES
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor
from triage.extraction.evaluation import CaseScore, score_case
from triage.samples import generate_cases
from triage.workers.heap import settle_loaded_models


def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc), falling back to the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def accuracy(cases: list[Path], extractor: OrderExtractor) -> list[tuple[str, CaseScore]]:
    """Return each case's layout and score."""
    results = []
    for case in cases:
        labels = json.loads((case / "labels.json").read_text())
        document = parse_pdf(
            (case / "order.pdf").read_bytes(), "order.pdf", max_pages=get_settings().max_pages
        )
        results.append(
            (
                labels["layout"],
                score_case(extractor.extract(document, country=labels["country"]), labels),
            )
        )
    return results


def report_accuracy(results: list[tuple[str, CaseScore]]) -> None:
    """Print per-field accuracy (overall and worst layout), line/clause P/R/F1, reliability."""
    layouts = sorted({layout for layout, _ in results})
    print(f"{'field':26s} {'all':>7s} " + " ".join(f"{name[:11]:>11s}" for name in layouts))
    for name in FIELD_NAMES:
        overall = sum(s.fields[name] for _, s in results) / len(results)
        per_layout = []
        for layout in layouts:
            scores = [s.fields[name] for lay, s in results if lay == layout]
            per_layout.append(f"{sum(scores) / len(scores):11.3f}")
        print(f"{name:26s} {overall:7.3f} " + " ".join(per_layout))
    for kind in ("line", "clause"):
        tp = sum(getattr(s, f"{kind}_tp") for _, s in results)
        fp = sum(getattr(s, f"{kind}_fp") for _, s in results)
        fn = sum(getattr(s, f"{kind}_fn") for _, s in results)
        p, r, f = _f1(tp, fp, fn)
        print(
            f"{kind}-items P {p:.3f} R {r:.3f} F1 {f:.3f}"
            if kind == "line"
            else f"clauses P {p:.3f} R {r:.3f} F1 {f:.3f}"
        )
    confident = [ok for _, s in results for conf, ok in s.confident if conf >= 0.9]
    share = len(confident) / max(1, sum(len(s.confident) for _, s in results))
    print(
        f"reliability of confidence >= 0.9: {sum(confident) / max(1, len(confident)):.4f} "
        f"correct over {len(confident)} values ({share:.1%} of values found)"
    )


def report_speed(cases: list[Path], extractor: OrderExtractor, repeats: int) -> None:
    """Print (read + extract) time against a bare pdfplumber extract_text over the same pages."""
    ours = plumber = 0.0
    pages = 0
    for case in cases:
        data = (case / "order.pdf").read_bytes()
        start = time.perf_counter()
        for _ in range(repeats):
            extractor.extract(parse_pdf(data, "order.pdf", max_pages=200))
        ours += (time.perf_counter() - start) / repeats
        start = time.perf_counter()
        for _ in range(repeats):
            with pdfplumber.open(io.BytesIO(data)) as pdf:
                pages += len(pdf.pages)
                for page in pdf.pages:
                    page.extract_text()
        plumber += (time.perf_counter() - start) / repeats
    print(
        f"speed: read+extract {1000 * ours / len(cases):.1f} ms/doc, pdfplumber extract_text "
        f"{1000 * plumber / len(cases):.1f} ms/doc, ratio {ours / plumber:.3f} "
        f"({pages // repeats / len(cases):.1f} pages/doc)"
    )


def report_memory(cases: list[Path], extractor: OrderExtractor, documents: int) -> None:
    """Print RSS after warm-up, after each quarter and after ``documents`` extractions
    cycling over the cases."""
    blobs = [(case / "order.pdf").read_bytes() for case in cases]
    for data in blobs[:10]:
        extractor.extract(parse_pdf(data, "order.pdf", max_pages=200))
    start = _rss_mb()
    # Every quarter of the run, so a warm-up that levels off is told from a steady growth.
    quarters = {documents * q // 4 for q in (1, 2, 3, 4)}
    steps = []
    for index in range(1, documents + 1):
        extractor.extract(parse_pdf(blobs[index % len(blobs)], "order.pdf", max_pages=200))
        if index in quarters:
            steps.append(f"{index}: {_rss_mb():.1f}")
    print(
        f"RSS over {documents} documents: start {start:.1f} MB, end {_rss_mb():.1f} MB "
        f"(MB after {', '.join(steps)})"
    )


def main() -> None:
    """Generate cases with an unused seed and print every benchmark number."""
    parser = argparse.ArgumentParser(description="Extraction benchmark")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()) % 1_000_000 + 5_000_000)
    parser.add_argument("--speed-cases", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rss-docs", type=int, default=1000)
    args = parser.parse_args()
    extractor = OrderExtractor.load(get_settings().models_dir)
    settle_loaded_models()  # as the extractor children do after loading
    with tempfile.TemporaryDirectory() as folder:
        cases = generate_cases(Path(folder), args.cases, args.seed)
        print(
            f"{len(cases)} fresh cases, seed {args.seed}, extractor {extractor.version}, "
            f"calibration {extractor.calibration.version}"
        )
        report_accuracy(accuracy(cases, extractor))
        report_speed(cases[: args.speed_cases], extractor, args.repeats)
        report_memory(cases, extractor, args.rss_docs)


if __name__ == "__main__":
    main()
