"""PDFs on disk, addressed by the SHA-256 of their bytes and written once.

A blob is written to a temporary file, flushed to disk and renamed into place, so a
crash never leaves a half-written document under its final name.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

__all__ = ["BlobStore", "sha256_hex"]


def sha256_hex(data: bytes) -> str:
    """Return the lowercase hex SHA-256 digest of ``data``."""
    return hashlib.sha256(data).hexdigest()


class BlobStore:
    """Content-addressed files under ``root/ab/cd/<sha256>.pdf``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """Return where the blob with digest ``sha256`` lives (whether or not it exists)."""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / f"{sha256}.pdf"

    def put(self, data: bytes) -> str:
        """Store ``data`` once and return its digest; an existing blob is left untouched."""
        digest = sha256_hex(data)
        target = self.path_for(digest)
        if target.exists():
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(fd, "wb") as tmp:
                tmp.write(data)
                tmp.flush()
                os.fsync(tmp.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return digest

    def get(self, sha256: str) -> bytes:
        """Return the bytes stored under ``sha256``; raise FileNotFoundError if absent."""
        return self.path_for(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        """Return True when a blob with digest ``sha256`` is stored."""
        return self.path_for(sha256).exists()
