"""Order rows and everything hanging off one order: document, exceptions, audit, outcome."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Executable, delete, func, select, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Session

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
    "of_tenant",
    "replace_exceptions",
    "tenant_has_document",
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


def get_order(session: Session, order_id: str, *, tenant_id: str) -> OrderRow | None:
    """Return the order row if it belongs to ``tenant_id``, or None (another tenant's order
    does not exist for the caller)."""
    row = session.get(OrderRow, order_id)
    return row if row is not None and row.tenant_id == tenant_id else None


def lock_order(session: Session, order_id: str, *, tenant_id: str) -> OrderRow | None:
    """Return ``tenant_id``'s order row locked for update (a no-op lock on SQLite's serial
    writes), or None."""
    return session.scalar(
        select(OrderRow)
        .where(OrderRow.order_id == order_id, OrderRow.tenant_id == tenant_id)
        .with_for_update()
    )


def of_tenant(order_id: InstrumentedAttribute[str], tenant_id: str | None) -> ColumnElement[bool]:
    """Return the condition "``order_id`` is an order of ``tenant_id``" for a query over a
    table hanging off orders; ``None`` (the operator's Prometheus gauges only) is every tenant.
    """
    if tenant_id is None:
        return true()
    return order_id.in_(select(OrderRow.order_id).where(OrderRow.tenant_id == tenant_id))


def tenant_has_document(session: Session, sha256: str, *, tenant_id: str) -> bool:
    """Return True when an order of ``tenant_id`` was read from the document ``sha256``."""
    found = session.scalar(
        select(OrderRow.order_id)
        .where(OrderRow.document_sha256 == sha256, OrderRow.tenant_id == tenant_id)
        .limit(1)
    )
    return found is not None


def replace_exceptions(session: Session, order_id: str, rows: Sequence[OrderExceptionRow]) -> None:
    """Replace the order's exception rows with ``rows`` (in the caller's transaction)."""
    session.execute(delete(OrderExceptionRow).where(OrderExceptionRow.order_id == order_id))
    session.add_all(rows)
    session.flush()


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
