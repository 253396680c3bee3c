"""Tesseract in-process and the memory of the reader's children.

- The in-process engine (``libtesseract`` through its C API) reads a committed scan page
  into the same sure words, boxes and confidences as the command line's TSV (it skips the
  second pass over lines that look inverted, which changes only doubtful junk); without
  the library the command line is used; a page past its deadline stops with a timeout.
- A parse child runs its native libraries on one thread: OpenBLAS keeps a buffer per
  thread and every thread a stack and a malloc arena, all counted by the address-space
  limit (``parse_memory_mb``), however little of it is resident.
- A committed scan is read by OCR at 300 dpi in a sandboxed child under the default
  memory limit, with room left for a larger page.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest

from tests.triage.documents.blas_child import blas_threads
from triage.config import Settings
from triage.documents.ocr import OcrOptions, libtesseract
from triage.documents.ocr.engines import (
    SURE_WORD,
    RecognisedWord,
    TesseractEngine,
    TesseractLibraryEngine,
    engine_available,
    load_engine,
)
from triage.documents.sandbox import SandboxedReader

SCANS = Path(__file__).resolve().parents[2] / "data" / "scans"

pytestmark = pytest.mark.skipif(
    not engine_available("tesseract"), reason="tesseract-ocr is not installed (make test does)"
)


def _page_image(name: str, dpi: int) -> np.ndarray:
    """Return page 1 of committed scan ``name`` rendered grey at ``dpi``."""
    page = pdfium.PdfDocument(SCANS / name)[0]
    image = page.render(scale=dpi / 72, grayscale=True).to_numpy()
    return np.ascontiguousarray(image if image.ndim == 2 else image[..., 0])


def _sure(words: list[RecognisedWord]) -> list[tuple[str, float, float, float, float]]:
    """Return the words read with confidence, by their text and ink box."""
    return sorted((w.text, w.x0, *w.ink_box[1:3], w.x1) for w in words if w.confidence >= SURE_WORD)


def test_library_engine_reads_the_words_the_command_line_reads() -> None:
    engine = load_engine("tesseract")
    if not isinstance(engine, TesseractLibraryEngine):
        pytest.skip(f"{libtesseract.LIBRARY} is not installed")
    binary = shutil.which("tesseract")
    assert binary is not None
    image = _page_image("signed_scan.pdf", 200)
    library = engine.recognise(image, dpi=200, timeout_s=60)
    command = TesseractEngine(binary).recognise(image, dpi=200, timeout_s=60)
    assert len(library) > 100
    assert _sure(library) == _sure(command)
    # Same confidence scale (0-1 from tesseract's 0-100) and the same line grouping
    # (each word's font box is its line's).
    by_box = {(w.text, w.x0, w.ink_top): w for w in command}
    for word in library:
        twin = by_box.get((word.text, word.x0, word.ink_top))
        if twin is not None and word.confidence >= SURE_WORD:
            assert abs(word.confidence - twin.confidence) < 1e-3
            assert (word.top, word.bottom) == pytest.approx((twin.top, twin.bottom), abs=0.01)


def test_recognition_past_its_deadline_stops_with_a_timeout() -> None:
    api = libtesseract.load_api("eng")
    if api is None:
        pytest.skip(f"{libtesseract.LIBRARY} is not installed")
    image = _page_image("signed_scan.pdf", 300)
    try:
        with pytest.raises(TimeoutError):
            api.words(image, 300, timeout_s=0.001)
        assert len(api.words(image, 300, timeout_s=120)) > 100  # the handle still serves
    finally:
        api.close()


def test_without_the_library_the_command_line_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(libtesseract, "LIBRARY", "libtesseract-missing.so.0")
    assert isinstance(load_engine("tesseract"), TesseractEngine)


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: BLAS runs one thread anyway")
def test_a_child_made_single_threaded_loads_blas_with_one_thread() -> None:
    context = multiprocessing.get_context("spawn")
    mine, theirs = context.Pipe()
    child = context.Process(target=blas_threads, args=(theirs,))
    child.start()
    try:
        assert mine.poll(60)
        threads = mine.recv()
    finally:
        child.join(10)
    assert threads and set(threads) == {1}, threads


def _status_kb(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    raise AssertionError(f"no {key} for process {pid}")


def test_a_scan_is_read_at_300_dpi_in_a_child_well_under_the_default_memory_limit() -> None:
    limit_mb = Settings().parse_memory_mb
    reader = SandboxedReader(
        memory_mb=limit_mb, workers=1, ocr=OcrOptions(engine="tesseract", dpi=300)
    )
    with reader:
        document = reader.read((SCANS / "signed_scan.pdf").read_bytes(), filename="scan.pdf")
        peak_mb = _status_kb(reader.worker_pids()[0], "VmPeak") / 1024
    assert document.page_count == 2
    assert all(page.source == "ocr" and len(page.words) > 50 for page in document.pages)
    # Measured on 2 cores: 750 MB of address space with a BLAS thread per core and the
    # command line (1.05 GB when the parent's script had imported the extractor), ~610 MB
    # single-threaded with tesseract in-process. Two thirds leaves room for a larger page.
    assert peak_mb < 2 / 3 * limit_mb, peak_mb
