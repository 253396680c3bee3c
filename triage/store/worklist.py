"""The analysts' worklist: open review items paged by number, and the per-item lock.

The review page shows numbered pages (an analyst jumps to page 3), so this query pages by
offset; the API's keyset paging in ``triage.store.queue`` stays the one for machines.
A lock is taken with one conditional UPDATE, so two analysts opening the same item at
the same moment cannot both win, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from triage.store.orders import of_tenant
from triage.store.queue import OPEN, QueueFilter, QueueSort, open_items_query, sort_expression
from triage.store.tables import ApiKeyRow, OrderExceptionRow, OrderRow, ReviewItemRow

__all__ = [
    "WorklistFilter",
    "claim_item",
    "count_items",
    "key_names",
    "list_items",
    "lock_holder",
    "open_accounts",
    "open_queues",
    "release_item",
]


WorklistFilter = QueueFilter
"""The review page filters open items like the API's queue, and by customer too."""


def list_items(
    session: Session,
    filters: WorklistFilter,
    sort: QueueSort,
    *,
    tenant_id: str,
    offset: int,
    limit: int,
) -> list[tuple[ReviewItemRow, OrderRow]]:
    """Return one page of ``tenant_id``'s open items with their orders: riskiest/largest/
    oldest first."""
    expr = sort_expression(sort)
    primary = expr.asc() if sort is QueueSort.AGE else expr.desc()
    query = (
        open_items_query(filters, tenant_id=tenant_id)
        .order_by(primary, ReviewItemRow.order_id.asc())
        .offset(offset)
        .limit(limit)
    )
    return [(item, order) for item, order in session.execute(query)]


def count_items(session: Session, filters: WorklistFilter, *, tenant_id: str) -> int:
    """Return how many of ``tenant_id``'s open items match ``filters``."""
    items = open_items_query(filters, tenant_id=tenant_id)
    query = items.with_only_columns(func.count()).order_by(None)
    return int(session.scalar(query) or 0)


def open_accounts(session: Session, *, tenant_id: str) -> list[tuple[str, str]]:
    """Return (account id, customer JSON) of one order per account with open items."""
    rows = session.execute(
        select(OrderRow.account_id, func.max(OrderRow.customer_json))
        .join(ReviewItemRow, ReviewItemRow.order_id == OrderRow.order_id)
        .where(ReviewItemRow.state == OPEN, OrderRow.tenant_id == tenant_id)
        .group_by(OrderRow.account_id)
        .order_by(OrderRow.account_id)
    )
    return [(account, customer) for account, customer in rows]


def key_names(session: Session, key_ids: set[str]) -> dict[str, str]:
    """Return the display name of each API key id in ``key_ids`` that exists."""
    if not key_ids:
        return {}
    rows = session.execute(select(ApiKeyRow.id, ApiKeyRow.name).where(ApiKeyRow.id.in_(key_ids)))
    return {key_id: name for key_id, name in rows}


def lock_holder(item: ReviewItemRow, now: datetime) -> str | None:
    """Return the key id holding a live lock on ``item`` at ``now``, or None."""
    live = item.locked_until is not None and item.locked_until > now
    return item.assigned_to if live else None


def claim_item(
    session: Session, order_id: str, key_id: str, *, now: datetime, until: datetime
) -> bool:
    """Lock an open item to ``key_id`` until ``until`` unless another live lock holds it.

    Returns True when ``key_id`` holds the lock afterwards.
    """
    result = session.execute(
        update(ReviewItemRow)
        .where(
            ReviewItemRow.order_id == order_id,
            ReviewItemRow.state == OPEN,
            or_(
                ReviewItemRow.assigned_to.is_(None),
                ReviewItemRow.assigned_to == key_id,
                ReviewItemRow.locked_until.is_(None),
                ReviewItemRow.locked_until <= now,
            ),
        )
        .values(assigned_to=key_id, locked_until=until)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def release_item(session: Session, order_id: str, key_id: str) -> bool:
    """Drop ``key_id``'s lock on an open item; return False if it did not hold it."""
    result = session.execute(
        update(ReviewItemRow)
        .where(
            and_(
                ReviewItemRow.order_id == order_id,
                ReviewItemRow.state == OPEN,
                ReviewItemRow.assigned_to == key_id,
            )
        )
        .values(assigned_to=None, locked_until=None)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def open_queues(session: Session, *, tenant_id: str) -> list[str]:
    """Return the queues that ``tenant_id``'s open items' exceptions are routed to, sorted."""
    rows = session.scalars(
        select(OrderExceptionRow.queue)
        .join(ReviewItemRow, ReviewItemRow.order_id == OrderExceptionRow.order_id)
        .where(ReviewItemRow.state == OPEN, of_tenant(ReviewItemRow.order_id, tenant_id))
        .distinct()
        .order_by(OrderExceptionRow.queue)
    )
    return list(rows)
