"""Extraction results cached by the PDF's sha256, so retraining never re-reads a PDF.

The key is the document hash *and* the extractor version: a new extractor reads every PDF
again instead of training on what an older one produced.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pydantic import ValidationError

from triage.contract import Extraction

__all__ = ["ExtractionCache", "pdf_sha256"]


def pdf_sha256(pdf: bytes) -> str:
    """Return the hex sha256 of a PDF's bytes (the cache key and ``document.sha256``)."""
    return hashlib.sha256(pdf).hexdigest()


class ExtractionCache:
    """Extraction JSON files under ``root/<extractor version>/<sha[:2]>/<sha>.json``."""

    def __init__(self, root: Path, extractor_version: str) -> None:
        slug = re.sub(r"[^A-Za-z0-9._-]+", "_", extractor_version) or "unversioned"
        self.directory = root / slug
        self.hits = 0
        self.misses = 0

    def path(self, sha256: str) -> Path:
        """Return where the extraction of the PDF with hash ``sha256`` is stored."""
        return self.directory / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str) -> Extraction | None:
        """Return the cached extraction, or None (a corrupt entry counts as missing)."""
        path = self.path(sha256)
        try:
            extraction = Extraction.model_validate_json(path.read_bytes())
        except (FileNotFoundError, ValidationError):
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def put(self, sha256: str, extraction: Extraction) -> None:
        """Store ``extraction`` under ``sha256``, written atomically."""
        path = self.path(sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_suffix(".tmp")
        staging.write_text(extraction.model_dump_json())
        staging.replace(path)
