"""Sending due webhook deliveries: claim, post with a signature, record, back off on failure.

A batch claims at most ``per_receiver`` deliveries for each receiver (a URL's scheme, host
and port) and at most ``in_flight`` in all, and sends them all at once, each in its own
thread and each within the sender's whole-request deadline. So a batch lasts about one
deadline at most, one slow receiver delays nobody else's events, and the claim's lease
(longer than the deadline by a margin) cannot run out while its sender is still busy. The
result is written only if the claim is still held (fenced on the lease time it set), so a
delivery is never recorded twice.
"""

from __future__ import annotations

import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from triage.logs import get_logger
from triage.service.destinations import DestinationRefused
from triage.service.webhooks import BACKOFF, Sender, sign
from triage.store import Store
from triage.store import webhooks as hook_rows

__all__ = ["DeliveryLimits", "deliver_due_webhooks"]

log = get_logger(__name__)
NO_ANSWER = "no HTTP answer from the receiver within the delivery deadline"
REFUSED = "destination refused: the host is not a public address"


@dataclass(frozen=True)
class DeliveryLimits:
    """How many events a batch sends at once, per receiver and in all, and its lease."""

    deadline_s: float = 10.0
    per_receiver: int = 2
    in_flight: int = 8
    lease_margin_s: float = 30.0

    @property
    def lease(self) -> timedelta:
        """How long a claim holds: twice the deadline plus a margin for the database."""
        return timedelta(seconds=2 * self.deadline_s + self.lease_margin_s)


@dataclass(frozen=True)
class _Claim:
    delivery_id: str
    url: str
    secret: str
    body: bytes
    attempts: int
    claimed_until: datetime


def _receiver(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme, (parts.hostname or "").lower(), parts.port


def _claim_batch(store: Store, now: datetime, limits: DeliveryLimits) -> list[_Claim]:
    lease_until = now + limits.lease
    claims: list[_Claim] = []
    per_receiver: Counter[tuple[str, str, int | None]] = Counter()
    with store.transaction() as session:
        due = hook_rows.due_deliveries_fairly(
            session, now, per_webhook=limits.per_receiver, limit=limits.in_flight * 4
        )
        for delivery, url in due:
            receiver = _receiver(url)
            if len(claims) >= limits.in_flight or per_receiver[receiver] >= limits.per_receiver:
                continue
            hook = hook_rows.get_webhook(session, delivery.webhook_id)
            if hook is None or not hook_rows.claim_delivery(
                session, delivery, lease_until=lease_until
            ):
                continue
            per_receiver[receiver] += 1
            claims.append(
                _Claim(
                    delivery.id,
                    url,
                    hook.secret,
                    delivery.payload.encode(),
                    delivery.attempts,
                    lease_until,
                )
            )
    return claims


def _send(claim: _Claim, send: Sender) -> tuple[int | None, str | None]:
    timestamp = int(time.time())  # taken when this attempt starts, signed and sent as one
    headers = {
        "content-type": "application/json",
        "webhook-id": claim.delivery_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": sign(claim.secret, claim.delivery_id, timestamp, claim.body),
    }
    try:
        status = send(claim.url, headers, claim.body)
    except DestinationRefused as refused:
        log.warning("webhook refused", delivery_id=claim.delivery_id, detail=refused.detail)
        return None, REFUSED
    except Exception as exc:  # any transport failure is a failed attempt, retried later
        # The caller sees one message for every kind of failure (refused, reset, timed
        # out), so deliveries cannot be used to map ports; the log keeps the detail.
        log.info("webhook no answer", delivery_id=claim.delivery_id, error=type(exc).__name__)
        return None, NO_ANSWER
    if 200 <= status < 300:
        return status, None
    return status, f"receiver answered HTTP {status}" + (
        " (redirects are not followed)" if 300 <= status < 400 else ""
    )


def _attempt(store: Store, claim: _Claim, send: Sender, now: datetime) -> bool:
    status, error = _send(claim, send)
    attempts = claim.attempts + 1
    values: dict[str, object] = {
        "attempts": attempts,
        "last_attempt_at": now,
        "last_status_code": status,
        "last_error": error,
    }
    if error is None:
        values.update(status=hook_rows.DELIVERED, delivered_at=now)
    elif attempts > len(BACKOFF):
        values.update(status=hook_rows.FAILED)
    else:
        values.update(next_attempt_at=now + BACKOFF[attempts - 1])
    with store.transaction() as session:
        kept = hook_rows.record_attempt(
            session, claim.delivery_id, claimed_until=claim.claimed_until, values=values
        )
    if not kept:
        log.warning("webhook claim lost", delivery_id=claim.delivery_id)
    log.info("webhook attempt", delivery_id=claim.delivery_id, status=status, error=error)
    return kept and error is None


def deliver_due_webhooks(
    store: Store,
    *,
    send: Sender,
    now: datetime | None = None,
    limits: DeliveryLimits | None = None,
) -> int:
    """Attempt the deliveries due at ``now`` (a fair batch); return how many succeeded.

    Several processes may run this at once: each delivery is claimed first, and only the
    holder of the claim sends it and records the result.
    """
    limits = limits or DeliveryLimits()
    now = now or datetime.now(UTC)
    claims = _claim_batch(store, now, limits)
    if not claims:
        return 0
    with ThreadPoolExecutor(len(claims), thread_name_prefix="webhook") as pool:
        return sum(pool.map(lambda claim: _attempt(store, claim, send, now), claims))
