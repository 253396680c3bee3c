"""No text layer: a warning per page and null fields, never invented values."""

from __future__ import annotations

from collections.abc import Callable

from tests.triage.extraction.handmade import scanned_pdf
from triage.contract import FIELD_NAMES
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor


def test_scanned_pages_give_warnings_and_null_fields(
    extractor: OrderExtractor, read_pdf: Callable[[bytes], ParsedDocument]
) -> None:
    extraction = extractor.extract(read_pdf(scanned_pdf()), country="US")
    assert "page 1 has no text layer" in extraction.warnings
    assert "page 2 has no text layer" in extraction.warnings
    for name in FIELD_NAMES:
        field = extraction.fields.get(name)
        assert field.value is None and field.confidence == 0 and field.evidence == []
    assert extraction.line_items == [] and extraction.clauses == []
    assert extraction.document.pages == 2
