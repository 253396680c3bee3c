"""Wrapped choice rows, narrow gutters and address-label rows, as other systems print them."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_layout_more as docs
from tests.triage.extraction.abilities.conftest import Extract, documents
from tests.triage.extraction.abilities.expect import assert_documents_differ, assert_fields
from tests.triage.extraction.abilities.sheet import Build, Order


@pytest.mark.parametrize("order", documents(docs.WRAPPED_CHOICE_DOCS))
def test_wrapped_tick_box_row_and_the_group_beside_it_each_give_their_ticked_value(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.NARROW_GUTTER_DOCS))
def test_fallback_payment_clause_across_a_narrow_gutter_does_not_override_the_form(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, ["payment_terms_days"])


def test_fallback_payment_clause_across_the_column_break_applies_when_the_form_is_silent(
    extract: Extract,
) -> None:
    order = docs.narrow_gutter_form_silent_on_payment()
    assert_fields(extract(order), order)


@pytest.mark.parametrize("order", documents(docs.NARROW_GUTTER_DOCS))
def test_side_by_side_signatures_above_two_column_terms_give_the_customers_own(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order, ["customer_signatory", "customer_signed_date"])


@pytest.mark.parametrize("order", documents(docs.ADDRESS_LABEL_DOCS))
def test_customer_is_the_name_under_the_bill_to_label_not_a_label(
    extract: Extract, order: Order
) -> None:
    assert_fields(extract(order), order)


@pytest.mark.parametrize(
    ("builds", "names"),
    [
        (docs.WRAPPED_CHOICE_DOCS, ("billing_frequency", "currency")),
        (docs.NARROW_GUTTER_DOCS, ("payment_terms_days", "customer_signatory")),
        (docs.ADDRESS_LABEL_DOCS, ("customer_legal_name",)),
    ],
    ids=["wrapped_choices", "narrow_gutter", "address_labels"],
)
def test_documents_state_different_values_so_no_fixed_answer_passes(
    builds: tuple[Build, ...], names: tuple[str, ...]
) -> None:
    assert_documents_differ(builds, names)
