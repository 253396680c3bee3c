"""Queries behind the review dashboard, each over a period ``[since, until)``.

Orders count by when they were submitted; decisions by when they were made. The open
queue is a snapshot of now, whatever the period.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from triage.store.orders import of_tenant
from triage.store.queue import OPEN
from triage.store.tables import OrderExceptionRow, OrderRow, ReviewEventRow, ReviewItemRow

__all__ = [
    "DECISION_ACTIONS",
    "DecidedOrder",
    "analyst_decisions",
    "decided_orders",
    "decisions_by_check",
    "open_item_times",
    "order_risks",
    "orders_by_code",
]

DECISION_ACTIONS = ("approve", "correct", "reject")


@dataclass(frozen=True)
class DecidedOrder:
    """An analyst's decision on one order and the exception codes around it."""

    order_id: str
    action: str
    codes_before: frozenset[str]
    after_json: str | None


def _submitted_in(since: datetime, until: datetime, tenant_id: str) -> list[ColumnElement[bool]]:
    return [
        OrderRow.created_at >= since,
        OrderRow.created_at < until,
        OrderRow.tenant_id == tenant_id,
    ]


def decisions_by_check(
    session: Session, since: datetime, until: datetime, *, tenant_id: str
) -> dict[str, int]:
    """Return orders submitted in the period, counted by the automated decision."""
    rows = session.execute(
        select(OrderRow.decision, func.count())
        .where(*_submitted_in(since, until, tenant_id))
        .group_by(OrderRow.decision)
    )
    return {decision: int(n) for decision, n in rows}


def orders_by_code(
    session: Session, since: datetime, until: datetime, *, tenant_id: str
) -> dict[str, int]:
    """Return, per exception code, how many orders submitted in the period raised it."""
    rows = session.execute(
        select(OrderExceptionRow.code, func.count(distinct(OrderExceptionRow.order_id)))
        .join(OrderRow, OrderRow.order_id == OrderExceptionRow.order_id)
        .where(*_submitted_in(since, until, tenant_id))
        .group_by(OrderExceptionRow.code)
    )
    return {code: int(n) for code, n in rows}


def order_risks(
    session: Session, since: datetime, until: datetime, *, tenant_id: str
) -> list[float]:
    """Return the risk score of every scored order submitted in the period."""
    rows = session.scalars(
        select(OrderRow.risk).where(
            *_submitted_in(since, until, tenant_id), OrderRow.risk.is_not(None)
        )
    )
    return [float(r) for r in rows if r is not None]


def open_item_times(session: Session, *, tenant_id: str) -> list[datetime]:
    """Return when each of ``tenant_id``'s open review items was queued."""
    return list(
        session.scalars(
            select(ReviewItemRow.created_at).where(
                ReviewItemRow.state == OPEN, of_tenant(ReviewItemRow.order_id, tenant_id)
            )
        )
    )


def analyst_decisions(
    session: Session, since: datetime, until: datetime, *, tenant_id: str
) -> list[tuple[str, str, int]]:
    """Return (analyst, action, count) of the decisions made in the period."""
    rows = session.execute(
        select(
            func.coalesce(ReviewEventRow.actor_name, "unknown"),
            ReviewEventRow.action,
            func.count(),
        )
        .where(
            ReviewEventRow.action.in_(DECISION_ACTIONS),
            ReviewEventRow.created_at >= since,
            ReviewEventRow.created_at < until,
            of_tenant(ReviewEventRow.order_id, tenant_id),
        )
        .group_by(ReviewEventRow.actor_name, ReviewEventRow.action)
    )
    return [(str(name), str(action), int(n)) for name, action, n in rows]


def decided_orders(
    session: Session, since: datetime, until: datetime, *, tenant_id: str
) -> Sequence[DecidedOrder]:
    """Return every decision made in the period with the codes the order had when it was
    decided, as the audit entry recorded them (the order's exception rows say what it has
    now, which a correction changes)."""
    events = session.execute(
        select(
            ReviewEventRow.order_id,
            ReviewEventRow.action,
            ReviewEventRow.before_json,
            ReviewEventRow.after_json,
        )
        .where(
            ReviewEventRow.action.in_(DECISION_ACTIONS),
            ReviewEventRow.created_at >= since,
            ReviewEventRow.created_at < until,
            of_tenant(ReviewEventRow.order_id, tenant_id),
        )
        .order_by(ReviewEventRow.id)
    )
    return [
        DecidedOrder(order_id, action, _codes_before(before), after)
        for order_id, action, before, after in events
    ]


def _codes_before(before_json: str | None) -> frozenset[str]:
    try:
        codes = json.loads(before_json or "{}").get("exceptions", [])
    except (ValueError, AttributeError):
        return frozenset()
    return frozenset(str(code) for code in codes)
