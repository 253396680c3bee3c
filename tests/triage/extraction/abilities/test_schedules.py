"""Prose schedules: fees, ramps, term and renewal stated in numbered paragraphs."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_schedules as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import (
    assert_documents_differ,
    assert_fields,
    assert_lines,
)
from tests.triage.extraction.abilities.sheet import Order


@pytest.mark.parametrize("order", documents(docs.SCHEDULE_DOCS))
def test_prose_schedule_states_the_contract_terms(extract: Extract, order: Order) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.SCHEDULE_DOCS))
def test_fees_and_ramps_in_prose_schedule_are_line_items(extract: Extract, order: Order) -> None:
    assert_lines(extract(order), order, key=("quantity",))


def test_schedules_state_different_values() -> None:
    assert_documents_differ(docs.SCHEDULE_DOCS, ("order_number", "start_date", "term_months"))
