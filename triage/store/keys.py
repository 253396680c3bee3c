"""API key rows: insert, look up by hash, revoke."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from triage.store.tables import ApiKeyRow

__all__ = ["find_active_key", "get_key", "insert_key", "list_keys", "revoke_key"]


def insert_key(session: Session, row: ApiKeyRow) -> ApiKeyRow:
    """Add a new key row and return it."""
    session.add(row)
    session.flush()
    return row


def find_active_key(session: Session, key_hash: str) -> ApiKeyRow | None:
    """Return the unrevoked key with this hash, or None."""
    return session.scalar(
        select(ApiKeyRow).where(ApiKeyRow.key_hash == key_hash, ApiKeyRow.revoked_at.is_(None))
    )


def get_key(session: Session, key_id: str) -> ApiKeyRow | None:
    """Return the key row with id ``key_id``, or None."""
    return session.get(ApiKeyRow, key_id)


def list_keys(session: Session) -> list[ApiKeyRow]:
    """Return every key row, oldest first."""
    return list(session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.created_at)))


def revoke_key(session: Session, key_id: str, when: datetime) -> bool:
    """Mark a key revoked; return False if it does not exist."""
    row = session.get(ApiKeyRow, key_id)
    if row is None:
        return False
    row.revoked_at = when
    return True
