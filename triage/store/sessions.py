"""Review session rows: add one per login, find a live one, end one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from triage.store.tables import ApiKeyRow, ReviewSessionRow

__all__ = ["add_session", "delete_dead_sessions", "end_session", "live_session"]


def add_session(session: Session, row: ReviewSessionRow) -> None:
    """Insert a new session row."""
    session.add(row)
    session.flush()


def live_session(
    session: Session, id_hash: str, now: datetime
) -> tuple[ReviewSessionRow, ApiKeyRow] | None:
    """Return the session and its key if the session has not ended or expired and the key
    is not revoked; otherwise None."""
    found = session.execute(
        select(ReviewSessionRow, ApiKeyRow)
        .join(ApiKeyRow, ApiKeyRow.id == ReviewSessionRow.api_key_id)
        .where(
            ReviewSessionRow.id_hash == id_hash,
            ReviewSessionRow.ended_at.is_(None),
            ReviewSessionRow.expires_at > now,
            ApiKeyRow.revoked_at.is_(None),
        )
    ).first()
    return (found[0], found[1]) if found is not None else None


def delete_dead_sessions(session: Session, now: datetime) -> int:
    """Delete sessions that ended or expired before ``now``; return how many."""
    result = session.execute(
        delete(ReviewSessionRow).where(
            or_(ReviewSessionRow.ended_at.is_not(None), ReviewSessionRow.expires_at <= now)
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def end_session(session: Session, id_hash: str, now: datetime) -> bool:
    """Mark the session ended; return False if it was not live."""
    result = session.execute(
        update(ReviewSessionRow)
        .where(ReviewSessionRow.id_hash == id_hash, ReviewSessionRow.ended_at.is_(None))
        .values(ended_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
