"""Pydantic types of the outer contract (``CONTRACT.md``): inputs, extraction, check result.

Everything here is immutable and rejects unknown fields with an error naming the field.
"""

from triage.contract.extraction import (
    FIELD_NAMES,
    BBox,
    Clause,
    DocumentInfo,
    Evidence,
    ExtractedField,
    ExtractedFields,
    ExtractedLineItem,
    Extraction,
    ValueSource,
)
from triage.contract.inputs import Customer, CustomerHistory, Quote, QuoteLine
from triage.contract.result import (
    BillingException,
    CheckResult,
    Problem,
    RiskFactor,
    RiskScore,
    Versions,
)
from triage.contract.types import (
    BillingFrequency,
    ClauseType,
    Decision,
    ExceptionCode,
    LineKind,
    Money,
    Percent,
    Severity,
    parse_money,
)

__all__ = [
    "FIELD_NAMES",
    "BBox",
    "BillingException",
    "BillingFrequency",
    "CheckResult",
    "Clause",
    "ClauseType",
    "Customer",
    "CustomerHistory",
    "Decision",
    "DocumentInfo",
    "Evidence",
    "ExceptionCode",
    "ExtractedField",
    "ExtractedFields",
    "ExtractedLineItem",
    "Extraction",
    "LineKind",
    "Money",
    "Percent",
    "Problem",
    "Quote",
    "QuoteLine",
    "RiskFactor",
    "RiskScore",
    "Severity",
    "ValueSource",
    "Versions",
    "parse_money",
]
