"""OCR for pages without a usable text layer, run inside the sandboxed reader's children.

``recognise_pages`` takes the pages the text layer gave and replaces those that need OCR
(``OcrOptions.mode``): image-only pages, and pages whose text layer is garbage
(``text_layer_usable``). Recognised pages keep the ``ParsedDocument`` shape, so the
extraction, its evidence boxes and the review page read them like any other page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pypdfium2.raw as pdfium_c

from triage.documents.ocr.options import NO_OCR, OCR_MODES, OcrOptions
from triage.documents.ocr.quality import text_layer_usable
from triage.documents.parsed import Page
from triage.errors import DocumentError, LimitExceeded

if TYPE_CHECKING:
    from triage.documents.ocr.engines import OcrEngine

__all__ = ["NO_OCR", "OCR_MODES", "OcrOptions", "recognise_pages", "text_layer_usable"]

# One engine per child process, loaded on the first page that needs it.
_LOADED: dict[tuple[str, str], OcrEngine | None] = {}


def _engine(name: str, languages: str) -> OcrEngine | None:
    # Imported here: OpenCV and the engines cost every parse child ~100 MB of address
    # space, which only a child that meets a scan should pay.
    from triage.documents.ocr.engines import load_engine

    if (name, languages) not in _LOADED:
        _LOADED[name, languages] = load_engine(name, languages)
    return _LOADED[name, languages]


def _why(page: Page, mode: str) -> str | None:
    """Return why ``page`` needs OCR, or None when its text layer serves."""
    if page.width <= 0:
        return None  # the page could not be loaded at all
    if not page.has_text_layer:
        return "has no text layer"
    if page.lines and not text_layer_usable(page.words):
        return "has an unreadable text layer (a font without a Unicode map?)"
    if mode == "always":
        return "was read with OCR on request"
    return None


def recognise_pages(
    document: Any,
    pages: list[Page],
    warnings: list[str],
    options: OcrOptions,
    before_ocr: Callable[[], None] | None = None,
) -> tuple[list[Page], list[str]]:
    """Return ``pages`` and ``warnings`` with the pages that need OCR read by OCR.

    Raises ``LimitExceeded`` when more than ``options.max_pages`` pages need OCR, or when
    a page's images are too large or too many to render (an image bomb).
    """
    if options.mode == "never":
        return pages, warnings
    todo = {page.number: why for page in pages if (why := _why(page, options.mode))}
    if not todo:
        return pages, warnings
    if len(todo) > options.max_pages:
        raise LimitExceeded(
            "ocr_max_pages",
            f"{len(todo)} pages need OCR; the limit (ocr_max_pages) is {options.max_pages}",
        )
    engine = _engine(options.engine, options.languages)
    if engine is None:
        return pages, [
            *warnings,
            f"no OCR engine is installed ({options.engine}); scanned pages were not read",
        ]
    import cv2

    from triage.documents.ocr.page import ocr_page

    if before_ocr is not None:
        before_ocr()

    read: list[Page] = []
    notes = list(warnings)
    for page in pages:
        why = todo.get(page.number)
        if why is None:
            read.append(page)
            continue
        handle = pdfium_c.FPDF_LoadPage(document, page.number - 1)
        try:
            recognised = ocr_page(handle, page.number, (page.width, page.height), engine, options)
        except cv2.error as error:
            if "bad_alloc" in str(error) or "Insufficient memory" in str(error):
                raise MemoryError(f"OCR of page {page.number} ran out of memory") from None
            raise DocumentError(f"OCR of page {page.number} failed: {error.err}") from None
        finally:
            pdfium_c.FPDF_ClosePage(handle)
        notes = [n for n in notes if n != f"page {page.number} has no text layer"]
        notes.append(f"page {page.number} {why}: its words were read by OCR ({engine.name})")
        if not recognised.lines:
            notes.append(f"page {page.number}: OCR found no text")
        read.append(recognised)
    return read, notes
