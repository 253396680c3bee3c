"""Line-item tables whose header runs over several lines or languages."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_table_headers as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import assert_fields, assert_lines
from tests.triage.extraction.abilities.sheet import Order


@pytest.mark.parametrize("order", documents(docs.HEADER_DOCS))
def test_header_over_several_lines_or_languages_gives_the_lines(
    extract: Extract, order: Order
) -> None:
    assert_lines(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.HEADER_DOCS))
def test_header_over_several_lines_or_languages_keeps_the_terms(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)
