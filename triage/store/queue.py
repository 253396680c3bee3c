"""The review queue query: open items, filtered, sorted and paged by keyset.

Keyset paging (``after`` = the sort value and order id of the last row seen) keeps pages
stable while new items arrive, unlike offsets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from triage.store.tables import OrderExceptionRow, OrderRow, ReviewItemRow

__all__ = [
    "CLOSED",
    "OPEN",
    "QueueFilter",
    "QueueSort",
    "exceptions_for",
    "list_open_items",
    "open_items_query",
]

OPEN = "open"
CLOSED = "closed"
NO_RISK = -1.0


class QueueSort(StrEnum):
    """How the queue is ordered: highest risk, largest amount, or oldest first."""

    RISK = "risk"
    AMOUNT = "amount"
    AGE = "age"


@dataclass(frozen=True)
class QueueFilter:
    """Which open items to return."""

    queue: str | None = None
    code: str | None = None
    min_risk: float | None = None
    account_id: str | None = None


def open_items_query(filters: QueueFilter, *, tenant_id: str) -> Select[ReviewItemRow, OrderRow]:
    """Return the query of ``tenant_id``'s open review items (with their orders) that match
    ``filters``."""
    query = (
        select(ReviewItemRow, OrderRow)
        .join(OrderRow, OrderRow.order_id == ReviewItemRow.order_id)
        .where(ReviewItemRow.state == OPEN, OrderRow.tenant_id == tenant_id)
    )
    if filters.queue is not None or filters.code is not None:
        matching = select(OrderExceptionRow.order_id).where(
            OrderExceptionRow.order_id == ReviewItemRow.order_id
        )
        if filters.queue is not None:
            matching = matching.where(OrderExceptionRow.queue == filters.queue)
        if filters.code is not None:
            matching = matching.where(OrderExceptionRow.code == filters.code)
        query = query.where(matching.exists())
    if filters.min_risk is not None:
        query = query.where(ReviewItemRow.risk >= filters.min_risk)
    if filters.account_id is not None:
        query = query.where(OrderRow.account_id == filters.account_id)
    return query


def sort_expression(sort: QueueSort) -> ColumnElement[Any]:
    """Return the column expression the queue is ordered by for ``sort``."""
    if sort is QueueSort.RISK:
        return func.coalesce(ReviewItemRow.risk, NO_RISK)
    if sort is QueueSort.AMOUNT:
        return ReviewItemRow.amount_cents  # type: ignore[return-value]
    return ReviewItemRow.created_at  # type: ignore[return-value]


def _descending(sort: QueueSort) -> bool:
    return sort is not QueueSort.AGE


def sort_value(item: ReviewItemRow, sort: QueueSort) -> float | int | datetime:
    """Return the value of ``item`` under ``sort``, as stored in a cursor."""
    if sort is QueueSort.RISK:
        return item.risk if item.risk is not None else NO_RISK
    if sort is QueueSort.AMOUNT:
        return item.amount_cents
    return item.created_at


def list_open_items(
    session: Session,
    filters: QueueFilter,
    sort: QueueSort,
    *,
    tenant_id: str,
    after: tuple[Any, str] | None,
    limit: int,
) -> list[tuple[ReviewItemRow, OrderRow]]:
    """Return up to ``limit`` of ``tenant_id``'s open items (with their orders) after the
    ``after`` position."""
    expr = sort_expression(sort)
    query = open_items_query(filters, tenant_id=tenant_id)
    if after is not None:
        value, last_id = after
        beyond = expr < value if _descending(sort) else expr > value
        query = query.where(or_(beyond, and_(expr == value, ReviewItemRow.order_id > last_id)))
    primary = expr.desc() if _descending(sort) else expr.asc()
    query = query.order_by(primary, ReviewItemRow.order_id.asc()).limit(limit)
    return [(item, order) for item, order in session.execute(query)]


def exceptions_for(
    session: Session, order_ids: Sequence[str]
) -> dict[str, list[OrderExceptionRow]]:
    """Return the stored exceptions of each order in ``order_ids``."""
    found: dict[str, list[OrderExceptionRow]] = {order_id: [] for order_id in order_ids}
    if not order_ids:
        return found
    rows = session.scalars(
        select(OrderExceptionRow)
        .where(OrderExceptionRow.order_id.in_(order_ids))
        .order_by(OrderExceptionRow.id)
    )
    for row in rows:
        found[row.order_id].append(row)
    return found
