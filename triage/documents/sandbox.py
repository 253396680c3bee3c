"""SandboxedReader: the DocumentReader the service uses, parsing in child processes.

A small pool of persistent worker processes (``triage.documents.worker`` run by a
``triage.workers.WorkerPool``) parses PDFs, so a document pays a pipe round trip rather
than a process start. The parent checks what it can without parsing (size, ``%PDF-``
header), hands the bytes to the next free worker (first come, first served) and waits at
most ``timeout_s``. A worker that overruns is killed, one that dies is reaped, and either
is replaced before the error is raised, so the reader keeps serving. Page count,
zero pages and encryption are checked by the worker right after opening the document and
before any page is parsed: opening a hostile file is itself parsing, which the parent
must never do.
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from triage.documents.ocr.options import OcrOptions
from triage.documents.parsed import ParsedDocument
from triage.documents.reader import check_header
from triage.documents.worker import serve
from triage.errors import (
    DocumentError,
    DocumentTimeout,
    DocumentTooComplex,
    EncryptedDocument,
    LimitExceeded,
)
from triage.workers import Pool, PoolStage, WorkerLost, WorkerPool

if TYPE_CHECKING:
    from triage.config import Settings

__all__ = ["RAPIDOCR_MEMORY_MB", "SandboxedReader", "parse_pool"]

_ERRORS: dict[str, type[DocumentError]] = {
    cls.__name__: cls
    for cls in (DocumentError, EncryptedDocument, DocumentTimeout, DocumentTooComplex)
}


RAPIDOCR_MEMORY_MB = 3072


def _rapidocr_engine(engine: str) -> bool:
    """Return whether OCR will run on rapidocr: chosen, or ``auto`` without tesseract."""
    return engine == "rapidocr" or (engine == "auto" and shutil.which("tesseract") is None)


def parse_pool(*, memory_mb: int, workers: int, max_documents_per_worker: int = 250) -> WorkerPool:
    """Return ``workers`` parse children, each limited to ``memory_mb`` of address space."""
    return WorkerPool(
        serve,
        (memory_mb,),
        size=workers,
        name="triage-pdf-reader",
        max_requests=max_documents_per_worker,
    )


class SandboxedReader(PoolStage):
    """Read PDFs in a pool of child processes with time, memory, page and size limits."""

    def __init__(
        self,
        timeout_s: float = 20.0,
        memory_mb: int = 1024,
        workers: int = 2,
        max_pages: int = 200,
        max_bytes: int = 25 * 1024 * 1024,
        *,
        ocr: OcrOptions | None = None,
        ocr_timeout_s: float = 60.0,
        max_documents_per_worker: int = 250,
        pool: Pool | None = None,
    ) -> None:
        self.timeout_s = timeout_s
        self.ocr = ocr or OcrOptions(document_timeout_s=ocr_timeout_s)
        self.ocr_timeout_s = ocr_timeout_s
        self.memory_mb = memory_mb
        self.max_pages = max_pages
        self.max_bytes = max_bytes
        self.max_documents_per_worker = max_documents_per_worker
        self.pool: Pool = pool or parse_pool(
            memory_mb=memory_mb, workers=workers, max_documents_per_worker=max_documents_per_worker
        )

    @classmethod
    def from_settings(cls, settings: Settings, *, pool: Pool | None = None) -> SandboxedReader:
        """Return a reader configured from the service settings' ``parse_*`` and size caps.

        ``pool`` replaces the reader's own workers (a ``RemotePool`` of the server's host).
        """
        memory_mb = settings.parse_memory_mb
        if settings.ocr != "never" and _rapidocr_engine(settings.ocr_engine):
            # onnxruntime reserves up to ~2 GB of address space (1.8 GB measured); below
            # that every scan would end in the memory-limit error instead of being read.
            memory_mb = max(memory_mb, RAPIDOCR_MEMORY_MB)
        return cls(
            timeout_s=settings.parse_timeout_s,
            memory_mb=memory_mb,
            workers=settings.parse_workers,
            max_pages=settings.max_pages,
            max_bytes=int(settings.max_upload_mb * 1024 * 1024),
            ocr=OcrOptions(
                mode=settings.ocr,
                engine=settings.ocr_engine,
                dpi=settings.ocr_dpi,
                languages=settings.ocr_languages,
                max_pages=settings.ocr_max_pages,
                page_timeout_s=settings.ocr_timeout_s,
                document_timeout_s=settings.ocr_timeout_s,
            ),
            ocr_timeout_s=settings.ocr_timeout_s,
            pool=pool,
        )

    @property
    def budget_s(self) -> float:
        """Return the wall-clock time one document may take: parsing, plus OCR when it is
        enabled. The child holds parsing to ``timeout_s`` of CPU; OCR's share is granted
        only when a page needs it."""
        return self.timeout_s + (self.ocr_timeout_s if self.ocr.mode != "never" else 0.0)

    def _precheck(self, pdf: bytes) -> None:
        if len(pdf) > self.max_bytes:
            limit_mb = self.max_bytes / (1024 * 1024)
            raise LimitExceeded(
                "max_upload_mb",
                f"the file is {len(pdf) / (1024 * 1024):.1f} MB;"
                f" the limit (max_upload_mb) is {limit_mb:g} MB",
            )
        check_header(pdf)

    def _failure(self, lost: WorkerLost) -> DocumentError:
        if lost.cause == "timeout":
            ocr = (
                f"; OCR adds ocr_timeout_s = {self.ocr_timeout_s:g} s"
                if self.ocr.mode != "never"
                else ""
            )
            return DocumentTimeout(
                f"parsing stopped at the time limit (parse_timeout_s = {self.timeout_s:g} s{ocr})"
            )
        if lost.cause == "memory":
            return DocumentTooComplex(
                f"parsing stopped at the memory limit (parse_memory_mb = {self.memory_mb} MB)"
            )
        return DocumentError(f"the PDF could not be read: the parser crashed ({lost.detail})")

    def read(self, pdf: bytes, *, filename: str) -> ParsedDocument:
        """Return the parsed document, or raise DocumentError/LimitExceeded saying why not."""
        self._precheck(pdf)
        try:
            request = (pdf, filename, self.max_pages, self.timeout_s, self.ocr)
            outcome = self.pool.run(request, self.budget_s)
        except WorkerLost as lost:
            raise self._failure(lost) from None
        if outcome[0] == "ok":
            document: ParsedDocument = outcome[1]
            return document
        if outcome[0] == "limit":
            raise LimitExceeded(outcome[1], outcome[2])
        if outcome[1] == "DocumentTooComplex":
            raise self._failure(WorkerLost("memory", "MemoryError"))
        raise _ERRORS.get(outcome[1], DocumentError)(outcome[2])
