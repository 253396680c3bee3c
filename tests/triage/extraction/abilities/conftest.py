"""One extraction per ability document, shared by the tests that look at it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.triage.extraction.abilities.sheet import Order
from triage.contract import Extraction
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor

Extract = Callable[[Order], Extraction]


@pytest.fixture(scope="session")
def extract(extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]) -> Extract:
    """Order -> its extraction by the shipped reader and extractor (cached by name)."""
    done: dict[str, Extraction] = {}

    def run(order: Order) -> Extraction:
        if order.name not in done:
            done[order.name] = extractor.extract(read_pdf(order.pdf), country=order.country)
        return done[order.name]

    return run
