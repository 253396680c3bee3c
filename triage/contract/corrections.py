"""The values an analyst may set when correcting an extraction, with their bounds.

Extraction reports what a document says, however odd; an analyst's correction is input,
and is held to the same bounds as the quote and the customer record: a term of 1 to 240
months, payment and notice periods of 0 to 365 days, a percentage of 0 to 100, an amount
below 10^12, dates within 1900..2199. Every field is optional; ``None`` clears a value.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from triage.contract.extraction import FIELD_NAMES
from triage.contract.types import (
    BillingFrequency,
    ContractDate,
    ContractModel,
    CurrencyCode,
    Percent,
    Price,
)

__all__ = ["FieldCorrections"]

Text = Annotated[str, Field(max_length=200)]
Months = Annotated[int, Field(ge=1, le=240)]
Days = Annotated[int, Field(ge=0, le=365)]


class FieldCorrections(ContractModel):
    """Corrected values by field name (the extraction's ``fields``); unknown names are refused."""

    order_number: Text | None = None
    customer_legal_name: Text | None = None
    provider_legal_name: Text | None = None
    currency: CurrencyCode | None = None
    order_date: ContractDate | None = None
    start_date: ContractDate | None = None
    end_date: ContractDate | None = None
    term_months: Months | None = None
    billing_frequency: BillingFrequency | None = None
    billing_start_date: ContractDate | None = None
    payment_terms_days: Days | None = None
    po_number: Text | None = None
    auto_renewal: bool | None = None
    renewal_term_months: Months | None = None
    renewal_notice_days: Days | None = None
    renewal_uplift_cap_pct: Percent | None = None
    total_contract_value: Price | None = None
    customer_signatory: Text | None = None
    customer_signed_date: ContractDate | None = None


assert tuple(FieldCorrections.model_fields) == FIELD_NAMES  # one per extracted field
