"""Shared fixtures: one extractor for the whole session, and reading PDF bytes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from triage.config import get_settings
from triage.documents.parsed import ParsedDocument
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor


@pytest.fixture(scope="session")
def extractor() -> OrderExtractor:
    """The shipped extractor (calibration and clause model from models/)."""
    return OrderExtractor.load(get_settings().models_dir)


@pytest.fixture(scope="session")
def read_pdf() -> Callable[[bytes], ParsedDocument]:
    """PDF bytes -> ParsedDocument through the product's reader."""

    def read(data: bytes) -> ParsedDocument:
        return parse_pdf(data, "order.pdf", max_pages=50)

    return read
