"""Money on the page: the arithmetic of a line (docs/semantics.md) and the printed formats.

An amount style is a name (``"symbol"``, ``"code"``, ``"code_whole"``, ``"eu_symbol"``,
``"eu_code_space"``); labels.json records it so tests can re-print any amount exactly.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from triage.contract import LineKind

__all__ = [
    "AMOUNT_STYLES",
    "CENT",
    "format_amount",
    "format_percent",
    "line_net_amount",
    "months_between",
    "styles_for",
]

CENT = Decimal("0.01")

AMOUNT_STYLES: tuple[str, ...] = ("symbol", "code", "code_whole", "eu_symbol", "eu_code_space")

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CAD": "C$", "AUD": "A$"}


def months_between(start: date, end: date) -> int:
    """Return the whole months of the inclusive range ``start..end`` (Jan 1 - Dec 31: 12)."""
    after = end + timedelta(days=1)
    if after.day == start.day:
        return (after.year - start.year) * 12 + after.month - start.month
    return round((after - start).days / 30.4375)


def line_net_amount(
    kind: LineKind,
    quantity: int,
    unit_price: Decimal,
    discount_pct: float,
    start: date | None,
    end: date | None,
) -> Decimal:
    """Return a line's net amount by the semantics, rounded half-up to cents."""
    factor = Decimal(1) - Decimal(str(discount_pct)) / Decimal(100)
    amount = Decimal(quantity) * unit_price * factor
    if kind is LineKind.SUBSCRIPTION and start is not None and end is not None:
        amount = amount * Decimal(months_between(start, end)) / Decimal(12)
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def _group(whole: int, separator: str) -> str:
    text = f"{whole:,}"
    return text.replace(",", separator)


def format_amount(amount: Decimal, currency: str, style: str) -> str:
    """Return ``amount`` printed in ``style`` (e.g. ``$1,200.00``, ``1.200,00 €``)."""
    negative = amount < 0
    amount = abs(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    whole = int(amount)
    cents = int((amount - whole) * 100)
    if style == "symbol":
        text = f"{_SYMBOLS[currency]}{_group(whole, ',')}.{cents:02d}"
    elif style == "code":
        text = f"{currency} {_group(whole, ',')}.{cents:02d}"
    elif style == "code_whole":
        body = _group(whole, ",") if cents == 0 else f"{_group(whole, ',')}.{cents:02d}"
        text = f"{currency} {body}"
    elif style == "eu_symbol":
        text = f"{_group(whole, '.')},{cents:02d} {_SYMBOLS[currency]}"
    elif style == "eu_code_space":
        text = f"{_group(whole, ' ')},{cents:02d} {currency}"
    else:
        raise ValueError(f"unknown amount style {style!r}")
    return f"-{text}" if negative else text


def styles_for(currency: str, country: str) -> tuple[str, ...]:
    """Return the amount styles a form for this currency and customer country may use."""
    if currency == "EUR" or country in {"DE", "FR"}:
        return ("eu_symbol", "eu_code_space", "code", "symbol")
    return ("symbol", "code", "code_whole")


def format_percent(value: float) -> str:
    """Return a percentage as printed in tables: ``10%``, ``12.5%``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"
