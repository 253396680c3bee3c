"""PageRenderer: PDF pages drawn as PNG in sandboxed, killable child processes.

The parent never opens the PDF: it sends the stored bytes to the next free render child
(``triage.documents.render_worker``, first come, first served) and waits at most
``timeout_s``; a child that overruns is killed and replaced (``triage.workers.WorkerPool``)
before the caller hears why. Every way a page can fail to draw - the time limit, the memory
limit, a crash, a damaged file, too many pixels - ends as ``RenderFailed`` with a sentence
for the placeholder image the review page shows instead.

``triage serve`` keeps the render children in its supervisor beside the parse children
(``triage.components.start_worker_host``), so the server processes hold no pdfium state.
A renderer of its own starts its children on first use, not when the app starts.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from triage.documents.render_worker import serve
from triage.workers import Closing, Pool, WorkerLost, WorkerPool

if TYPE_CHECKING:
    from triage.config import Settings

__all__ = ["PageRenderer", "PageSize", "RenderFailed", "render_pool"]

PageSize = tuple[float, float]


class RenderFailed(Exception):
    """A page that could not be drawn; ``reason`` says why, in words for the analyst."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def render_pool(*, memory_mb: int, workers: int) -> WorkerPool:
    """Return ``workers`` render children, each limited to ``memory_mb`` of address space."""
    return WorkerPool(serve, (memory_mb,), size=workers, name="triage-page-renderer")


class PageRenderer(Closing):
    """Draws pages and reads page sizes of PDFs in child processes, under limits."""

    def __init__(
        self,
        *,
        timeout_s: float = 10.0,
        memory_mb: int = 768,
        workers: int = 1,
        max_pixels: int = 20_000_000,
        pool: Pool | None = None,
    ) -> None:
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.workers = workers
        self.max_pixels = max_pixels
        self._pool = pool
        self._lock = threading.Lock()
        self._closed = False

    @classmethod
    def from_settings(cls, settings: Settings, *, pool: Pool | None = None) -> PageRenderer:
        """Return a renderer with the ``render_*`` limits of ``settings`` (``pool`` replaces
        its own children: a ``RemotePool`` of the server's host)."""
        return cls(
            timeout_s=settings.render_timeout_s,
            memory_mb=settings.render_memory_mb,
            workers=settings.render_workers,
            max_pixels=settings.render_max_pixels,
            pool=pool,
        )

    @property
    def pool(self) -> Pool:
        """Return the pool, starting this renderer's own children on first use."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the page renderer is closed")
            if self._pool is None:
                self._pool = render_pool(memory_mb=self.memory_mb, workers=self.workers)
            return self._pool

    def worker_pids(self) -> list[int]:
        """Return the process ids of this renderer's own children (none before first use)."""
        with self._lock:
            return self._pool.pids() if self._pool is not None else []

    def _ask(self, request: tuple[object, ...]) -> object:
        try:
            outcome = self.pool.run(request, self.timeout_s)
        except WorkerLost as lost:
            raise RenderFailed(self._lost(lost)) from None
        if outcome[0] == "ok":
            return outcome[1]
        if outcome[1] == "memory":
            raise RenderFailed(self._lost(WorkerLost("memory", "MemoryError")))
        raise RenderFailed(str(outcome[1]))

    def _lost(self, lost: WorkerLost) -> str:
        if lost.cause == "timeout":
            return f"drawing it stopped at the time limit (render_timeout_s = {self.timeout_s:g} s)"
        if lost.cause == "memory":
            return f"drawing it stopped at the memory limit (render_memory_mb = {self.memory_mb})"
        return f"the renderer crashed on it ({lost.detail})"

    def page_sizes(self, pdf: bytes) -> tuple[PageSize, ...]:
        """Return (width, height) in PDF points of every page; raise RenderFailed."""
        sizes = self._ask(("sizes", pdf, self.timeout_s))
        assert isinstance(sizes, tuple)
        return sizes

    def render(self, pdf: bytes, page: int, scale: float) -> bytes:
        """Return the PNG of 1-based ``page`` drawn at ``scale``; raise RenderFailed."""
        png = self._ask(("render", pdf, page, scale, self.max_pixels, self.timeout_s))
        assert isinstance(png, bytes)
        return png

    def close(self) -> None:
        """Stop this renderer's children (a remote pool's belong to the host)."""
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()
