"""The review pages' access to page images: one ``PageImages`` per app, made on first use.

Drawing happens in the render sandbox (``triage.documents.renderer``): in the supervisor's
children under ``triage serve``, or in children of this process otherwise, started only
when the first image is asked for. Nothing here opens a PDF.
"""

from __future__ import annotations

import threading

from fastapi import Request

from api.review.session import review_settings
from triage.components import page_renderer
from triage.service.page_images import PageImages
from triage.store.page_cache import PageCache

__all__ = ["close_page_images", "page_images"]

_CREATING = threading.Lock()


def page_images(request: Request) -> PageImages:
    """Return the app's page images, creating them (and the cache folder) on first use."""
    state = request.app.state
    with _CREATING:
        if getattr(state, "page_images", None) is None:
            runtime = state.runtime
            settings = review_settings(request)
            cache = PageCache(
                runtime.settings.data_dir / "page-images",
                max_bytes=int(settings.page_cache_mb * 1024 * 1024),
            )
            state.page_images = PageImages(
                runtime.store,
                page_renderer(runtime.settings),
                cache,
                max_pending=settings.page_images_pending,
            )
    images: PageImages = state.page_images
    return images


def close_page_images(state: object) -> None:
    """Stop the page images of an app (its render children, if it has its own)."""
    images = getattr(state, "page_images", None)
    if images is not None:
        images.close()
