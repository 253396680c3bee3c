"""PDF bytes -> ParsedDocument, in this process, with pdfium.

This is the fast reading pass. It trusts nothing about the input but it does not protect
the calling process from a hostile file (a decompression bomb, a pathological page): run
it through ``triage.documents.sandbox.SandboxedReader`` for that.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable
from typing import Any

import pypdfium2  # noqa: F401  (importing the package initialises the pdfium library)
import pypdfium2.raw as pdfium_c

from triage.documents.ocr import NO_OCR, OcrOptions, recognise_pages
from triage.documents.parsed import Page, ParsedDocument
from triage.documents.pdfium_page import read_page
from triage.errors import DocumentError, EncryptedDocument, LimitExceeded

__all__ = ["HEADER_WINDOW", "check_header", "parse_pdf"]

HEADER_WINDOW = 1024
_CATALOG = re.compile(
    rb"(\d{1,10})\s+\d{1,5}\s+obj\s*<<(?:(?!endobj).){0,512}?/Type\s*/Catalog", re.S
)
# pdfium keeps global state and is not thread-safe: one parse at a time per process.
_PDFIUM_LOCK = threading.Lock()


def check_header(data: bytes) -> None:
    """Raise ``DocumentError`` unless ``%PDF-`` occurs in the first 1024 bytes."""
    if not data:
        raise DocumentError("not a PDF: the file is empty")
    if b"%PDF-" not in data[:HEADER_WINDOW]:
        raise DocumentError(f"not a PDF: no %PDF- header in the first {HEADER_WINDOW} bytes")


def _load_error(code: int) -> DocumentError:
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return EncryptedDocument("the PDF is encrypted with a password; send an unlocked copy")
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return EncryptedDocument("the PDF uses an unsupported encryption scheme")
    if code == pdfium_c.FPDF_ERR_FORMAT:
        return DocumentError("not a readable PDF: the file is damaged beyond repair")
    return DocumentError(f"the PDF could not be opened (pdfium error {code})")


def _open(data: bytes) -> tuple[Any, bytes, list[str]]:
    """Return the open document, the bytes pdfium reads (keep them alive) and warnings."""
    document = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if document:
        return document, data, []
    error = _load_error(int(pdfium_c.FPDF_GetLastError()))
    catalog = _CATALOG.search(data) if type(error) is DocumentError else None
    if catalog is None:
        raise error
    # A truncated upload loses its trailer, without which pdfium cannot find the root
    # even though it rebuilds the object table: name the catalog in a new trailer.
    patched = data + b"\ntrailer\n<< /Root %s 0 R >>\n%%%%EOF\n" % catalog.group(1)
    document = pdfium_c.FPDF_LoadMemDocument64(patched, len(patched), None)
    if not document:
        raise error
    return document, patched, ["the PDF is truncated or damaged; some content may be missing"]


def _document_warnings(document: Any) -> list[str]:
    warnings = []
    if not pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(document):
        warnings.append(
            "the PDF's cross-reference table is damaged; it was rebuilt and"
            " some content may be missing"
        )
    return warnings


def _read_pages(
    document: Any, count: int, ocr: OcrOptions, before_ocr: Callable[[], None] | None
) -> tuple[list[Page], list[str]]:
    pages: list[Page] = []
    warnings: list[str] = []
    for index in range(count):
        page, page_warnings = read_page(document, index)
        pages.append(page)
        warnings.extend(page_warnings)
    return recognise_pages(document, pages, warnings, ocr, before_ocr)


def _check_readable(pages: list[Page], warnings: list[str]) -> None:
    if all(page.width == 0 and not page.lines for page in pages):
        raise DocumentError(f"none of the PDF's {len(pages)} pages could be read")
    if not any(page.lines for page in pages) and all(page.has_text_layer for page in pages):
        warnings.append("the PDF contains no text")


def parse_pdf(
    data: bytes,
    filename: str,
    *,
    max_pages: int,
    ocr: OcrOptions = NO_OCR,
    before_ocr: Callable[[], None] | None = None,
) -> ParsedDocument:
    """Return the document's pages of positioned words, in pdfplumber's coordinates.

    Pages without a usable text layer are read by OCR as ``ocr`` says (by default not:
    OCR belongs in the sandboxed children, ``SandboxedReader``); ``before_ocr`` is called
    once before the first page is recognised (the child grants OCR its time budget).

    Raises ``DocumentError`` for bytes that are not a readable PDF or have no pages,
    ``EncryptedDocument`` for a password-protected PDF and ``LimitExceeded`` (limit
    ``max_pages``) for a PDF with more than ``max_pages`` pages. Damage that pdfium can
    repair and pages without a text layer become ``warnings`` on the result.
    """
    check_header(data)
    with _PDFIUM_LOCK:
        # pdfium reads ``source`` in place; it stays referenced until the document is closed.
        document, source, warnings = _open(data)
        try:
            count = int(pdfium_c.FPDF_GetPageCount(document))
            if count <= 0:
                raise DocumentError("the PDF has no pages")
            if count > max_pages:
                raise LimitExceeded(
                    "max_pages", f"the PDF has {count} pages; the limit (max_pages) is {max_pages}"
                )
            warnings += _document_warnings(document)
            pages, page_warnings = _read_pages(document, count, ocr, before_ocr)
        finally:
            pdfium_c.FPDF_CloseDocument(document)
            del source
    _check_readable(pages, page_warnings)
    return ParsedDocument(
        sha256=hashlib.sha256(data).hexdigest(),
        filename=filename,
        pages=tuple(pages),
        warnings=tuple(warnings + page_warnings),
    )
