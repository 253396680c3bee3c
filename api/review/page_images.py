"""PDF pages rendered to PNG for the order page, cached on disk by document, page and scale.

pdfium is not thread-safe, so rendering holds one process-wide lock; a cached image is
served without touching pdfium. The cache lives under DATA_DIR/page-images and is written
atomically (temporary file, then rename), so concurrent workers never serve half a PNG.
"""

from __future__ import annotations

import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

import pypdfium2 as pdfium

from triage.errors import NotFound
from triage.store import Store

__all__ = ["PageSize", "page_image", "page_sizes"]

PageSize = tuple[float, float]
_PDFIUM = threading.Lock()


def _document(store: Store, sha256: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(store.blobs.get(sha256))
    except (FileNotFoundError, ValueError):
        raise NotFound(f"document {sha256!r} is not stored") from None


@lru_cache(maxsize=256)
def _sizes(blob_path: Path) -> tuple[PageSize, ...]:
    with _PDFIUM:
        document = pdfium.PdfDocument(blob_path.read_bytes())
        try:
            return tuple(
                (float(document[i].get_width()), float(document[i].get_height()))
                for i in range(len(document))
            )
        finally:
            document.close()


def page_sizes(store: Store, sha256: str) -> tuple[PageSize, ...]:
    """Return (width, height) in PDF points of each page of the stored document."""
    try:
        path = store.blobs.path_for(sha256)
    except ValueError:
        raise NotFound(f"document {sha256!r} is not stored") from None
    if not path.exists():
        raise NotFound(f"document {sha256!r} is not stored")
    return _sizes(path)


def page_image(store: Store, cache_dir: Path, sha256: str, page: int, scale: float) -> Path:
    """Return the PNG of 1-based ``page`` at ``scale``, rendering it once; raise NotFound."""
    sizes = page_sizes(store, sha256)
    if not 1 <= page <= len(sizes):
        raise NotFound(f"document {sha256[:12]}… has no page {page}")
    target = cache_dir / sha256[:2] / f"{sha256}-p{page}-s{scale:.2f}.png"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with _PDFIUM:
        if target.exists():
            return target
        document = _document(store, sha256)
        try:
            image = document[page - 1].render(scale=scale).to_pil()
        finally:
            document.close()
    fd, partial = tempfile.mkstemp(dir=target.parent, prefix=".render-", suffix=".png")
    try:
        with os.fdopen(fd, "wb") as handle:
            image.save(handle, format="PNG", optimize=True)
        os.replace(partial, target)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return target
