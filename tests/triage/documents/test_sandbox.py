"""SandboxedReader: each mangled PDF ends as expected, in time, and the pool lives on."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from triage.config import Settings
from triage.documents.ocr import OcrOptions
from triage.documents.parsed import ParsedDocument
from triage.documents.sandbox import SandboxedReader
from triage.documents.specimen import render_order_form
from triage.errors import DocumentError, DocumentTimeout, DocumentTooComplex, LimitExceeded

CORPUS = Path(__file__).resolve().parents[2] / "data" / "mangled"
MANIFEST = json.loads((CORPUS / "manifest.json").read_text())
TIMEOUT_S = 5.0
# The child holds parsing to TIMEOUT_S of CPU, not of wall clock: on a loaded machine a bomb
# that meets the memory limit after 4 s of CPU may take 9 s. The parent's own clock allows
# the reader's budget (parsing plus OCR), so that is the bound a read must end within.
OCR_TIMEOUT_S = 10.0
SLACK_S = 3.0
# The product default: an OCR child (OpenCV + a 300 dpi page) does not fit in 512 MB.
MEMORY_MB = 1024
GOOD = render_order_form(11)


@pytest.fixture(scope="module")
def reader() -> Iterator[SandboxedReader]:
    with SandboxedReader(
        timeout_s=TIMEOUT_S,
        ocr_timeout_s=OCR_TIMEOUT_S,
        memory_mb=MEMORY_MB,
        workers=2,
        max_pages=200,
    ) as r:
        yield r


def _outcome(reader: SandboxedReader, pdf: bytes, name: str) -> ParsedDocument | Exception:
    try:
        return reader.read(pdf, filename=name)
    except (DocumentError, LimitExceeded) as error:
        return error


def _assert_expected(expect: str, outcome: ParsedDocument | Exception) -> None:
    kind, _, detail = expect.partition(":")
    if isinstance(outcome, Exception):
        assert str(outcome).strip(), "errors must say why"
    if kind == "ok":
        assert isinstance(outcome, ParsedDocument)
    elif kind == "ok_warning":
        assert isinstance(outcome, ParsedDocument)
        assert any(detail in w for w in outcome.warnings), outcome.warnings
    elif kind == "damaged":
        assert isinstance(outcome, ParsedDocument) or type(outcome) is DocumentError, outcome
    elif kind == "contained":
        assert isinstance(outcome, ParsedDocument | DocumentError), outcome
    elif kind == "LimitExceeded":
        assert isinstance(outcome, LimitExceeded) and outcome.limit == detail
    else:
        assert type(outcome).__name__ == kind, outcome


def test_corpus_has_at_least_fifty_files_all_listed() -> None:
    listed = {entry["file"] for entry in MANIFEST}
    assert len(listed) >= 50
    assert listed == {path.name for path in CORPUS.glob("*.pdf")}


@pytest.mark.parametrize("entry", MANIFEST, ids=[entry["file"] for entry in MANIFEST])
def test_mangled_pdf_ends_as_expected_within_limits(
    reader: SandboxedReader, entry: dict[str, str]
) -> None:
    started = time.monotonic()
    outcome = _outcome(reader, (CORPUS / entry["file"]).read_bytes(), entry["file"])
    assert time.monotonic() - started < reader.budget_s + SLACK_S
    _assert_expected(entry["expect"], outcome)
    if isinstance(outcome, ParsedDocument):
        assert all(word.text.strip() for page in outcome.pages for word in page.words)
    assert reader.read(GOOD, filename="good.pdf").page_count == 3


def test_bomb_stops_at_the_memory_limit_and_says_so(reader: SandboxedReader) -> None:
    with pytest.raises(DocumentTooComplex, match="parse_memory_mb = 1024"):
        reader.read((CORPUS / "flate_bomb_1gb.pdf").read_bytes(), filename="bomb.pdf")


def test_overrun_kills_and_replaces_the_worker() -> None:
    flood = (CORPUS / "path_operator_flood.pdf").read_bytes()
    # Without OCR the wall clock is parse_timeout_s; with OCR it also allows ocr_timeout_s
    # and parsing is held to parse_timeout_s of CPU by the child's own limit instead. The
    # memory limit is the product's, so the flood meets the clock first (at 512 MB it could
    # reach the memory limit first on a loaded machine).
    never = OcrOptions(mode="never")
    with SandboxedReader(timeout_s=1.0, memory_mb=1024, workers=1, ocr=never) as reader:
        before = reader.worker_pids()
        with pytest.raises(DocumentTimeout, match="parse_timeout_s = 1 s"):
            reader.read(flood, filename="flood.pdf")
        assert reader.worker_pids() != before
        assert reader.read(GOOD, filename="good.pdf").page_count == 3


def test_oversized_upload_is_refused_without_parsing(reader: SandboxedReader) -> None:
    small = SandboxedReader(max_bytes=len(GOOD) - 1, workers=1)
    try:
        with pytest.raises(LimitExceeded, match="max_upload_mb") as caught:
            small.read(GOOD, filename="big.pdf")
        assert caught.value.limit == "max_upload_mb"
    finally:
        small.close()


def test_concurrent_reads_from_threads_get_their_own_documents(reader: SandboxedReader) -> None:
    pdfs = [render_order_form(seed, pages=1) for seed in range(8)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        documents = list(pool.map(lambda pdf: reader.read(pdf, filename="t.pdf"), pdfs))
    assert [d.pages[0].lines[0].text for d in documents] == [
        f"Order Form Q-2026-{seed:05d}" for seed in range(8)
    ]


def test_workers_are_recycled_and_closed() -> None:
    reader = SandboxedReader(workers=1, max_documents_per_worker=2)
    first = reader.worker_pids()
    for _ in range(3):
        reader.read(GOOD, filename="good.pdf")
    assert reader.worker_pids() != first
    reader.close()
    assert reader.worker_pids() == []
    with pytest.raises(RuntimeError):
        reader.read(GOOD, filename="good.pdf")


def test_from_settings_uses_the_parse_limits() -> None:
    settings = Settings(parse_timeout_s=3, parse_memory_mb=256, parse_workers=1, max_pages=5)
    with SandboxedReader.from_settings(settings) as reader:
        assert (reader.timeout_s, reader.memory_mb, reader.max_pages) == (3, 256, 5)
        assert reader.max_bytes == 25 * 1024 * 1024
        assert len(reader.worker_pids()) == 1
