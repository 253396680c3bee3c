"""Page images on disk: PNGs by document, page and scale, bounded in size, oldest out first.

Files live under ``root/ab/`` (the digest's first two characters):

- ``<sha256>-p<page>-s<scale>.png``: a drawn page; reading one refreshes its modification
  time, so eviction removes the least recently *shown* images first;
- ``<sha256>-p<page>.failed``: why that page cannot be drawn (at any scale), so a page that
  ran into the time limit is not drawn again on every request;
- ``<sha256>.sizes.json``: the page sizes of the document, in PDF points.

Every file is written to a temporary name and renamed into place, so a reader in another
process never sees half of one. When the PNGs together pass ``max_bytes``, the oldest are
removed until they fill at most nine tenths of it.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path

__all__ = ["PageCache"]

PageSize = tuple[float, float]


class PageCache:
    """A bounded folder of page images, failure notes and page sizes (see the module doc)."""

    def __init__(self, root: Path, *, max_bytes: int) -> None:
        self.root = root
        self.max_bytes = max_bytes

    def _path(self, sha256: str, suffix: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}{suffix}"

    def lock_path(self, sha256: str, page: int, scale: float) -> Path:
        """Return the file whose lock one process holds while it draws this image."""
        path = self._path(sha256, f"-p{page}-s{scale:.2f}.lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        return path

    def _write(self, target: Path, data: bytes) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(dir=target.parent, prefix=".partial-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise

    def image(self, sha256: str, page: int, scale: float) -> bytes | None:
        """Return the cached PNG (marking it recently used), or None."""
        path = self._path(sha256, f"-p{page}-s{scale:.2f}.png")
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)
        return data

    def put_image(self, sha256: str, page: int, scale: float, png: bytes) -> None:
        """Store a drawn page, then evict the oldest images if the cache is over its bound."""
        self._write(self._path(sha256, f"-p{page}-s{scale:.2f}.png"), png)
        self.evict()

    def failure(self, sha256: str, page: int) -> str | None:
        """Return why the page cannot be drawn, if a render of it already failed."""
        try:
            return self._path(sha256, f"-p{page}.failed").read_text()
        except FileNotFoundError:
            return None

    def put_failure(self, sha256: str, page: int, reason: str) -> None:
        """Remember that the page cannot be drawn, and why."""
        self._write(self._path(sha256, f"-p{page}.failed"), reason.encode())

    def sizes(self, sha256: str) -> tuple[PageSize, ...] | None:
        """Return the cached page sizes of the document, or None."""
        try:
            raw = json.loads(self._path(sha256, ".sizes.json").read_text())
        except (FileNotFoundError, ValueError):
            return None
        return tuple((float(w), float(h)) for w, h in raw)

    def put_sizes(self, sha256: str, sizes: tuple[PageSize, ...]) -> None:
        """Remember the page sizes of the document."""
        self._write(self._path(sha256, ".sizes.json"), json.dumps(sizes).encode())

    def used_bytes(self) -> int:
        """Return the bytes the cached PNGs take."""
        return sum(size for _, size, _ in self._images())

    def _images(self) -> list[tuple[float, int, Path]]:
        found = []
        for path in self.root.glob("*/*.png"):
            with contextlib.suppress(FileNotFoundError):  # evicted by another process
                stat = path.stat()
                found.append((stat.st_mtime, stat.st_size, path))
        return found

    def evict(self) -> int:
        """Remove the least recently used PNGs while they pass the bound; return how many."""
        images = self._images()
        total = sum(size for _, size, _ in images)
        if total <= self.max_bytes:
            return 0
        removed = 0
        for _, size, path in sorted(images):
            if total <= self.max_bytes * 0.9:
                break
            path.unlink(missing_ok=True)
            total -= size
            removed += 1
        return removed
