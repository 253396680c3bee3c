"""Order rows and everything hanging off one order: document, exceptions, audit, outcome."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Executable, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from triage.store.tables import (
    DocumentRow,
    OrderExceptionRow,
    OrderRow,
    OutcomeRow,
    ReviewEventRow,
    ReviewItemRow,
)

__all__ = [
    "add_document_once",
    "add_order",
    "add_review_event",
    "count_orders",
    "get_order",
    "get_outcome",
    "get_review_item",
    "list_review_events",
    "lock_order",
]


def add_document_once(session: Session, row: DocumentRow) -> None:
    """Insert the document row unless a row with its digest already exists."""
    values = {
        "sha256": row.sha256,
        "size_bytes": row.size_bytes,
        "pages": row.pages,
        "created_at": row.created_at,
    }
    dialect = session.get_bind().dialect.name
    stmt: Executable
    if dialect == "postgresql":
        stmt = postgresql.insert(DocumentRow).values(values).on_conflict_do_nothing()
    else:
        stmt = sqlite.insert(DocumentRow).values(values).on_conflict_do_nothing()
    session.execute(stmt)


def add_order(
    session: Session,
    order: OrderRow,
    exceptions: Sequence[OrderExceptionRow],
    review_item: ReviewItemRow | None,
) -> None:
    """Insert an order with its exceptions and, if routed to review, its review item."""
    session.add(order)
    session.flush()
    session.add_all(exceptions)
    if review_item is not None:
        session.add(review_item)
    session.flush()


def get_order(session: Session, order_id: str) -> OrderRow | None:
    """Return the order row, or None."""
    return session.get(OrderRow, order_id)


def lock_order(session: Session, order_id: str) -> OrderRow | None:
    """Return the order row locked for update (a no-op lock on SQLite's serial writes)."""
    return session.scalar(select(OrderRow).where(OrderRow.order_id == order_id).with_for_update())


def get_review_item(session: Session, order_id: str) -> ReviewItemRow | None:
    """Return the order's review item, or None if it never went to review."""
    return session.get(ReviewItemRow, order_id)


def add_review_event(session: Session, event: ReviewEventRow) -> None:
    """Append one entry to an order's audit trail."""
    session.add(event)
    session.flush()


def list_review_events(session: Session, order_id: str) -> list[ReviewEventRow]:
    """Return the order's audit trail, oldest first."""
    return list(
        session.scalars(
            select(ReviewEventRow)
            .where(ReviewEventRow.order_id == order_id)
            .order_by(ReviewEventRow.created_at, ReviewEventRow.id)
        )
    )


def get_outcome(session: Session, order_id: str) -> OutcomeRow | None:
    """Return the reported outcome of an order, or None."""
    return session.get(OutcomeRow, order_id)


def count_orders(session: Session) -> int:
    """Return how many orders are stored."""
    return int(session.scalar(select(func.count()).select_from(OrderRow)) or 0)
