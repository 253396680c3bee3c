"""Replies cached by (document sha256, prompt version, model, key), in memory and on disk.

The raw reply text is cached, not the verdict: checking a cached reply re-runs the same
deterministic validation, so tightening a check applies to old replies too. A reply that
never came (timeout, error) is not cached, so it is tried again next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from pathlib import Path

__all__ = ["CacheKey", "ReplyCache"]

CacheKey = tuple[str, str, str, str]
"""(document sha256 or content hash, prompt version, model, key such as a field name)."""

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _part(text: str) -> str:
    safe = _SAFE.sub("_", text)[:60]
    return safe if safe == text else f"{safe}-{hashlib.sha256(text.encode()).hexdigest()[:8]}"


class ReplyCache:
    """A reply store; with a folder, replies survive the process (one JSON file each)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._memory: dict[CacheKey, str] = {}
        self._lock = threading.Lock()

    def _file(self, key: CacheKey) -> Path | None:
        if self.folder is None:
            return None
        document, prompt_version, model, item = key
        return (
            self.folder
            / _part(document)
            / _part(prompt_version)
            / _part(model)
            / (_part(item) + ".json")
        )

    def get(self, key: CacheKey) -> str | None:
        """Return the cached reply for ``key``, or None."""
        with self._lock:
            if key in self._memory:
                return self._memory[key]
        path = self._file(key)
        if path is None or not path.is_file():
            return None
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None
        reply = stored.get("reply") if isinstance(stored, dict) else None
        if not isinstance(reply, str):
            return None
        with self._lock:
            self._memory[key] = reply
        return reply

    def put(self, key: CacheKey, reply: str) -> None:
        """Store ``reply`` under ``key``; the disk write is atomic (write, then rename)."""
        with self._lock:
            self._memory[key] = reply
        path = self._file(key)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"key": list(key), "reply": reply})
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(payload)
        os.replace(temporary, path)
