"""Page images for the review page: drawn once in the render sandbox, cached, never blocking.

``PageImages.request`` answers at once with a future: a cached image or a remembered
failure is ready immediately, a page already being drawn shares that drawing (one render
per page and scale at a time, within a process by the in-flight table and across server
processes by a lock file), and anything else is queued on a few threads of its own - so
however many images are asked for, they hold none of the threads the other requests are
served on. When more than ``max_pending`` drawings are queued, new ones are refused
(``ServiceBusy``, 503) rather than queued without end.

A page that cannot be drawn (time or memory limit, crash, damaged file, too many pixels)
gets a placeholder image saying so, in the page's proportions, and the failure is
remembered so it is not drawn again. Placeholders are drawn on the drawing threads (and
kept in memory), never on the caller's. Only the scales in ``SCALES`` are drawn.
"""

from __future__ import annotations

import fcntl
import io
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw

from triage.auth import Caller
from triage.documents.renderer import PageRenderer, PageSize, RenderFailed
from triage.errors import InputError, NotFound, ServiceBusy
from triage.store import Store
from triage.store import orders as order_rows
from triage.store.page_cache import PageCache

__all__ = ["SCALES", "PageImage", "PageImages", "check_document_access", "placeholder_png"]

SCALES = (1.0, 1.5, 2.0, 3.0)
LETTER: PageSize = (612.0, 792.0)
PLACEHOLDER_MAX_PX = 1200
WHOLE_DOCUMENT = 0  # the "page" whose failure note says the document cannot be opened


@dataclass(frozen=True)
class PageImage:
    """A page as PNG bytes; ``placeholder`` says why, when it is a notice instead."""

    png: bytes
    placeholder: str | None = None


@lru_cache(maxsize=64)
def placeholder_png(size: PageSize, scale: float, reason: str) -> bytes:
    """Return a grey PNG in the page's proportions saying the page cannot be shown, and why."""
    width, height = abs(size[0]) or LETTER[0], abs(size[1]) or LETTER[1]
    fit = min(scale, PLACEHOLDER_MAX_PX / max(width, height))
    image = Image.new("RGB", (max(int(width * fit), 200), max(int(height * fit), 200)), "#eeeeee")
    draw = ImageDraw.Draw(image)
    draw.rectangle((4, 4, image.width - 5, image.height - 5), outline="#999999", width=3)
    lines = ["This page cannot be shown.", *_wrap(reason, 40), "", "The order's data is intact."]
    for row, line in enumerate(lines):
        draw.text((24, 24 + 18 * row), line, fill="#333333")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def check_document_access(store: Store, caller: Caller, sha256: str) -> None:
    """Raise NotFound unless an order of the caller's tenant was read from ``sha256``."""
    with store.reading() as session:
        if not order_rows.tenant_has_document(session, sha256, tenant_id=caller.tenant_id):
            raise NotFound(f"document {sha256[:12]}… is not stored")


