"""Letterheads, short-name defined terms, mid-month terms and wrapped signature headings."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.triage.extraction.abilities import docs_parties_more as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields
from tests.triage.extraction.abilities.sheet import Order

Build = Callable[[], Order]


def _ids(builds: tuple[Build, ...]) -> list[str]:
    return [build.__name__ for build in builds]


@pytest.mark.parametrize("build", docs.LETTERHEAD_DOCS, ids=_ids(docs.LETTERHEAD_DOCS))
def test_provider_is_the_letterhead_not_the_addressee_or_first_named_company(
    extract: Extract, build: Build
) -> None:
    order = build()
    assert_fields(extract(order), order, ["provider_legal_name"])


@pytest.mark.parametrize("build", docs.LETTERHEAD_DOCS, ids=_ids(docs.LETTERHEAD_DOCS))
def test_customer_is_the_addressee_or_the_party_defined_as_customer(
    extract: Extract, build: Build
) -> None:
    order = build()
    assert_fields(extract(order), order, ["customer_legal_name"])


@pytest.mark.parametrize("build", docs.SHORT_NAME_DOCS, ids=_ids(docs.SHORT_NAME_DOCS))
def test_provider_defined_by_a_short_name_and_no_amount_in_words_as_a_party(
    extract: Extract, build: Build
) -> None:
    order = build()
    assert_fields(extract(order), order)


@pytest.mark.parametrize("build", docs.MID_MONTH_TERM_DOCS, ids=_ids(docs.MID_MONTH_TERM_DOCS))
def test_mid_month_term_to_the_day_before_is_whole_years_of_months(
    extract: Extract, build: Build
) -> None:
    order = build()
    assert_fields(extract(order), order)


@pytest.mark.parametrize("build", docs.WRAPPED_HEADING_DOCS, ids=_ids(docs.WRAPPED_HEADING_DOCS))
def test_customer_block_with_a_wrapped_party_heading_gives_its_signatory_and_date(
    extract: Extract, build: Build
) -> None:
    order = build()
    assert_fields(extract(order), order)


@pytest.mark.parametrize(
    ("builds", "names"),
    [
        (docs.LETTERHEAD_DOCS, ("provider_legal_name", "customer_legal_name")),
        (docs.SHORT_NAME_DOCS, ("provider_legal_name", "customer_legal_name")),
        (docs.MID_MONTH_TERM_DOCS, ("term_months", "end_date")),
        (docs.WRAPPED_HEADING_DOCS, ("customer_signatory", "customer_signed_date")),
    ],
    ids=["letterheads", "short_names", "mid_month_terms", "wrapped_headings"],
)
def test_documents_state_different_values_so_no_fixed_answer_passes(
    builds: tuple[Build, ...], names: tuple[str, ...]
) -> None:
    # guards the documents themselves: each stated value differs from document to document
    orders = [build() for build in builds]
    for name in names:
        assert len({order.fields[name] for order in orders}) == len(orders), name
