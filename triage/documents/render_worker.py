"""The child side of page rendering: a process that draws PDF pages as PNG under limits.

The review page shows stored PDFs as images. Drawing a page runs the whole content stream
through pdfium, and a 3 KB file whose form XObjects draw each other ten times over takes
minutes and gigabytes; so, like parsing (``triage.documents.worker``), rendering happens
only here: ``RLIMIT_AS`` caps the memory once at start, ``RLIMIT_CPU`` is moved before each
page so the kernel stops a runaway render even if the parent's watchdog were late, and the
process runs at a lower CPU priority (``nice``) so a render never competes on equal terms
with the orders the server is checking. Pages whose pixel count would pass ``max_pixels``
are refused before pdfium draws anything.

Requests and answers are plain tuples (see ``Request`` and ``Outcome``).
"""

from __future__ import annotations

import io
import os
from multiprocessing.connection import Connection
from typing import Any

from triage.workers import answer_requests
from triage.workers.limits import limit_cpu, limit_memory

__all__ = ["NICENESS", "Outcome", "Request", "serve"]

# ("sizes", pdf, cpu seconds) | ("render", pdf, 1-based page, scale, max pixels, cpu seconds)
Request = tuple[Any, ...] | None
# ("ok", value) | ("refused", why) | ("error", why)
Outcome = tuple[Any, ...]
NICENESS = 10


def _sizes(pdf: bytes) -> Outcome:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        # By index, without loading the page: a page's load parses its resources, which a
        # hostile page makes slow (0.34 s for the nested-forms bomb, 50 us this way).
        sizes = (document.get_page_size(index) for index in range(len(document)))
        return ("ok", tuple((float(width), float(height)) for width, height in sizes))
    finally:
        document.close()


def _render(pdf: bytes, number: int, scale: float, max_pixels: int) -> Outcome:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= number <= len(document):
            return ("refused", f"the document has no page {number}")
        page = document[number - 1]
        width, height = abs(page.get_width()) * scale, abs(page.get_height()) * scale
        if width * height > max_pixels:
            return (
                "refused",
                f"the page would be {width:.0f} x {height:.0f} pixels;"
                f" the limit (render_max_pixels) is {max_pixels:,}",
            )
        image = page.render(scale=scale).to_pil()
        page.close()
    finally:
        document.close()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return ("ok", buffer.getvalue())


def _answer(request: tuple[Any, ...]) -> Outcome:
    try:
        if request[0] == "sizes":
            limit_cpu(request[2])
            return _sizes(request[1])
        _, pdf, number, scale, max_pixels, budget_s = request
        limit_cpu(budget_s)
        return _render(pdf, number, scale, max_pixels)
    except MemoryError:
        return ("error", "memory")
    except RecursionError:
        return ("error", "the PDF's structure is nested too deeply to draw")
    except Exception as error:  # pdfium's PdfiumError and friends: the file is damaged
        return ("error", f"the PDF could not be drawn ({type(error).__name__})")


def serve(connection: Connection, memory_mb: int) -> None:
    """Answer render requests on ``connection`` until told to stop; run in a child process."""
    limit_memory(memory_mb)
    os.nice(NICENESS)
    import PIL.PngImagePlugin  # noqa: F401
    import pypdfium2  # noqa: F401  (initialise pdfium before saying ready)

    answer_requests(connection, _answer, out_of_memory=("error", "memory"))
