"""Where read + extract spends its time, on generated and on foreign orders, in one run.

For each order, in turn: our read (``parse_pdf``) and extraction, then a bare pdfplumber
``extract_text`` of the same pages, interleaved so that load from other processes falls on
both alike. Prints per set the ratio (sum of our time over the sum of pdfplumber's, and
the median of the per-order ratios) and the time per order of each stage:

- read: ``parse_pdf`` (pdfium words, rulings, tick boxes);
- layout: choices, fill-in marks, reading order, key/value pairs, text blocks;
- fields: candidates of every kind (spaCy included, also shown apart) and their resolution;
- lines: the line-item readers;
- clauses: the clause finder's reading order, segmentation and classifier;
- other: the rest of ``extract`` (calibration, evidence, the contract's models).

The stages are timed by wrapping the functions ``read_document`` calls at its own call
sites, so nothing in the product changes for the bench.

    .venv/bin/python bench/bench_stages.py [--generated 40] [--foreign 108]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pdfplumber

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import triage.extraction.extractor as extractor
import triage.extraction.reading as reading
from triage.config import get_settings
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor
from triage.samples import generate_cases
from triage.workers.heap import settle_loaded_models

_FOREIGN = Path(__file__).resolve().parents[2] / "shared" / "data" / "foreign-orders"
_STAGES = {
    "layout": (
        "resolve_choices",
        "without_fill_marks",
        "in_reading_order",
        "find_key_values",
        "text_blocks",
        "focus",
    ),
    "fields": (
        "date_style",
        "label_candidates",
        "party_candidates",
        "letterhead_candidates",
        "renewal_candidates",
        "reference_candidates",
        "currency_candidates",
        "money_currency_candidates",
        "dateline_candidates",
        "resolve_fields",
        "counterparty_candidates",
        "consistent_term_candidates",
        "signature_candidates",
        "cross_check",
        "derive_terms",
        "match_label",
        "parse_currency",
    ),
    "lines": (
        "read_line_items",
        "read_table_lines",
        "read_prose_items",
        "read_row_items",
        "read_described_items",
        "lines_with_order_term",
        "priced_over_their_period",
    ),
}
_ORDER = ("read", "layout", "fields", "(spaCy)", "lines", "clauses", "other")


class _Clock:
    """Seconds spent per stage; a call made inside a timed call counts for the outer one."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self._depth = 0

    def wrap(self, stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            result = self._call(stage, function, args, kwargs)
            # a candidate finder that is a generator does its work while it is consumed
            return self._timed_generator(stage, result) if isinstance(result, Iterator) else result

        return timed

    def _call(self, stage: str, function: Callable[..., Any], args: Any, kwargs: Any) -> Any:
        if self._depth:
            return function(*args, **kwargs)
        self._depth += 1
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            self.spent[stage] += time.perf_counter() - started
            self._depth -= 1

    def _timed_generator(self, stage: str, items: Iterator[Any]) -> Iterator[Any]:
        sentinel = object()
        while (item := self._call(stage, next, (items, sentinel), {})) is not sentinel:
            yield item


class _TimedClauses:
    """The extractor's clause finder, timed."""

    def __init__(self, finder: Any, clock: _Clock) -> None:
        self.find_clauses = clock.wrap("clauses", finder.find_clauses)


def _instrument(ours: OrderExtractor, clock: _Clock) -> None:
    for stage, names in _STAGES.items():
        for name in names:
            if hasattr(reading, name):  # a helper the current code no longer calls is skipped
                setattr(reading, name, clock.wrap(stage, getattr(reading, name)))
    if hasattr(extractor, "in_reading_order"):
        extractor.in_reading_order = clock.wrap("clauses", extractor.in_reading_order)
    ours.clauses = _TimedClauses(ours.clauses, clock)
    prose = ours.prose
    prose.docs = clock.wrap("(spaCy)", prose.docs)
    prose.candidates = clock.wrap("fields", prose.candidates)


def _plumber(data: bytes) -> None:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()


def _run(label: str, blobs: list[bytes], ours: OrderExtractor, clock: _Clock) -> None:
    clock.spent.clear()
    own: list[float] = []
    base: list[float] = []
    for data in blobs:
        started = time.perf_counter()
        document = parse_pdf(data, "order.pdf", max_pages=200)
        parsed = time.perf_counter()
        ours.extract(document)
        own.append(time.perf_counter() - started)
        clock.spent["read"] += parsed - started
        clock.spent["extract"] += own[-1] - (parsed - started)
        started = time.perf_counter()
        _plumber(data)
        base.append(time.perf_counter() - started)
    inner = sum(v for k, v in clock.spent.items() if k in ("layout", "fields", "lines", "clauses"))
    clock.spent["other"] = clock.spent["extract"] - inner - clock.spent["(spaCy)"]
    clock.spent["fields"] += clock.spent["(spaCy)"]
    ratios = [a / b for a, b in zip(own, base, strict=True)]
    print(
        f"{label}: {len(blobs)} orders; read+extract {1000 * sum(own) / len(own):.1f} ms/order, "
        f"pdfplumber extract_text {1000 * sum(base) / len(base):.1f} ms/order; "
        f"ratio {sum(own) / sum(base):.3f} (sum), {statistics.median(ratios):.3f} (median)"
    )
    total = sum(own)
    for stage in _ORDER:
        spent = clock.spent[stage]
        name = "  of which spaCy" if stage == "(spaCy)" else stage
        print(f"  {name:16s} {1000 * spent / len(blobs):7.1f} ms/order  {spent / total:6.1%}")


def main() -> None:
    """Print the ratio and the per-stage times on generated and on foreign orders."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=40)
    parser.add_argument("--seed", type=int, default=73310)
    parser.add_argument("--foreign", type=int, default=108)
    args = parser.parse_args()
    ours = OrderExtractor.load(get_settings().models_dir)
    settle_loaded_models()  # as the extractor children do after loading
    clock = _Clock()
    _instrument(ours, clock)
    with tempfile.TemporaryDirectory() as folder:
        cases = generate_cases(Path(folder), args.generated, args.seed)
        generated = [(case / "order.pdf").read_bytes() for case in cases]
    foreign = sorted(p / "order.pdf" for p in _FOREIGN.glob("*") if (p / "order.pdf").exists())
    warm = generated[:2] + [p.read_bytes() for p in foreign[:2]]
    _run("warm-up", warm, ours, clock)
    _run(f"generated (seed {args.seed})", generated, ours, clock)
    if foreign:
        _run("foreign", [p.read_bytes() for p in foreign[: args.foreign]], ours, clock)
    else:
        print(f"foreign-order set not found at {_FOREIGN}: skipped")


if __name__ == "__main__":
    main()
