"""Scalar types and vocabularies shared by every shape of the contract.

Money is a `Decimal` that travels as a decimal string (``"1200.00"``) and is never
accepted as a JSON float; percentages are plain numbers; vocabularies are enums whose
values are exactly the strings written in ``CONTRACT.md``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

__all__ = [
    "MAX_AMOUNT",
    "MAX_MONEY_DECIMALS",
    "AccountId",
    "Amount",
    "BillingFrequency",
    "ClauseType",
    "ContractDate",
    "ContractModel",
    "CountryCode",
    "CurrencyCode",
    "Decision",
    "ExceptionCode",
    "LineKind",
    "Money",
    "Percent",
    "Price",
    "Severity",
    "check_amount",
    "parse_money",
]


def parse_money(raw: Any) -> Decimal:
    """Return ``raw`` as a finite Decimal; refuse floats, which cannot carry cents exactly."""
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, bool | float):
        raise ValueError('money must be a decimal string such as "1200.00", not a JSON number')
    elif isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, str):
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            message = f'money must be a decimal string such as "1200.00", got {raw!r}'
            raise ValueError(message) from None
    else:
        raise ValueError(f"money must be a decimal string, got {type(raw).__name__}")
    if not value.is_finite():
        raise ValueError("money must be a finite amount")
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    PlainSerializer(lambda v: format(v, "f"), return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "examples": ["1200.00"]}),
]
"""An amount of money: a Decimal in Python, a decimal string in JSON. (What extraction
reads from a document; the amounts a caller sends are ``Amount`` or ``Price``.)"""

MAX_AMOUNT = Decimal("1000000000000")  # 10^12 - in cents that is 10^14, far inside int64
MAX_MONEY_DECIMALS = 6  # unit prices of usage lines go below a cent ("0.0035")


def check_amount(value: Decimal, *, negative: bool = True) -> Decimal:
    """Return ``value`` if it is an amount the service can store and compare exactly:
    below ``MAX_AMOUNT`` in size, at most ``MAX_MONEY_DECIMALS`` decimals, and not negative
    unless ``negative``; raise ValueError saying which limit it passes."""
    if abs(value) >= MAX_AMOUNT:
        raise ValueError(f"money must be less than {MAX_AMOUNT:,} in size")
    if value.as_tuple().exponent < -MAX_MONEY_DECIMALS:  # type: ignore[operator]
        raise ValueError(f"money has at most {MAX_MONEY_DECIMALS} decimal places")
    if value < 0 and not negative:
        raise ValueError("money must not be negative here")
    return value


_AMOUNT_PATTERN = r"^-?\d{1,12}(\.\d{1,6})?$"
Amount = Annotated[
    Money,
    AfterValidator(check_amount),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _AMOUNT_PATTERN,
            "description": "A decimal string below 10^12 in size, at most 6 decimals.",
            "examples": ["54000.00"],
        }
    ),
]
"""A caller's amount of money: a decimal string, |amount| < 10^12, at most 6 decimals."""

Price = Annotated[
    Money,
    AfterValidator(lambda v: check_amount(v, negative=False)),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": _AMOUNT_PATTERN.replace("^-?", "^"),
            "description": "A decimal string from 0 to below 10^12, at most 6 decimals.",
            "examples": ["1200.00"],
        }
    ),
]
"""A price or a total a caller sends: like ``Amount`` but never negative."""

FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)


def _check_date(value: date) -> date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(f"date must be between {FIRST_DATE} and {LAST_DATE}")
    return value


ContractDate = Annotated[
    date,
    AfterValidator(_check_date),
    WithJsonSchema(
        {
            "type": "string",
            "format": "date",
            "description": f"YYYY-MM-DD, from {FIRST_DATE} to {LAST_DATE}.",
        }
    ),
]
"""A date a caller sends, ``YYYY-MM-DD``, within 1900-01-01 .. 2199-12-31 (so that date
arithmetic on it never leaves the calendar)."""

Percent = Annotated[float, Field(ge=0, le=100)]
"""A percentage as a number: ``10`` means 10 %."""

CurrencyCode = Annotated[str, Field(pattern=r"^[A-Z]{3}$", examples=["USD"])]
CountryCode = Annotated[str, Field(pattern=r"^[A-Z]{2}$", examples=["US"])]
AccountId = Annotated[str, Field(min_length=1, max_length=64)]


class ContractModel(BaseModel):
    """Base of every contract shape: immutable, and unknown fields are an error."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class BillingFrequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    ONE_TIME = "one_time"


class LineKind(StrEnum):
    SUBSCRIPTION = "subscription"
    USAGE = "usage"
    ONE_TIME = "one_time"
    SERVICE = "service"


class ClauseType(StrEnum):
    TERMINATION_FOR_CONVENIENCE = "termination_for_convenience"
    MOST_FAVORED_NATION = "most_favored_nation"
    PRICE_PROTECTION = "price_protection"
    CUSTOM_PAYMENT_TERMS = "custom_payment_terms"
    ACCEPTANCE_CLAUSE = "acceptance_clause"
    SERVICE_LEVEL_CREDITS = "service_level_credits"
    LIABILITY_CAP_CHANGE = "liability_cap_change"
    EXCLUSIVITY = "exclusivity"
    NON_STANDARD_RENEWAL = "non_standard_renewal"
    OTHER_NONSTANDARD = "other_nonstandard"


class Severity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        """Return 0 for low up to 3 for critical, for ordering and thresholds."""
        return list(Severity).index(self)


class Decision(StrEnum):
    PASS = "pass"
    REVIEW = "review"
    REJECT = "reject"


class ExceptionCode(StrEnum):
    PRICE_MISMATCH = "PRICE_MISMATCH"
    QUANTITY_MISMATCH = "QUANTITY_MISMATCH"
    DISCOUNT_EXCEEDS_APPROVAL = "DISCOUNT_EXCEEDS_APPROVAL"
    LINE_MISSING_IN_ORDER = "LINE_MISSING_IN_ORDER"
    LINE_NOT_IN_QUOTE = "LINE_NOT_IN_QUOTE"
    TOTAL_MISMATCH = "TOTAL_MISMATCH"
    CURRENCY_MISMATCH = "CURRENCY_MISMATCH"
    TERM_DATES_MISMATCH = "TERM_DATES_MISMATCH"
    BILLING_FREQUENCY_MISMATCH = "BILLING_FREQUENCY_MISMATCH"
    PAYMENT_TERMS_MISMATCH = "PAYMENT_TERMS_MISMATCH"
    BILLING_START_DEVIATION = "BILLING_START_DEVIATION"
    RAMP_SCHEDULE_MISMATCH = "RAMP_SCHEDULE_MISMATCH"
    RENEWAL_TERMS_MISMATCH = "RENEWAL_TERMS_MISMATCH"
    PO_MISSING = "PO_MISSING"
    ENTITY_MISMATCH = "ENTITY_MISMATCH"
    SIGNATURE_MISSING = "SIGNATURE_MISSING"
    CREDIT_HOLD = "CREDIT_HOLD"
    TAX_ID_MISSING = "TAX_ID_MISSING"
    NONSTANDARD_CLAUSE = "NONSTANDARD_CLAUSE"
    LOW_CONFIDENCE_EXTRACTION = "LOW_CONFIDENCE_EXTRACTION"
