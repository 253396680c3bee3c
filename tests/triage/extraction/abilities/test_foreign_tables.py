"""Line-item tables headed only in German, French or Spanish, with the amounts in their forms."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_foreign_tables as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import (
    assert_documents_differ,
    assert_fields,
    assert_lines,
)
from tests.triage.extraction.abilities.sheet import Order


@pytest.mark.parametrize("order", documents(docs.FOREIGN_TABLE_DOCS))
def test_table_headed_only_in_another_language_gives_its_lines_currency_and_total(
    extract: Extract, order: Order
) -> None:
    extraction = extract(order)
    assert_lines(extraction, order)
    assert_fields(extraction, order)


def test_foreign_table_documents_state_different_totals() -> None:
    assert_documents_differ(docs.FOREIGN_TABLE_DOCS, ("total_contract_value",))
