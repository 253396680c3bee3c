"""Letterheads, short-name defined terms, mid-month terms and wrapped signature headings."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_parties_more as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import assert_documents_differ, assert_fields
from tests.triage.extraction.abilities.sheet import Build, Order


@pytest.mark.parametrize("order", documents(docs.LETTERHEAD_DOCS))
def test_provider_is_the_letterhead_not_the_addressee_or_first_named_company(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, ["provider_legal_name"])


@pytest.mark.parametrize("order", documents(docs.LETTERHEAD_DOCS))
def test_customer_is_the_addressee_or_the_party_defined_as_customer(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, ["customer_legal_name"])


@pytest.mark.parametrize("order", documents(docs.SHORT_NAME_DOCS))
def test_provider_defined_by_a_short_name_and_no_amount_in_words_as_a_party(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.MID_MONTH_TERM_DOCS))
def test_mid_month_term_to_the_day_before_is_whole_years_of_months(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.WRAPPED_HEADING_DOCS))
def test_customer_block_with_a_wrapped_party_heading_gives_its_signatory_and_date(
    extract: Extract, order: Order
) -> None:
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
    assert_documents_differ(builds, names)
