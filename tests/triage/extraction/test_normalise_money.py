"""Amounts in every format the order forms use, with their currency."""

from __future__ import annotations

from decimal import Decimal

import pytest

from triage.extraction.normalise.money import parse_amount, parse_currency


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$1,200.00", "1200.00", "USD"),
        ("1.200,00 €", "1200.00", "EUR"),
        ("GBP 1,200", "1200", "GBP"),
        ("A$ 5,000", "5000", "AUD"),
        ("C$1,200.50", "1200.50", "CAD"),
        ("EUR 54.000,00", "54000.00", "EUR"),
        ("1 200,00 EUR", "1200.00", "EUR"),
        ("29.100,00 A$", "29100.00", "AUD"),
        ("USD 1,234,567.89", "1234567.89", "USD"),
        ("$0.0045 per call", "0.0045", "USD"),
        ("£ 86,400.00", "86400.00", "GBP"),
        ("CHF 1'250.50", "1250.50", "CHF"),
    ],
)
def test_amount_and_currency(text: str, amount: str, currency: str) -> None:
    assert parse_amount(text) == (Decimal(amount), currency)


def test_lone_separator_groups_thousands_only_before_three_digits() -> None:
    assert parse_amount("1,5")[0] == Decimal("1.5")  # type: ignore[index]
    assert parse_amount("0.125")[0] == Decimal("0.125")  # type: ignore[index]
    assert parse_amount("12,000")[0] == Decimal("12000")  # type: ignore[index]


def test_currency_named_by_code_sign_or_word() -> None:
    assert parse_currency("All fees are stated in CAD.") == "CAD"
    assert parse_currency("payable in euros") == "EUR"
    assert parse_currency("no currency here") is None
    assert parse_amount("no amount") is None


def test_thousands_grouped_by_a_typographic_apostrophe_or_a_thin_space() -> None:
    assert parse_amount("CHF 21\u2019483.00") == (Decimal("21483.00"), "CHF")
    assert parse_amount("EUR 1\u2009730,00") == (Decimal("1730.00"), "EUR")
