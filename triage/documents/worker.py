"""The child side of the sandbox: a process that parses PDFs under CPU and memory limits.

A worker sets ``RLIMIT_AS`` once when it starts and, before each document, moves its
``RLIMIT_CPU`` soft limit to "CPU used so far + the time budget", so a runaway parse is
stopped by the kernel (SIGXCPU) even if the parent's wall-clock watchdog were late.
Outcomes cross the pipe as plain tuples: exceptions with extra constructor arguments
(``LimitExceeded``) do not survive pickling.
"""

from __future__ import annotations

from multiprocessing.connection import Connection
from typing import Any

from triage.documents.ocr.options import OcrOptions
from triage.workers import answer_requests
from triage.workers.limits import limit_cpu, limit_memory, single_threaded

__all__ = ["Outcome", "Request", "serve"]

# (pdf bytes, filename, max_pages, cpu seconds to parse, OCR options) or None to stop.
Request = tuple[bytes, str, int, float, OcrOptions] | None
# ("ok", ParsedDocument) | ("limit", limit, detail) | ("error", error class name, detail)
Outcome = tuple[Any, ...]


def _parse(request: tuple[bytes, str, int, float, OcrOptions]) -> Outcome:
    from triage.documents.reader import parse_pdf
    from triage.errors import DocumentError, LimitExceeded

    data, filename, max_pages, budget_s, ocr = request
    limit_cpu(budget_s)
    try:
        # OCR gets its own CPU budget, granted only when a page needs it.
        document = parse_pdf(
            data,
            filename,
            max_pages=max_pages,
            ocr=ocr,
            before_ocr=lambda: limit_cpu(ocr.document_timeout_s),
        )
        return ("ok", document)
    except LimitExceeded as error:
        return ("limit", error.limit, error.detail)
    except DocumentError as error:
        return ("error", type(error).__name__, error.detail)
    except MemoryError:
        return ("error", "DocumentTooComplex", "")
    except RecursionError:
        return ("error", "DocumentError", "the PDF's structure is nested too deeply to read")


def serve(connection: Connection, memory_mb: int) -> None:
    """Answer parse requests on ``connection`` until told to stop; run in a child process."""
    # Before numpy, OpenCV and tesseract load: one thread each, so they reserve one
    # thread's buffers, stack and malloc arena against the address-space limit, not one
    # per core (triage.workers.limits).
    single_threaded()
    limit_memory(memory_mb)
    # Import the reader (and initialise pdfium) before saying ready, so start-up time is
    # never charged to a document's time limit.
    import triage.documents.reader  # noqa: F401

    answer_requests(connection, _parse, out_of_memory=("error", "DocumentTooComplex", ""))
