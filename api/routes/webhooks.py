"""Webhook registration and delivery history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import RuntimeDep, WebhookManager
from triage.service import list_deliveries, list_webhooks, register_webhook
from triage.service.schemas import WebhookCreate, WebhookCreated, WebhookDeliveryInfo, WebhookInfo

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"])


@router.post("", response_model=WebhookCreated, status_code=201, summary="Register a callback")
def create_webhook(
    request: WebhookCreate, caller: WebhookManager, runtime: RuntimeDep
) -> WebhookCreated:
    """Register a URL for signed ``order.decided`` events; the secret is shown once.

    The URL must reach a public address (422 ``webhook.destination_refused`` otherwise).
    """
    return register_webhook(runtime.store, caller, request, destinations=runtime.destinations)


@router.get("", response_model=list[WebhookInfo], summary="Registered callbacks")
def webhooks(caller: WebhookManager, runtime: RuntimeDep) -> list[WebhookInfo]:
    """Return the caller's webhooks."""
    return list_webhooks(runtime.store, caller)


@router.get(
    "/{webhook_id}/deliveries",
    response_model=list[WebhookDeliveryInfo],
    summary="Events sent to a callback",
)
def deliveries(
    webhook_id: Annotated[str, Path(pattern=r"^wh_[0-9a-f]{16}$")],
    caller: WebhookManager,
    runtime: RuntimeDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[WebhookDeliveryInfo]:
    """Return the newest deliveries: status, attempts, last error, payload."""
    return list_deliveries(runtime.store, caller, webhook_id, limit=limit)
