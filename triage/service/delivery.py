"""Sending due webhook deliveries: claim, post with a signature, record, back off on failure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from triage.logs import get_logger
from triage.service.webhooks import BACKOFF, Sender, sign
from triage.store import Store
from triage.store import webhooks as hook_rows

__all__ = ["deliver_due_webhooks", "http_sender"]

log = get_logger(__name__)
SEND_TIMEOUT_S = 10.0
CLAIM_LEASE = timedelta(seconds=60)


def http_sender(url: str, headers: dict[str, str], body: bytes) -> int:
    """POST ``body`` to ``url`` and return the response status."""
    response = httpx.post(url, content=body, headers=headers, timeout=SEND_TIMEOUT_S)
    return response.status_code


def _attempt(store: Store, delivery_id: str, send: Sender, now: datetime) -> bool:
    with store.transaction() as session:
        delivery = hook_rows.get_delivery(session, delivery_id)
        hook = hook_rows.get_webhook(session, delivery.webhook_id) if delivery else None
        if delivery is None or hook is None:
            return False
        url, secret, body = hook.url, hook.secret, delivery.payload.encode()
    timestamp = int(now.timestamp())
    headers = {
        "content-type": "application/json",
        "webhook-id": delivery_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(secret, delivery_id, timestamp, body),
    }
    status: int | None = None
    error: str | None = None
    try:
        status = send(url, headers, body)
        if not 200 <= status < 300:
            error = f"receiver answered HTTP {status}"
    except Exception as exc:  # any transport failure is a failed attempt, retried later
        error = f"{type(exc).__name__}: {exc}"
    with store.transaction() as session:
        row = hook_rows.get_delivery(session, delivery_id)
        if row is None:
            return False
        row.attempts += 1
        row.last_attempt_at, row.last_status_code, row.last_error = now, status, error
        if error is None:
            row.status, row.delivered_at = hook_rows.DELIVERED, now
        elif row.attempts > len(BACKOFF):
            row.status = hook_rows.FAILED
        else:
            row.next_attempt_at = now + BACKOFF[row.attempts - 1]
    log.info("webhook attempt", delivery_id=delivery_id, status=status, error=error)
    return error is None


def deliver_due_webhooks(
    store: Store, *, send: Sender = http_sender, now: datetime | None = None, limit: int = 20
) -> int:
    """Attempt every delivery that is due at ``now``; return how many succeeded.

    Each delivery is claimed first (its next attempt pushed out by a lease), so several
    processes can run this at once without sending an event twice at the same moment.
    """
    now = now or datetime.now(UTC)
    with store.transaction() as session:
        due = hook_rows.due_deliveries(session, now, limit)
        claimed = [
            d.id for d in due if hook_rows.claim_delivery(session, d, lease_until=now + CLAIM_LEASE)
        ]
    return sum(_attempt(store, delivery_id, send, now) for delivery_id in claimed)
