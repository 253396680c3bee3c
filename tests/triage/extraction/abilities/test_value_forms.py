"""Values in all their printed forms: money, dates, durations and frequencies."""

from __future__ import annotations

import pytest

from tests.triage.extraction.abilities import docs_values as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields


@pytest.mark.parametrize("form", docs.MONEY)
def test_amount_and_currency_are_read_in_each_printed_money_form(
    extract: Extract, form: str
) -> None:
    order = docs.MONEY[form]()
    assert_fields(extract(order), order)


@pytest.mark.parametrize("form", docs.DATES)
def test_date_is_read_in_each_written_form(extract: Extract, form: str) -> None:
    order = docs.DATES[form]()
    assert_fields(extract(order), order)


@pytest.mark.parametrize("form", docs.DURATIONS)
def test_term_length_is_read_from_words_and_digits(extract: Extract, form: str) -> None:
    order = docs.DURATIONS[form]()
    assert_fields(extract(order), order)


@pytest.mark.parametrize("form", docs.FREQUENCIES)
def test_billing_frequency_is_read_from_its_wording(extract: Extract, form: str) -> None:
    order = docs.FREQUENCIES[form]()
    assert_fields(extract(order), order)
