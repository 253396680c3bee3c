"""Dates on the page in several formats; numeric formats follow the customer's country.

A date style is a name recorded in labels.json: ``long_mdy`` (March 1, 2027), ``long_dmy``
(1 March 2027), ``iso`` (2027-03-01), ``numeric`` (03/01/2027 in the US, 01/03/2027
elsewhere), ``dotted`` (01.03.2027), ``short_dmy`` (1 Mar 2027).
"""

from __future__ import annotations

from datetime import date, timedelta

__all__ = ["DATE_STYLES", "add_months", "format_date", "styles_for_country"]

DATE_STYLES: tuple[str, ...] = ("long_mdy", "long_dmy", "iso", "numeric", "dotted", "short_dmy")

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_date(day: date, style: str, country: str) -> str:
    """Return ``day`` printed in ``style``; ``numeric`` is month-first only for the US."""
    month = _MONTHS[day.month - 1]
    if style == "long_mdy":
        return f"{month} {day.day}, {day.year}"
    if style == "long_dmy":
        return f"{day.day} {month} {day.year}"
    if style == "iso":
        return day.isoformat()
    if style == "numeric":
        if country == "US":
            return f"{day.month:02d}/{day.day:02d}/{day.year}"
        return f"{day.day:02d}/{day.month:02d}/{day.year}"
    if style == "dotted":
        return f"{day.day:02d}.{day.month:02d}.{day.year}"
    if style == "short_dmy":
        return f"{day.day} {month[:3]} {day.year}"
    raise ValueError(f"unknown date style {style!r}")


def styles_for_country(country: str) -> tuple[str, ...]:
    """Return the date styles an order form for a customer in ``country`` may use."""
    if country == "US":
        return ("long_mdy", "iso", "numeric")
    if country == "DE":
        return ("long_dmy", "iso", "dotted", "numeric")
    return ("long_dmy", "iso", "numeric", "short_dmy", "long_mdy")


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` calendar months (the day clamped to the month)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    following = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last = (following - timedelta(days=1)).day
    return date(year, month + 1, min(day.day, last))
