"""``labels.json``: the truth the generator knows about one case.

``fields`` holds the value a perfect reader of the PDF's text layer extracts for each of the
contract's 19 fields (null when not printed, or printed only on an image page);
``expected_codes`` is exactly what a correct rule engine raises.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from triage.contract import (
    BillingFrequency,
    ClauseType,
    ExceptionCode,
    LineKind,
    Money,
    Percent,
)
from triage.contract.types import ContractModel

__all__ = [
    "CaseLabels",
    "ClauseLabel",
    "FieldLabels",
    "InjectedLabel",
    "LineLabel",
    "OutcomeLabel",
    "PresentationLabel",
]


class FieldLabels(ContractModel):
    """The 19 scalar fields of the contract's extraction, as a perfect reader gets them."""

    order_number: str | None
    customer_legal_name: str | None
    provider_legal_name: str | None
    currency: str | None
    order_date: date | None
    start_date: date | None
    end_date: date | None
    term_months: int | None
    billing_frequency: BillingFrequency | None
    billing_start_date: date | None
    payment_terms_days: int | None
    po_number: str | None
    auto_renewal: bool | None
    renewal_term_months: int | None
    renewal_notice_days: int | None
    renewal_uplift_cap_pct: float | None
    total_contract_value: Money | None
    customer_signatory: str | None
    customer_signed_date: date | None


class LineLabel(ContractModel):
    """A line item as printed; ``quantity`` 0 for a usage line without commitment."""

    sku: str
    description: str
    kind: LineKind
    quantity: int
    unit_price: Money
    discount_pct: Percent
    net_amount: Money
    start_date: date | None
    end_date: date | None


class ClauseLabel(ContractModel):
    """A non-standard clause printed on the form, with its exact text."""

    type: ClauseType
    text: str


class InjectedLabel(ContractModel):
    """A discrepancy put in on purpose (or implied by one) and the code it must raise."""

    code: ExceptionCode
    field: str
    detail: str


class OutcomeLabel(ContractModel):
    """What happened to the first invoice, and the latent values it was drawn from."""

    disputed: bool
    days_late: Annotated[int, Field(ge=0)]
    dispute_probability: Annotated[float, Field(ge=0, le=1)]
    late_probability: Annotated[float, Field(ge=0, le=1)]
    expected_days_late_if_late: float
    drivers: dict[str, float]


class PresentationLabel(ContractModel):
    """How the form is printed: enough to re-print any labelled value exactly."""

    date_style: str
    amount_style: str
    terms_as_image: bool
    image_pages: list[int]
    pages: int


class CaseLabels(ContractModel):
    """Everything ``labels.json`` holds for one case."""

    case: str
    seed: int
    layout: str
    country: str
    presentation: PresentationLabel
    fields: FieldLabels
    line_items: list[LineLabel]
    clauses: list[ClauseLabel]
    injected: list[InjectedLabel]
    expected_codes: list[ExceptionCode]
    outcome: OutcomeLabel
