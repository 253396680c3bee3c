"""Benchmark the reader against pdfplumber, then watch memory over 1,000 sandboxed reads.

Run ``.venv/bin/python bench/bench_reader.py``. Prints, in one run: pdfplumber's
``extract_text()`` time per document (the baseline), our in-process ``parse_pdf`` and the
sandboxed read as ratios to it, on freshly rendered 3-page orders and a CUAD sample; then
parent and worker RSS before and after 1,000 documents through ``SandboxedReader``.
"""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from triage.documents.reader import parse_pdf
from triage.documents.sandbox import SandboxedReader
from triage.documents.specimen import render_order_form

CUAD = Path(__file__).resolve().parents[2] / "shared" / "data" / "cuad" / "full_contract_pdf"
ORDERS = 20
CUAD_SAMPLE = 10
RUN = 1000


def _plumber(pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        for page in document.pages:
            page.extract_text()


def _per_doc(read: Callable[[bytes], object], pdfs: list[bytes]) -> float:
    started = time.perf_counter()
    for pdf in pdfs:
        read(pdf)
    return (time.perf_counter() - started) / len(pdfs)


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _compare(label: str, pdfs: list[bytes], reader: SandboxedReader) -> None:
    def sandboxed(pdf: bytes) -> object:
        return reader.read(pdf, filename="bench.pdf")

    def ours(pdf: bytes) -> object:
        return parse_pdf(pdf, "bench.pdf", max_pages=500)

    for read in (_plumber, ours, sandboxed):  # warm caches and imports
        read(pdfs[0])
    base = _per_doc(_plumber, pdfs)
    own = _per_doc(ours, pdfs)
    boxed = _per_doc(sandboxed, pdfs)
    print(f"{label}: {len(pdfs)} docs")
    print(f"  pdfplumber extract_text  {base * 1000:8.1f} ms/doc  (baseline)")
    print(f"  parse_pdf in-process     {own * 1000:8.1f} ms/doc  ratio {own / base:.3f}")
    print(f"  SandboxedReader.read     {boxed * 1000:8.1f} ms/doc  ratio {boxed / base:.3f}")


def _memory_run(reader: SandboxedReader, pdfs: list[bytes]) -> None:
    def report(when: str) -> None:
        children = {pid: round(_rss_mb(pid), 1) for pid in reader.worker_pids()}
        print(f"  {when}: parent RSS {_rss_mb(os.getpid()):.1f} MB, workers RSS MB {children}")

    reader.read(pdfs[0], filename="warm.pdf")
    report("start")
    started = time.perf_counter()
    for index in range(RUN):
        reader.read(pdfs[index % len(pdfs)], filename="run.pdf")
    elapsed = time.perf_counter() - started
    report(f"end after {RUN} docs ({elapsed:.1f} s)")


def main() -> None:
    """Print the speed ratios and the RSS at the start and end of a 1,000-document run."""
    orders = [render_order_form(seed) for seed in range(ORDERS)]
    with SandboxedReader(timeout_s=20, memory_mb=1024, workers=2, max_pages=500) as reader:
        _compare("3-page rendered orders", orders, reader)
        if CUAD.is_dir():
            sample = sorted(CUAD.rglob("*.pdf"))[:: max(1, len(list(CUAD.rglob("*.pdf"))) // 50)]
            _compare("CUAD sample", [p.read_bytes() for p in sample[:CUAD_SAMPLE]], reader)
        print(f"memory over {RUN} sandboxed reads (workers recycled every 250 documents):")
        _memory_run(reader, orders)


if __name__ == "__main__":
    main()
