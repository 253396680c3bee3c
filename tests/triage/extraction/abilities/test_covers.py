"""Key/value cover pages: filled blanks, ticked or struck options, blank rows not stated."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_covers as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import assert_documents_differ, assert_fields
from tests.triage.extraction.abilities.sheet import Order


@pytest.mark.parametrize("order", documents(docs.COVER_DOCS))
def test_cover_page_rows_give_the_contract_terms(extract: Extract, order: Order) -> None:
    assert_fields(extract(order), order)


def test_cover_pages_state_different_values() -> None:
    assert_documents_differ(docs.COVER_DOCS, ("order_number", "start_date", "term_months"))
