"""Absence is not doubt: what a form does not state is null with confidence 0."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_absence as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields


def test_terms_an_order_is_silent_on_are_null_while_stated_ones_are_read(
    extract: Extract,
) -> None:
    order = docs.silent_on_renewal_and_po()
    assert_fields(extract(order), order)


def test_blank_and_not_applicable_form_fields_are_not_stated(extract: Extract) -> None:
    order = docs.blank_form_fields()
    assert_fields(extract(order), order)


def test_choice_row_with_no_box_ticked_is_not_stated(extract: Extract) -> None:
    order = docs.no_option_ticked()
    assert_fields(extract(order), order)
