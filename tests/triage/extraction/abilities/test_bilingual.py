"""Bilingual European forms: two-language labels and values in European number and date forms."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_bilingual as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import (
    assert_documents_differ,
    assert_fields,
    assert_lines,
)
from tests.triage.extraction.abilities.sheet import Order


@pytest.mark.parametrize("order", documents(docs.BILINGUAL_DOCS))
def test_bilingual_labels_give_values_in_european_forms(extract: Extract, order: Order) -> None:
    assert_fields(extract(order), order)


def test_table_with_a_bilingual_header_gives_its_lines(extract: Extract) -> None:
    order = docs.bilingual_table_header()
    assert_lines(extract(order), order)


def test_table_with_a_bilingual_header_keeps_the_terms_above_it(extract: Extract) -> None:
    order = docs.bilingual_table_header()
    assert_fields(extract(order), order)


def test_bilingual_documents_state_different_values() -> None:
    assert_documents_differ(docs.BILINGUAL_DOCS, ("order_number", "customer_legal_name"))
