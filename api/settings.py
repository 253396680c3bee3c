"""Settings of the HTTP layer only (``TRIAGE_API_*``); the product's settings stay in triage."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from triage.service import DeliveryLimits, IdempotencyPolicy

__all__ = ["ApiSettings"]


class ApiSettings(BaseSettings):
    """Request limits, idempotency lifetimes and background jobs of one server process."""

    model_config = SettingsConfigDict(env_prefix="TRIAGE_API_", env_file=".env", extra="ignore")

    request_timeout_s: float = Field(60.0, gt=0, description="Longest a request may take.")
    admission_wait_s: float = Field(
        30.0,
        gt=0,
        description="Longest a new order waits for its turn to be checked before the answer"
        " is 503 service.busy (with Retry-After).",
    )
    header_timeout_s: float = Field(
        10.0,
        gt=0,
        le=300,
        description="Longest a connection may take to send a request's line and headers"
        " (slow-header connections are closed).",
    )
    order_threads: int = Field(
        24,
        ge=1,
        le=39,
        description="New orders that may hold one of the 40 request threads at once; the"
        " others wait without a thread, so the review pages always keep the rest.",
    )
    idempotency_ttl_hours: float = Field(24.0, ge=24, description="How long keys are kept.")
    idempotency_lease_s: float = Field(
        120.0, gt=0, description="How long a claimed key waits for its request before takeover."
    )
    components: str = Field(
        "triage.components:load_components",
        description="MODULE:FUNCTION building the pipeline's components from Settings.",
    )
    background_jobs: bool = Field(True, description="Send webhooks and purge expired keys.")
    webhook_poll_s: float = Field(1.0, gt=0, description="How often due webhooks are sent.")
    webhook_deadline_s: float = Field(
        10.0, gt=0, le=120, description="Longest one webhook request may take, start to end."
    )
    webhook_per_receiver: int = Field(
        2, ge=1, le=32, description="Events sent to one receiver (scheme, host, port) at once."
    )
    webhook_in_flight: int = Field(8, ge=1, le=64, description="Events sent at once in all.")

    def delivery_limits(self) -> DeliveryLimits:
        """Return the webhook delivery limits these settings describe."""
        return DeliveryLimits(
            deadline_s=self.webhook_deadline_s,
            per_receiver=self.webhook_per_receiver,
            in_flight=self.webhook_in_flight,
        )

    def idempotency_policy(self) -> IdempotencyPolicy:
        """Return the idempotency policy these settings describe."""
        lease = timedelta(seconds=self.idempotency_lease_s)
        return IdempotencyPolicy(
            ttl=timedelta(hours=self.idempotency_ttl_hours),
            lease=lease,
            wait_s=min(self.request_timeout_s, self.idempotency_lease_s + 5.0),
        )
