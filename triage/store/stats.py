"""Aggregates behind the metrics summary: decisions, exception counts, queue size and age."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from triage.store.orders import of_tenant
from triage.store.queue import OPEN
from triage.store.tables import OrderExceptionRow, OrderRow, ReviewItemRow

__all__ = [
    "OrderCounts",
    "QueueStats",
    "count_by_decision",
    "open_queue_size",
    "orders_by_code",
    "queue_stats",
]


@dataclass(frozen=True)
class OrderCounts:
    """How many stored orders the check passed and how many it sent to review."""

    total: int
    passed: int
    review: int


@dataclass(frozen=True)
class QueueStats:
    """Open review items: how many, and the oldest one's creation time."""

    size: int
    oldest: datetime | None


def count_by_decision(session: Session, *, tenant_id: str) -> OrderCounts:
    """Return ``tenant_id``'s order counts by the automated check's decision."""
    rows = session.execute(
        select(OrderRow.decision, func.count())
        .where(OrderRow.tenant_id == tenant_id)
        .group_by(OrderRow.decision)
    )
    counts = {decision: int(n) for decision, n in rows}
    return OrderCounts(
        total=sum(counts.values()),
        passed=counts.get("pass", 0),
        review=counts.get("review", 0),
    )


def orders_by_code(session: Session, *, tenant_id: str) -> dict[str, int]:
    """Return, per exception code, how many of ``tenant_id``'s orders raised it at least once."""
    rows = session.execute(
        select(OrderExceptionRow.code, func.count(distinct(OrderExceptionRow.order_id)))
        .where(of_tenant(OrderExceptionRow.order_id, tenant_id))
        .group_by(OrderExceptionRow.code)
        .order_by(OrderExceptionRow.code)
    )
    return {code: int(n) for code, n in rows}


def queue_stats(session: Session, *, tenant_id: str | None) -> QueueStats:
    """Return the size of ``tenant_id``'s open review queue (every tenant's for None) and its
    oldest item's time."""
    size, oldest = session.execute(
        select(func.count(), func.min(ReviewItemRow.created_at)).where(
            ReviewItemRow.state == OPEN, of_tenant(ReviewItemRow.order_id, tenant_id)
        )
    ).one()
    return QueueStats(size=int(size), oldest=oldest)


def open_queue_size(session: Session) -> int:
    """Return how many review items are open, over every tenant (the Prometheus gauge)."""
    return queue_stats(session, tenant_id=None).size
