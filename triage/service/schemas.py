"""Request and reply types of the service layer (and so of the HTTP API and review page)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from triage.auth import DEFAULT_TENANT
from triage.contract import CheckResult
from triage.contract.types import ContractDate

__all__ = [
    "ApiKeyCreated",
    "DecisionRecord",
    "DecisionRequest",
    "MetricsSummary",
    "OrderRecord",
    "OrderStatus",
    "OutcomeRecord",
    "OutcomeReport",
    "ReviewAction",
    "ReviewEvent",
    "ReviewItem",
    "ReviewPage",
    "RiskModelInfo",
    "RiskModelList",
    "WebhookCreate",
    "WebhookCreated",
    "WebhookDeliveryInfo",
    "WebhookInfo",
]


class ServiceModel(BaseModel):
    """Immutable, and unknown fields are refused with an error naming them."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class OrderStatus(StrEnum):
    """Where an order stands: passed straight through, waiting for review, or decided."""

    PASSED = "passed"
    IN_REVIEW = "in_review"
    APPROVED = "approved"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class ReviewAction(StrEnum):
    """What an analyst decides about an order in review."""

    APPROVE = "approve"
    CORRECT = "correct"
    REJECT = "reject"


class ReviewEvent(ServiceModel):
    """One audit-trail entry: ``queued`` when routed to review, then the analyst's decision."""

    action: str
    reason_code: str | None = None
    comment: str | None = None
    actor: str | None = None
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    at: datetime


class OutcomeReport(ServiceModel):
    """What billing/ERP reports later about an order; the risk model's training label."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={
            "examples": [{"disputed": True, "days_late": 12, "reported_at": "2027-03-02"}]
        },
    )

    disputed: bool
    days_late: int = Field(ge=0, le=3650)
    reported_at: ContractDate


class OutcomeRecord(ServiceModel):
    """A stored outcome."""

    order_id: str
    disputed: bool
    days_late: int
    reported_at: date
    recorded_at: datetime


class OrderRecord(ServiceModel):
    """A stored order: its current check result, status, audit trail and outcome."""

    order_id: str
    status: OrderStatus
    result: CheckResult
    document_sha256: str
    filename: str
    review_history: list[ReviewEvent]
    outcome: OutcomeRecord | None = None
    created_at: datetime
    updated_at: datetime


class ReviewItem(ServiceModel):
    """An open review item as the queue lists it."""

    order_id: str
    quote_id: str
    account_id: str
    currency: str
    amount: str = Field(description="Total contract value, a decimal string.")
    risk: float | None
    queues: list[str]
    codes: list[str]
    created_at: datetime
    age_seconds: float
    assigned_to: str | None = None


class ReviewPage(ServiceModel):
    """One page of the review queue; pass ``next_cursor`` back to get the next."""

    items: list[ReviewItem]
    next_cursor: str | None = None


class DecisionRequest(ServiceModel):
    """An analyst's decision; ``corrections`` (field name -> value) only with ``correct``."""

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "action": "correct",
                    "reason_code": "EXTRACTION_ERROR",
                    "comment": "Order form says Net 30 on page 2.",
                    "corrections": {"payment_terms_days": 30},
                }
            ]
        },
    )

    action: ReviewAction
    reason_code: str = Field(min_length=1, max_length=64)
    comment: str | None = Field(default=None, max_length=4000)
    corrections: dict[str, Any] | None = None


class DecisionRecord(ServiceModel):
    """The recorded decision and the order's result after it."""

    order_id: str
    status: OrderStatus
    action: ReviewAction
    exceptions_before: list[str]
    exceptions_after: list[str]
    result: CheckResult


class MetricsSummary(ServiceModel):
    """Touchless rate, exception rate by code, and the review queue's size and age."""

    orders_total: int
    touchless_rate: float | None = Field(description="Share of orders passed with no review.")
    exception_rate_by_code: dict[str, float] = Field(
        description="Per code, the share of orders that raised it."
    )
    queue_size: int
    oldest_item_age_seconds: float | None


class RiskModelInfo(ServiceModel):
    """One risk model version found in the registry."""

    version: str
    active: bool
    metadata: dict[str, Any] = {}


class RiskModelList(ServiceModel):
    """The risk model versions and which one scores new orders."""

    source: str = Field(description="Where the list comes from: the model registry.")
    active: str | None
    models: list[RiskModelInfo]


class WebhookCreate(ServiceModel):
    """A callback URL to receive ``order.decided`` events."""

    url: HttpUrl


class WebhookInfo(ServiceModel):
    """A registered webhook (without its secret)."""

    id: str
    url: str
    active: bool
    created_at: datetime


class WebhookCreated(WebhookInfo):
    """A new webhook and its signing secret, shown this once."""

    secret: str


class WebhookDeliveryInfo(ServiceModel):
    """One event sent (or being retried) to a webhook."""

    id: str
    event_type: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    payload: dict[str, Any]


class ApiKeyCreated(ServiceModel):
    """A new API key; ``key`` is shown once and only its hash is stored."""

    id: str
    name: str
    role: str
    tenant: str = DEFAULT_TENANT
    key: str
