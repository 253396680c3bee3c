"""Webhook subscriptions and their delivery outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from triage.store.tables import ApiKeyRow, WebhookDeliveryRow, WebhookRow

__all__ = [
    "DELIVERED",
    "FAILED",
    "PENDING",
    "add_deliveries",
    "add_webhook",
    "claim_delivery",
    "due_deliveries",
    "due_deliveries_fairly",
    "get_delivery",
    "get_webhook",
    "list_deliveries",
    "list_webhooks",
    "record_attempt",
    "subscribers_for",
]

PENDING = "pending"
DELIVERED = "delivered"
FAILED = "failed"


def add_webhook(session: Session, row: WebhookRow) -> WebhookRow:
    """Insert a subscription and return it."""
    session.add(row)
    session.flush()
    return row


def get_webhook(session: Session, webhook_id: str) -> WebhookRow | None:
    """Return one subscription, or None."""
    return session.get(WebhookRow, webhook_id)


def list_webhooks(session: Session, api_key_id: str | None, *, tenant_id: str) -> list[WebhookRow]:
    """Return the subscriptions of one key (or of every key of ``tenant_id`` when
    ``api_key_id`` is None)."""
    query = (
        select(WebhookRow)
        .where(WebhookRow.tenant_id == tenant_id)
        .order_by(WebhookRow.created_at, WebhookRow.id)
    )
    if api_key_id is not None:
        query = query.where(WebhookRow.api_key_id == api_key_id)
    return list(session.scalars(query))


def subscribers_for(session: Session, owner_key_id: str, *, tenant_id: str) -> list[WebhookRow]:
    """Return active subscriptions told about an order: the submitter's and those of every
    admin of the order's tenant."""
    admin_keys = select(ApiKeyRow.id).where(ApiKeyRow.role == "admin")
    return list(
        session.scalars(
            select(WebhookRow)
            .where(
                WebhookRow.active.is_(True),
                WebhookRow.tenant_id == tenant_id,
                or_(WebhookRow.api_key_id == owner_key_id, WebhookRow.api_key_id.in_(admin_keys)),
            )
            .order_by(WebhookRow.id)
        )
    )


def add_deliveries(session: Session, rows: list[WebhookDeliveryRow]) -> None:
    """Queue deliveries in the outbox (in the caller's transaction)."""
    session.add_all(rows)
    session.flush()


def due_deliveries(session: Session, now: datetime, limit: int) -> list[WebhookDeliveryRow]:
    """Return pending deliveries whose next attempt is due, oldest first."""
    return list(
        session.scalars(
            select(WebhookDeliveryRow)
            .where(WebhookDeliveryRow.status == PENDING, WebhookDeliveryRow.next_attempt_at <= now)
            .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id)
            .limit(limit)
        )
    )


def claim_delivery(
    session: Session, delivery: WebhookDeliveryRow, *, lease_until: datetime
) -> bool:
    """Push a due delivery's next attempt to ``lease_until``; False if another worker did."""
    result = session.execute(
        update(WebhookDeliveryRow)
        .where(
            WebhookDeliveryRow.id == delivery.id,
            WebhookDeliveryRow.status == PENDING,
            WebhookDeliveryRow.next_attempt_at == delivery.next_attempt_at,
        )
        .values(next_attempt_at=lease_until)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def get_delivery(session: Session, delivery_id: str) -> WebhookDeliveryRow | None:
    """Return one delivery, or None."""
    return session.get(WebhookDeliveryRow, delivery_id)


def list_deliveries(session: Session, webhook_id: str, limit: int) -> list[WebhookDeliveryRow]:
    """Return the newest deliveries of one subscription."""
    return list(
        session.scalars(
            select(WebhookDeliveryRow)
            .where(WebhookDeliveryRow.webhook_id == webhook_id)
            .order_by(WebhookDeliveryRow.created_at.desc(), WebhookDeliveryRow.id)
            .limit(limit)
        )
    )


def due_deliveries_fairly(
    session: Session, now: datetime, *, per_webhook: int, limit: int
) -> list[tuple[WebhookDeliveryRow, str]]:
    """Return due deliveries with their webhook URL: the oldest ``per_webhook`` of each.

    So that one webhook with a long backlog cannot fill a whole batch and hold back
    everyone else's events.
    """
    rank = (
        func.row_number()
        .over(
            partition_by=WebhookDeliveryRow.webhook_id,
            order_by=(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id),
        )
        .label("rank")
    )
    ranked = (
        select(WebhookDeliveryRow.id.label("id"), rank)
        .where(WebhookDeliveryRow.status == PENDING, WebhookDeliveryRow.next_attempt_at <= now)
        .subquery()
    )
    query = (
        select(WebhookDeliveryRow, WebhookRow.url)
        .join(ranked, ranked.c.id == WebhookDeliveryRow.id)
        .join(WebhookRow, WebhookRow.id == WebhookDeliveryRow.webhook_id)
        .where(ranked.c.rank <= per_webhook)
        .order_by(WebhookDeliveryRow.next_attempt_at, WebhookDeliveryRow.id)
        .limit(limit)
    )
    return [(row, url) for row, url in session.execute(query)]


def record_attempt(
    session: Session, delivery_id: str, *, claimed_until: datetime, values: dict[str, object]
) -> bool:
    """Write an attempt's result if the claim is still ours; False if it was taken over."""
    result = session.execute(
        update(WebhookDeliveryRow)
        .where(
            WebhookDeliveryRow.id == delivery_id,
            WebhookDeliveryRow.status == PENDING,
            WebhookDeliveryRow.next_attempt_at == claimed_until,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
