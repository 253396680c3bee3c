"""What extraction returns: terms, line items and clauses, each with evidence."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import Field

from triage.contract.types import (
    BillingFrequency,
    ClauseType,
    ContractModel,
    CurrencyCode,
    LineKind,
    Money,
    Percent,
)

__all__ = [
    "FIELD_NAMES",
    "BBox",
    "Clause",
    "DocumentInfo",
    "Evidence",
    "ExtractedField",
    "ExtractedFields",
    "ExtractedLineItem",
    "Extraction",
    "ValueSource",
]

T = TypeVar("T")

Confidence = Annotated[float, Field(ge=0, le=1)]
BBox = tuple[float, float, float, float]
"""``[x0, top, x1, bottom]`` in PDF points from the page's top-left (pdfplumber's convention)."""


class ValueSource(StrEnum):
    """Who produced a value: the deterministic extractor, an LLM, or an analyst."""

    DOCUMENT = "document"
    LLM = "llm"
    ANALYST = "analyst"


class Evidence(ContractModel):
    """Where in the PDF a value was read: 1-based page, box, and the text in that box.

    The source is "ocr" when the text was recognised on a scanned page, whose box is on the
    page as the PDF shows it; "text" (the PDF's own text layer) is left out of the JSON.
    """

    page: Annotated[int, Field(ge=1)]
    bbox: BBox
    text: str
    source: Literal["text", "ocr"] = Field("text", exclude_if=lambda source: source == "text")


class ExtractedField(ContractModel, Generic[T]):
    """One extracted term. A term not found has ``value`` null and ``confidence`` 0."""

    value: T | None = None
    confidence: Confidence = 0.0
    evidence: list[Evidence] = []
    source: ValueSource = ValueSource.DOCUMENT

    @property
    def found(self) -> bool:
        """Return True when the document yielded a value."""
        return self.value is not None


class ExtractedFields(ContractModel):
    """Every scalar term the contract names; all are always present."""

    order_number: ExtractedField[str] = ExtractedField()
    customer_legal_name: ExtractedField[str] = ExtractedField()
    provider_legal_name: ExtractedField[str] = ExtractedField()
    currency: ExtractedField[CurrencyCode] = ExtractedField()
    order_date: ExtractedField[date] = ExtractedField()
    start_date: ExtractedField[date] = ExtractedField()
    end_date: ExtractedField[date] = ExtractedField()
    term_months: ExtractedField[int] = ExtractedField()
    billing_frequency: ExtractedField[BillingFrequency] = ExtractedField()
    billing_start_date: ExtractedField[date] = ExtractedField()
    payment_terms_days: ExtractedField[int] = ExtractedField()
    po_number: ExtractedField[str] = ExtractedField()
    auto_renewal: ExtractedField[bool] = ExtractedField()
    renewal_term_months: ExtractedField[int] = ExtractedField()
    renewal_notice_days: ExtractedField[int] = ExtractedField()
    renewal_uplift_cap_pct: ExtractedField[float] = ExtractedField()
    total_contract_value: ExtractedField[Money] = ExtractedField()
    customer_signatory: ExtractedField[str] = ExtractedField()
    customer_signed_date: ExtractedField[date] = ExtractedField()

    def get(self, name: str) -> ExtractedField[Any]:
        """Return the field called ``name``; raise KeyError for a name the contract lacks."""
        if name not in FIELD_NAMES:
            raise KeyError(name)
        field: ExtractedField[Any] = getattr(self, name)
        return field


FIELD_NAMES: tuple[str, ...] = tuple(ExtractedFields.model_fields)


class ExtractedLineItem(ContractModel):
    """A line item read from the order form's pricing table or schedule."""

    sku: str | None = None
    description: str | None = None
    kind: LineKind | None = None
    quantity: Annotated[int, Field(ge=0)] | None = None
    unit_price: Money | None = None
    discount_pct: Percent | None = None
    net_amount: Money | None = None
    start_date: date | None = None
    end_date: date | None = None
    confidence: Confidence = 0.0
    evidence: list[Evidence] = []


class Clause(ContractModel):
    """A non-standard clause found in the document."""

    type: ClauseType
    text: str
    confidence: Confidence
    evidence: list[Evidence] = []
    source: ValueSource = ValueSource.DOCUMENT


class DocumentInfo(ContractModel):
    """Identity of the PDF that was read."""

    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    pages: Annotated[int, Field(ge=0)]
    filename: str


class Extraction(ContractModel):
    """The whole extraction result, as ``triage extract`` prints it."""

    document: DocumentInfo
    fields: ExtractedFields = ExtractedFields()
    line_items: list[ExtractedLineItem] = []
    clauses: list[Clause] = []
    warnings: list[str] = []

    def line_total(self) -> Decimal | None:
        """Return the sum of the line items' net amounts, or None if any is unreadable."""
        amounts = [item.net_amount for item in self.line_items]
        if not amounts or any(a is None for a in amounts):
            return None
        return sum((a for a in amounts if a is not None), Decimal(0))
