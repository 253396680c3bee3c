"""Webhooks: registration, the signed ``order.decided`` event, and delivery with backoff.

Events are written to an outbox table in the same transaction as the decision, so an
event is never lost and never sent for a decision that was rolled back. Signatures
follow the Standard Webhooks scheme: ``webhook-id``, ``webhook-timestamp`` and
``webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from triage.auth import Caller, Role
from triage.errors import NotFound
from triage.service.destinations import DestinationPolicy, check_webhook_url
from triage.service.schemas import WebhookCreate, WebhookCreated, WebhookDeliveryInfo, WebhookInfo
from triage.store import Store
from triage.store import webhooks as hook_rows
from triage.store.tables import OrderRow, WebhookDeliveryRow, WebhookRow

__all__ = [
    "BACKOFF",
    "Sender",
    "list_deliveries",
    "list_webhooks",
    "queue_order_event",
    "register_webhook",
    "sign",
]

EVENT_ORDER_DECIDED = "order.decided"
SECRET_PREFIX = "whsec_"
BACKOFF: tuple[timedelta, ...] = tuple(
    timedelta(seconds=s) for s in (5, 30, 120, 600, 1800, 3600, 7200, 14400)
)
"""Wait before each retry; after the last one the delivery is marked failed."""

Sender = Callable[[str, dict[str, str], bytes], int]
"""Posts ``body`` with ``headers`` to a URL and returns the HTTP status (raises on no reply).

The product's sender is ``triage.service.webhook_transport.WebhookSender``."""


def sign(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """Return the ``webhook-signature`` header value for one message."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def _info(row: WebhookRow) -> WebhookInfo:
    return WebhookInfo(id=row.id, url=row.url, active=row.active, created_at=row.created_at)


def register_webhook(
    store: Store, caller: Caller, request: WebhookCreate, *, destinations: DestinationPolicy
) -> WebhookCreated:
    """Register a callback URL for the caller and return it with its secret (shown once).

    DestinationRefused if the URL carries credentials or does not reach a public address
    (or one in the deployment's allowed networks).
    """
    url = check_webhook_url(str(request.url), destinations)
    now = datetime.now(UTC)
    row = WebhookRow(
        id="wh_" + secrets.token_hex(8),
        api_key_id=caller.key_id,
        tenant_id=caller.tenant_id,
        url=url,
        secret=SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode(),
        active=True,
        created_at=now,
    )
    with store.transaction() as session:
        hook_rows.add_webhook(session, row)
    return WebhookCreated(**_info(row).model_dump(), secret=row.secret)


def list_webhooks(store: Store, caller: Caller) -> list[WebhookInfo]:
    """Return the caller's webhooks (an admin sees every webhook of its tenant)."""
    owner = None if caller.role is Role.ADMIN else caller.key_id
    with store.transaction() as session:
        rows = hook_rows.list_webhooks(session, owner, tenant_id=caller.tenant_id)
        return [_info(row) for row in rows]


def list_deliveries(
    store: Store, caller: Caller, webhook_id: str, *, limit: int = 50
) -> list[WebhookDeliveryInfo]:
    """Return a webhook's newest deliveries; NotFound unless the caller owns it (or is an
    admin of its tenant)."""
    with store.transaction() as session:
        hook = hook_rows.get_webhook(session, webhook_id)
        mine = hook is not None and hook.tenant_id == caller.tenant_id
        if (
            hook is None
            or not mine
            or (caller.role is not Role.ADMIN and hook.api_key_id != caller.key_id)
        ):
            raise NotFound(f"webhook {webhook_id!r} does not exist")
        rows = hook_rows.list_deliveries(session, webhook_id, limit)
    return [
        WebhookDeliveryInfo(
            id=r.id,
            event_type=r.event_type,
            status=r.status,
            attempts=r.attempts,
            next_attempt_at=r.next_attempt_at,
            last_attempt_at=r.last_attempt_at,
            last_status_code=r.last_status_code,
            last_error=r.last_error,
            delivered_at=r.delivered_at,
            payload=json.loads(r.payload),
        )
        for r in rows
    ]


def queue_order_event(
    session: Session, order: OrderRow, *, action: str, now: datetime, reason_code: str | None
) -> int:
    """Queue an ``order.decided`` delivery for each subscriber (of the order's tenant only);
    return how many were queued."""
    hooks = hook_rows.subscribers_for(session, order.api_key_id, tenant_id=order.tenant_id)
    rows = []
    for hook in hooks:
        message_id = "msg_" + secrets.token_hex(12)
        payload = {
            "type": EVENT_ORDER_DECIDED,
            "timestamp": now.isoformat(),
            "data": {
                "order_id": order.order_id,
                "action": action,
                "status": order.status,
                "reason_code": reason_code,
                "quote_id": order.quote_id,
                "account_id": order.account_id,
            },
        }
        rows.append(
            WebhookDeliveryRow(
                id=message_id,
                webhook_id=hook.id,
                event_type=EVENT_ORDER_DECIDED,
                payload=json.dumps(payload, separators=(",", ":")),
                status=hook_rows.PENDING,
                attempts=0,
                next_attempt_at=now,
                created_at=now,
            )
        )
    hook_rows.add_deliveries(session, rows)
    return len(rows)
