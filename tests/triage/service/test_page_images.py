"""PageImages and PageCache: one drawing per page and scale, a bound on the queue and disk."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.api.render_bombs import render_bomb
from triage.documents.renderer import PageRenderer
from triage.documents.specimen import render_order_form
from triage.errors import InputError, ServiceBusy
from triage.service.page_images import PageImages, placeholder_png
from triage.store import Store, open_store
from triage.store.page_cache import PageCache


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'triage.db'}", tmp_path)
    yield opened
    opened.close()


def _images(store: Store, tmp_path: Path, **limits: int) -> PageImages:
    renderer = PageRenderer(timeout_s=2.0, memory_mb=512, workers=1)
    cache = PageCache(tmp_path / "page-images", max_bytes=limits.pop("max_bytes", 10**8))
    return PageImages(store, renderer, cache, **limits)


def test_concurrent_requests_for_one_page_share_one_drawing(store: Store, tmp_path: Path) -> None:
    sha256 = store.blobs.put(render_order_form(3))
    images = _images(store, tmp_path)
    try:
        futures = [images.request(sha256, 1, 1.5) for _ in range(20)]
        assert len({id(f) for f in futures}) == 1
        other = images.request(sha256, 1, 2.0)
        assert other is not futures[0]
        assert futures[0].result(30).placeholder is None and other.result(30).placeholder is None
        assert images.request(sha256, 1, 1.5).result(0).png == futures[0].result().png
    finally:
        images.close()


def test_too_many_queued_drawings_are_refused(store: Store, tmp_path: Path) -> None:
    sha256 = store.blobs.put(render_bomb(pages=4, depth=6))
    images = _images(store, tmp_path, max_pending=2, threads=1)
    try:
        images.request(sha256, 1, 1.0)
        images.request(sha256, 2, 1.0)
        with pytest.raises(ServiceBusy, match="being drawn"):
            images.request(sha256, 3, 1.0)
        with pytest.raises(InputError, match="scale must be one of"):
            images.request(sha256, 3, 1.25)
    finally:
        images.close()


def test_the_cache_evicts_the_least_recently_shown_images(tmp_path: Path) -> None:
    cache = PageCache(tmp_path, max_bytes=25_000)
    png = os.urandom(10_000)
    for page in (1, 2):
        cache.put_image("a" * 64, page, 1.0, png)
    os.utime(next(tmp_path.glob("*/*-p1-*.png")), (1, 1))  # page 1 shown long ago
    cache.image("a" * 64, 2, 1.0)
    cache.put_image("a" * 64, 3, 1.0, png)  # 30 000 bytes > 25 000: the oldest goes
    assert cache.image("a" * 64, 1, 1.0) is None
    assert cache.image("a" * 64, 2, 1.0) == png and cache.image("a" * 64, 3, 1.0) == png
    assert cache.used_bytes() <= 25_000


def test_a_placeholder_keeps_the_page_proportions_and_says_why() -> None:
    image = Image.open(io.BytesIO(placeholder_png((612, 792), 1.5, "it took too long")))
    assert image.size == (918, 1188)
    wide = Image.open(io.BytesIO(placeholder_png((14400, 7200), 3.0, "too big")))
    assert max(wide.size) == 1200 and wide.size[0] == 2 * wide.size[1]
