"""Outcomes reported by billing/ERP: the labels the risk model is retrained on."""

from __future__ import annotations

from datetime import UTC, datetime

from triage.auth import Caller
from triage.errors import NotFound
from triage.service.schemas import OutcomeRecord, OutcomeReport
from triage.store import Store
from triage.store import orders as order_rows
from triage.store.tables import OutcomeRow

__all__ = ["record_outcome"]


def record_outcome(
    store: Store, caller: Caller, order_id: str, report: OutcomeReport
) -> tuple[OutcomeRecord, bool]:
    """Store (or replace) an order's outcome; return it and whether it is the first report."""
    now = datetime.now(UTC)
    with store.transaction() as session:
        if order_rows.lock_order(session, order_id, tenant_id=caller.tenant_id) is None:
            raise NotFound(f"order {order_id!r} does not exist")
        row = order_rows.get_outcome(session, order_id)
        created = row is None
        if row is None:
            row = OutcomeRow(order_id=order_id)
            session.add(row)
        row.disputed = report.disputed
        row.days_late = report.days_late
        row.reported_at = report.reported_at
        row.recorded_at = now
        row.reported_by = caller.key_id
    record = OutcomeRecord(
        order_id=order_id,
        disputed=report.disputed,
        days_late=report.days_late,
        reported_at=report.reported_at,
        recorded_at=now,
    )
    return record, created
