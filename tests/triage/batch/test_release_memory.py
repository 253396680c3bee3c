"""Freed heap pages go back to the system between units of work (glibc's malloc_trim)."""

from __future__ import annotations

import platform

import pytest

from triage.batch.engines import release_freed_memory, rss_mb

pytestmark = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="malloc_trim is glibc's",
)


def test_pages_freed_below_a_live_object_are_handed_back() -> None:
    # 60 MB of 1 KB buffers (malloc's heap, not mmap), then one object allocated above
    # them that stays alive: freeing the buffers cannot shrink the heap from its top, so
    # the pages stay resident until they are released.
    buffers = [bytes(1024) + bytes([i % 256]) for i in range(60_000)]
    pinned = [bytes(1024) + b"x"]
    del buffers
    held = rss_mb()
    release_freed_memory()
    released = rss_mb()
    assert pinned
    assert held - released >= 30, f"RSS {held:.1f} MB before the release, {released:.1f} after"
