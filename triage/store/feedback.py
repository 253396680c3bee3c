"""The analysts' corrections as stored: each ``correct`` decision with its order's document.

A correction's before/after values live in the audit trail (``review_events``); the
corrected extraction, which keeps the evidence of each corrected field, lives on the order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.store.tables import OrderRow, ReviewEventRow

__all__ = ["CorrectionRow", "list_corrections"]

CORRECT = "correct"


@dataclass(frozen=True)
class CorrectionRow:
    """One ``correct`` decision joined with the order it changed."""

    event_id: int
    order_id: str
    document_sha256: str
    filename: str
    analyst: str | None
    analyst_key_id: str | None
    reason_code: str | None
    comment: str | None
    before_json: str | None
    after_json: str | None
    result_json: str
    created_at: datetime


def list_corrections(session: Session, since: datetime | None = None) -> list[CorrectionRow]:
    """Return every correction made at or after ``since`` (all when None), oldest first."""
    query = (
        select(ReviewEventRow, OrderRow)
        .join(OrderRow, OrderRow.order_id == ReviewEventRow.order_id)
        .where(ReviewEventRow.action == CORRECT)
        .order_by(ReviewEventRow.created_at, ReviewEventRow.id)
    )
    if since is not None:
        query = query.where(ReviewEventRow.created_at >= since)
    return [
        CorrectionRow(
            event_id=event.id,
            order_id=order.order_id,
            document_sha256=order.document_sha256,
            filename=order.filename,
            analyst=event.actor_name,
            analyst_key_id=event.actor_key_id,
            reason_code=event.reason_code,
            comment=event.comment,
            before_json=event.before_json,
            after_json=event.after_json,
            result_json=order.result_json,
            created_at=event.created_at,
        )
        for event, order in session.execute(query)
    ]
