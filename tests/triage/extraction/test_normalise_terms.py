"""Numbers in words, durations, day counts, billing frequencies, percents and yes/no."""

from __future__ import annotations

import pytest

from triage.contract import BillingFrequency
from triage.extraction.normalise import (
    parse_count,
    parse_days,
    parse_frequency,
    parse_months,
    parse_percent,
    parse_yes_no,
    words_to_number,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [("forty-five", 45), ("twenty four", 24), ("one hundred and twenty", 120), ("twelve", 12)],
)
def test_numbers_in_words(text: str, value: int) -> None:
    assert words_to_number(text) == value


def test_bracketed_digits_win_over_words() -> None:
    assert parse_count("forty-five (45)") == 45
    assert parse_count("thirty (31)") == 31
    assert parse_count("sixty") == 60


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("continue for twenty-four (24) months", 24),
        ("a period of one (1) year", 12),
        ("a 36-month term", 36),
        ("2 years", 24),
        ("renews for successive twelve (12) month periods", 12),
    ],
)
def test_durations_in_months(text: str, months: int) -> None:
    assert parse_months(text) == months


def test_a_bare_number_is_not_a_duration() -> None:
    assert parse_months("Term: 12") is None


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("net 45 days from invoice date", 45),
        ("Net 30", 30),
        ("within forty-five (45) days of the invoice date", 45),
        ("Net-60", 60),
        ("thirty days", 30),
        ("90", 90),
    ],
)
def test_day_counts(text: str, days: int) -> None:
    assert parse_days(text) == days


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("invoiced quarterly in advance", BillingFrequency.QUARTERLY),
        ("Every three months", BillingFrequency.QUARTERLY),
        ("billed every six months", BillingFrequency.SEMIANNUAL),
        ("Half-yearly in advance", BillingFrequency.SEMIANNUAL),
        ("Invoices are issued twice a year.", BillingFrequency.SEMIANNUAL),
        ("Annually in advance", BillingFrequency.ANNUAL),
        ("Provider will bill the Customer once a year.", BillingFrequency.ANNUAL),
        ("per annum", BillingFrequency.ANNUAL),
        ("Monthly", BillingFrequency.MONTHLY),
        ("Once, upfront", BillingFrequency.ONE_TIME),
        ("One-time", BillingFrequency.ONE_TIME),
        ("Provider will issue one invoice for the full amount.", BillingFrequency.ONE_TIME),
    ],
)
def test_billing_frequency_vocabulary(text: str, frequency: BillingFrequency) -> None:
    assert parse_frequency(text) is frequency


def test_percents_and_yes_no() -> None:
    assert parse_percent("five percent (5%)") == 5.0
    assert parse_percent("capped at 7.5 %") == 7.5
    assert parse_percent("no cap") is None
    assert parse_yes_no("Yes, for twelve (12) month renewal terms") is True
    assert parse_yes_no("No") is False
    assert parse_yes_no("N/A") is False
    assert parse_yes_no("Maybe") is None


def test_end_of_month_terms_have_no_day_count_and_receipt_terms_are_zero_days() -> None:
    assert parse_days("Net 30 EOM") is None
    assert parse_days("30 days end of month") is None
    assert parse_days("Due on receipt") == 0
    assert parse_days("payable upon receipt") == 0
    assert parse_days("30 days from receipt of invoice") == 30
    assert parse_days("Net 45") == 45