class PageImages:
    """Page images of stored documents (see the module docstring)."""

    def __init__(
        self,
        store: Store,
        renderer: PageRenderer,
        cache: PageCache,
        *,
        threads: int = 2,
        max_pending: int = 32,
    ) -> None:
        self.store = store
        self.renderer = renderer
        self.cache = cache
        self.max_pending = max_pending
        self._drawing = ThreadPoolExecutor(threads, thread_name_prefix="triage-page-images")
        self._measuring = ThreadPoolExecutor(1, thread_name_prefix="triage-page-sizes")
        self._in_flight: dict[tuple[str, int, float], Future[PageImage]] = {}
        self._lock = threading.Lock()

    def _pdf(self, sha256: str) -> bytes:
        try:
            return self.store.blobs.get(sha256)
        except (FileNotFoundError, ValueError):
            raise NotFound(f"document {sha256[:12]}… is not stored") from None

    def _require(self, sha256: str) -> None:
        """Raise NotFound unless the document is stored (without reading it: callers may
        be on the event loop)."""
        try:
            stored = self.store.blobs.exists(sha256)
        except ValueError:
            stored = False
        if not stored:
            raise NotFound(f"document {sha256[:12]}… is not stored")

    def _sizes(self, sha256: str) -> tuple[PageSize, ...] | str:
        """Return the page sizes, measured once in the sandbox, or why they cannot be."""
        cached = self.cache.sizes(sha256)
        if cached is not None:
            return cached
        unreadable = self.cache.failure(sha256, WHOLE_DOCUMENT)
        if unreadable is not None:
            return unreadable
        try:
            sizes = self.renderer.page_sizes(self._pdf(sha256))
        except RenderFailed as failed:
            self.cache.put_failure(sha256, WHOLE_DOCUMENT, failed.reason)
            return failed.reason
        self.cache.put_sizes(sha256, sizes)
        return sizes

    def page_sizes(self, sha256: str, pages: int, *, wait_s: float) -> tuple[PageSize, ...]:
        """Return each page's (width, height) in points, waiting at most ``wait_s`` for the
        sandbox; a document that cannot be measured in time gets ``pages`` letter pages."""
        cached = self.cache.sizes(sha256)
        if cached is not None:
            return cached
        self._require(sha256)  # NotFound before anything is queued
        try:
            sizes = self._measuring.submit(self._sizes, sha256).result(timeout=wait_s)
        except FutureTimeout:
            sizes = "not measured in time"
        return sizes if isinstance(sizes, tuple) else (LETTER,) * max(pages, 1)

    def request(self, sha256: str, page: int, scale: float) -> Future[PageImage]:
        """Return a future of the page's image; raise InputError for a scale not in SCALES,
        NotFound for an unknown document and ServiceBusy when too many drawings wait."""
        if scale not in SCALES:
            raise InputError(f"scale must be one of {', '.join(f'{s:g}' for s in SCALES)}")
        png = self.cache.image(sha256, page, scale)  # the common case, answered on the spot
        if png is not None:
            done: Future[PageImage] = Future()
            done.set_result(PageImage(png))
            return done
        self._require(sha256)
        key = (sha256, page, scale)
        with self._lock:
            if key in self._in_flight:
                return self._in_flight[key]
            if len(self._in_flight) >= self.max_pending:
                raise ServiceBusy(
                    f"{len(self._in_flight)} page images are being drawn; try again shortly"
                )
            future = self._drawing.submit(self._draw, sha256, page, scale)
            self._in_flight[key] = future
        future.add_done_callback(lambda _: self._forget(key))
        return future

    def _forget(self, key: tuple[str, int, float]) -> None:
        with self._lock:
            self._in_flight.pop(key, None)

    def _ready(self, sha256: str, page: int, scale: float) -> PageImage | None:
        png = self.cache.image(sha256, page, scale)
        if png is not None:
            return PageImage(png)
        reason = self.cache.failure(sha256, page) or self.cache.failure(sha256, WHOLE_DOCUMENT)
        if reason is not None:
            sizes = self.cache.sizes(sha256)
            size = sizes[page - 1] if sizes and page <= len(sizes) else LETTER
            return PageImage(placeholder_png(size, scale, reason), reason)
        return None

    def _draw(self, sha256: str, page: int, scale: float) -> PageImage:
        with open(self.cache.lock_path(sha256, page, scale), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another server process may be drawing it
            ready = self._ready(sha256, page, scale)
            if ready is not None:
                return ready
            sizes = self._sizes(sha256)
            if isinstance(sizes, str):
                return PageImage(placeholder_png(LETTER, scale, sizes), sizes)
            if not 1 <= page <= len(sizes):
                raise NotFound(f"document {sha256[:12]}… has no page {page}")
            width, height = sizes[page - 1]
            if abs(width * height) * scale * scale > self.renderer.max_pixels:
                reason = (
                    f"at scale {scale:g} it would be {abs(width * height) * scale * scale:,.0f}"
                    f" pixels; the limit (render_max_pixels) is {self.renderer.max_pixels:,}"
                )
                return PageImage(placeholder_png(sizes[page - 1], scale, reason), reason)
            try:
                png = self.renderer.render(self._pdf(sha256), page, scale)
            except RenderFailed as failed:
                self.cache.put_failure(sha256, page, failed.reason)
                notice = placeholder_png(sizes[page - 1], scale, failed.reason)
                return PageImage(notice, failed.reason)
            self.cache.put_image(sha256, page, scale, png)
            return PageImage(png)

    def close(self) -> None:
        """Stop taking drawings and stop the renderer's own children."""
        self._drawing.shutdown(wait=False, cancel_futures=True)
        self._measuring.shutdown(wait=False, cancel_futures=True)
        self.renderer.close()
