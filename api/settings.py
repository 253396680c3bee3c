"""Settings of the HTTP layer only (``TRIAGE_API_*``); the product's settings stay in triage."""

from __future__ import annotations

from datetime import timedelta

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from triage.service import IdempotencyPolicy

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

    def idempotency_policy(self) -> IdempotencyPolicy:
        """Return the idempotency policy these settings describe."""
        lease = timedelta(seconds=self.idempotency_lease_s)
        return IdempotencyPolicy(
            ttl=timedelta(hours=self.idempotency_ttl_hours),
            lease=lease,
            wait_s=min(self.request_timeout_s, self.idempotency_lease_s + 5.0),
        )
