"""What an upstream workflow sends: the CPQ quote and the ERP customer master."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from triage.contract.types import (
    AccountId,
    BillingFrequency,
    ContractDate,
    ContractModel,
    CountryCode,
    CurrencyCode,
    LineKind,
    Percent,
    Price,
)

__all__ = ["Customer", "CustomerHistory", "Quote", "QuoteLine"]

Quantity = Annotated[int, Field(ge=0, le=1_000_000_000)]
InvoiceCount = Annotated[int, Field(ge=0, le=1_000_000)]


class QuoteLine(ContractModel):
    """One priced line of a CPQ quote; a ramp is several lines of one SKU."""

    sku: Annotated[str, Field(min_length=1, max_length=64)]
    description: str
    kind: LineKind
    quantity: Quantity = Field(
        description="Units sold; for a usage line, the committed units (0 if none)."
    )
    unit_price: Price = Field(description="List price per unit; for usage, the overage rate.")
    discount_pct: Percent = 0
    net_amount: Price
    start_date: ContractDate | None = None
    end_date: ContractDate | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> QuoteLine:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(f"line {self.sku}: end_date is before start_date")
        return self


class Quote(ContractModel):
    """The CPQ quote the order form should match."""

    quote_id: Annotated[str, Field(min_length=1, max_length=64)]
    account_id: AccountId
    currency: CurrencyCode
    start_date: ContractDate
    end_date: ContractDate
    term_months: Annotated[int, Field(ge=1, le=240)]
    billing_frequency: BillingFrequency
    payment_terms_days: Annotated[int, Field(ge=0, le=365)]
    auto_renewal: bool
    renewal_uplift_cap_pct: Percent | None = None
    approved_max_discount_pct: Percent
    total_contract_value: Price
    lines: Annotated[list[QuoteLine], Field(min_length=1, max_length=1000)]

    @model_validator(mode="after")
    def _term_in_order(self) -> Quote:
        if self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self


class CustomerHistory(ContractModel):
    """The customer's last twelve months of invoicing, from the ERP."""

    invoices_12m: InvoiceCount = 0
    disputed_invoices_12m: InvoiceCount = 0
    avg_days_late_12m: Annotated[float, Field(ge=0, le=3650)] = 0.0

    @model_validator(mode="after")
    def _disputes_within_invoices(self) -> CustomerHistory:
        if self.disputed_invoices_12m > self.invoices_12m:
            raise ValueError("disputed_invoices_12m exceeds invoices_12m")
        return self


class Customer(ContractModel):
    """The ERP customer master record."""

    account_id: AccountId
    legal_name: Annotated[str, Field(min_length=1)]
    provider_entity: Annotated[str, Field(min_length=1)]
    country: CountryCode
    currency: CurrencyCode
    payment_terms_days: Annotated[int, Field(ge=0, le=365)]
    po_required: bool
    tax_id: str | None = None
    tax_exempt: bool = False
    credit_hold: bool = False
    history: CustomerHistory = CustomerHistory()
