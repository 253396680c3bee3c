"""Dates: every printed form, and the country deciding day-first or month-first."""

from __future__ import annotations

from datetime import date

import pytest

from triage.extraction.normalise.dates import DateStyle, infer_style, parse_date, style_for_country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-03-01", date(2027, 3, 1)),
        ("March 1, 2027", date(2027, 3, 1)),
        ("March 1st, 2027", date(2027, 3, 1)),
        ("1 March 2027", date(2027, 3, 1)),
        ("1 Mar 2027", date(2027, 3, 1)),
        ("15 Jan. 2027", date(2027, 1, 15)),
        ("1-Mar-2027", date(2027, 3, 1)),
        ("the 1st day of March, 2027", date(2027, 3, 1)),
        ("25/12/2027", date(2027, 12, 25)),
        ("12/25/2027", date(2027, 12, 25)),
        ("01.03.2027", date(2027, 3, 1)),
        ("Start: 1 Oct 2027 – 30 Sep 2030", date(2027, 10, 1)),
    ],
)
def test_printed_forms_parse_to_the_same_day(text: str, expected: date) -> None:
    assert parse_date(text, DateStyle.DAY_FIRST if "." in text else None) == expected


def test_ambiguous_numeric_date_follows_the_country() -> None:
    assert parse_date("01/03/2027", style_for_country("US")) == date(2027, 1, 3)
    assert parse_date("01/03/2027", style_for_country("GB")) == date(2027, 3, 1)
    assert parse_date("01/03/2027", style_for_country("DE")) == date(2027, 3, 1)


def test_unambiguous_dates_in_the_document_override_the_country() -> None:
    assert infer_style(["Order date 25/01/2027", "Start 01/03/2027"]) is DateStyle.DAY_FIRST
    assert infer_style(["Signed 01/25/2027"]) is DateStyle.MONTH_FIRST
    assert infer_style(["01/03/2027 only"]) is None


def test_impossible_dates_and_plain_text_are_not_dates() -> None:
    assert parse_date("31/02/2027", DateStyle.DAY_FIRST) is None
    assert parse_date("Net 30 days") is None
    assert parse_date("") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21st of May 2027", date(2027, 5, 21)),
        ("the 1st day of March, 2027", date(2027, 3, 1)),
        ("executed this 13th day of February, 2027.", date(2027, 2, 13)),
        ("22nd of May, 2027", date(2027, 5, 22)),
        ("March 3rd, 2027", date(2027, 3, 3)),
        ("1er mars 2027", date(2027, 3, 1)),
        ("1. März 2027", date(2027, 3, 1)),
        ("15. Jänner 2027", date(2027, 1, 15)),
        ("3 de marzo de 2027", date(2027, 3, 3)),
    ],
)
def test_ordinal_days_and_the_words_joining_day_month_and_year(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_words_that_join_no_day_to_a_month_make_no_date() -> None:
    assert parse_date("section 12 of the May 2027 schedule") is None
    assert parse_date("21st of the month") is None
