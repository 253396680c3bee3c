"""Scalar types and vocabularies shared by every shape of the contract.

Money is a `Decimal` that travels as a decimal string (``"1200.00"``) and is never
accepted as a JSON float; percentages are plain numbers; vocabularies are enums whose
values are exactly the strings written in ``CONTRACT.md``.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, WithJsonSchema

__all__ = [
    "AccountId",
    "BillingFrequency",
    "ClauseType",
    "ContractModel",
    "CountryCode",
    "CurrencyCode",
    "Decision",
    "ExceptionCode",
    "LineKind",
    "Money",
    "Percent",
    "Severity",
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
"""An amount of money: a Decimal in Python, a decimal string in JSON."""

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
