"""The quote and customer types accept the contract's examples and refuse bad input."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import ValidationError

from triage.contract import BillingFrequency, Customer, LineKind, Quote
from triage.errors import InputError
from triage.inputs import parse_json_input


def test_contract_example_quote_round_trips_to_identical_json(quote_doc: dict[str, Any]) -> None:
    quote = Quote.model_validate(quote_doc)
    assert quote.lines[0].unit_price == Decimal("1200.00")
    assert quote.billing_frequency is BillingFrequency.ANNUAL
    assert quote.lines[0].kind is LineKind.SUBSCRIPTION
    again = json.loads(quote.model_dump_json())
    assert again["total_contract_value"] == "54000.00"
    assert again["lines"][0]["unit_price"] == "1200.00"
    assert Quote.model_validate(again) == quote


def test_contract_example_customer_round_trips(customer_doc: dict[str, Any]) -> None:
    customer = Customer.model_validate(customer_doc)
    assert customer.history.disputed_invoices_12m == 1
    assert Customer.model_validate_json(customer.model_dump_json()) == customer


def test_unknown_field_is_rejected_with_its_name(quote_doc: dict[str, Any]) -> None:
    quote_doc["lines"][0]["colour"] = "blue"
    with pytest.raises(InputError) as caught:
        parse_json_input(json.dumps(quote_doc), Quote, source="quote.json")
    assert "quote.json: lines.0.colour: unknown field" in caught.value.detail


def test_money_as_json_float_is_refused(quote_doc: dict[str, Any]) -> None:
    quote_doc["total_contract_value"] = 54000.0
    with pytest.raises(ValidationError, match="decimal string"):
        Quote.model_validate(quote_doc)


@pytest.mark.parametrize("bad", ["12,00", "abc", "NaN", "Infinity", ""])
def test_malformed_money_strings_are_refused(quote_doc: dict[str, Any], bad: str) -> None:
    quote_doc["lines"][0]["unit_price"] = bad
    with pytest.raises(ValidationError, match="unit_price"):
        Quote.model_validate(quote_doc)


def test_unknown_billing_frequency_is_refused(quote_doc: dict[str, Any]) -> None:
    quote_doc["billing_frequency"] = "fortnightly"
    with pytest.raises(InputError, match="billing_frequency"):
        parse_json_input(json.dumps(quote_doc), Quote, source="quote.json")


def test_dates_must_be_iso_and_in_order(quote_doc: dict[str, Any]) -> None:
    quote_doc["start_date"] = "01/01/2027"
    with pytest.raises(ValidationError, match="start_date"):
        Quote.model_validate(quote_doc)
    quote_doc["start_date"] = "2028-01-01"
    with pytest.raises(ValidationError, match="end_date is before start_date"):
        Quote.model_validate(quote_doc)


@pytest.mark.parametrize(
    ("field", "value"),
    [("discount_pct", 101), ("discount_pct", -1), ("quantity", -5), ("sku", "")],
)
def test_line_values_out_of_range_are_refused(
    quote_doc: dict[str, Any], field: str, value: object
) -> None:
    quote_doc["lines"][0][field] = value
    with pytest.raises(ValidationError, match=field):
        Quote.model_validate(quote_doc)


def test_quote_without_lines_is_refused(quote_doc: dict[str, Any]) -> None:
    quote_doc["lines"] = []
    with pytest.raises(ValidationError, match="lines"):
        Quote.model_validate(quote_doc)


def test_more_disputes_than_invoices_is_refused(customer_doc: dict[str, Any]) -> None:
    customer_doc["history"]["disputed_invoices_12m"] = 9
    with pytest.raises(ValidationError, match="disputed_invoices_12m exceeds"):
        Customer.model_validate(customer_doc)


def test_country_and_currency_codes_are_checked(customer_doc: dict[str, Any]) -> None:
    customer_doc["country"] = "usa"
    with pytest.raises(ValidationError, match="country"):
        Customer.model_validate(customer_doc)


def test_not_json_names_the_source() -> None:
    with pytest.raises(InputError, match=r"customer\.json"):
        parse_json_input(b"{not json", Customer, source="customer.json")


def test_contract_values_are_immutable(quote_doc: dict[str, Any]) -> None:
    quote = Quote.model_validate(quote_doc)
    with pytest.raises(ValidationError):
        quote.currency = "EUR"  # type: ignore[misc]
