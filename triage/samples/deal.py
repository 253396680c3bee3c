"""The generator's working state of one case: what the quote, the ERP and the PDF say.

``OrderForm`` is the truth of the printed document: every value a perfect reader of the
text layer would extract, plus the presentation choices (layout, date and amount style).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from triage.contract import BillingFrequency, ClauseType, Customer, ExceptionCode, LineKind, Quote

__all__ = ["Deal", "Injection", "Line", "OrderForm", "Presentation"]


@dataclass(frozen=True, slots=True)
class Line:
    """One priced line, as quoted or as printed on the order form."""

    sku: str
    description: str
    kind: LineKind
    quantity: int
    unit_price: Decimal
    discount_pct: float
    net_amount: Decimal
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True, slots=True)
class Injection:
    """A discrepancy put into the case on purpose, and the code it must raise."""

    code: ExceptionCode
    field: str
    detail: str


@dataclass(slots=True)
class Presentation:
    """How the order form is printed; recorded in labels.json so tests can re-print values."""

    layout: str
    date_style: str
    amount_style: str
    terms_as_image: bool = False


@dataclass(slots=True)
class OrderForm:
    """The order form as printed (a ``None`` term is not printed at all)."""

    order_number: str
    customer_name: str
    customer_address: tuple[str, ...]
    provider_name: str
    currency: str
    order_date: date
    start_date: date
    end_date: date
    term_months: int
    billing_frequency: BillingFrequency | None
    billing_start_date: date | None
    payment_terms_days: int | None
    po_number: str | None
    auto_renewal: bool
    renewal_term_months: int | None
    renewal_notice_days: int | None
    renewal_uplift_cap_pct: float | None
    total_contract_value: Decimal
    signatory: str | None
    signatory_title: str
    signed_date: date | None
    provider_signatory: str
    lines: list[Line]
    clauses: list[tuple[ClauseType, str]] = field(default_factory=list)

    def line_sum(self) -> Decimal:
        """Return the sum of the printed lines' net amounts."""
        return sum((line.net_amount for line in self.lines), Decimal(0))


@dataclass(slots=True)
class Deal:
    """Everything known about one generated case while it is being built."""

    case: str
    country: str
    quote: Quote
    customer: Customer
    order: OrderForm
    presentation: Presentation
    ramp_skus: frozenset[str]
    injected: list[Injection] = field(default_factory=list)
    total_follows_lines: bool = False
    touched_skus: set[str] = field(default_factory=set)

    def inject(self, code: ExceptionCode, field_name: str, detail: str) -> None:
        """Record an injected discrepancy."""
        self.injected.append(Injection(code, field_name, detail))

    @property
    def codes(self) -> set[ExceptionCode]:
        """Return the codes injected so far."""
        return {item.code for item in self.injected}
