"""Idempotency claims: one row per (API key, Idempotency-Key), claimed by a unique insert.

Every change to a claim is a conditional UPDATE on its ``claim_token``, so a request
whose claim was taken over (after its lease ran out) can never overwrite the winner.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from triage.store.tables import IdempotencyRow

__all__ = [
    "COMPLETED",
    "IN_PROGRESS",
    "complete_claim",
    "get_claim",
    "insert_claim",
    "purge_expired",
    "release_claim",
    "take_over_claim",
]

IN_PROGRESS = "in_progress"
COMPLETED = "completed"


def get_claim(session: Session, api_key_id: str, key: str) -> IdempotencyRow | None:
    """Return the claim row for this key, or None."""
    return session.scalar(
        select(IdempotencyRow).where(
            IdempotencyRow.api_key_id == api_key_id, IdempotencyRow.key == key
        )
    )


def insert_claim(session: Session, row: IdempotencyRow) -> None:
    """Insert a new in-progress claim; the flush raises IntegrityError if the key is taken."""
    session.add(row)
    session.flush()


def take_over_claim(
    session: Session, row: IdempotencyRow, *, token: str, locked_until: datetime
) -> bool:
    """Move an abandoned claim to ``token``; return False if someone else moved it first."""
    result = session.execute(
        update(IdempotencyRow)
        .where(
            IdempotencyRow.api_key_id == row.api_key_id,
            IdempotencyRow.key == row.key,
            IdempotencyRow.claim_token == row.claim_token,
        )
        .values(claim_token=token, locked_until=locked_until, state=IN_PROGRESS)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def complete_claim(
    session: Session,
    api_key_id: str,
    key: str,
    *,
    token: str,
    status: int,
    body: str,
    order_id: str,
) -> bool:
    """Store the response on a claim still held by ``token``; return False if it was lost."""
    result = session.execute(
        update(IdempotencyRow)
        .where(
            IdempotencyRow.api_key_id == api_key_id,
            IdempotencyRow.key == key,
            IdempotencyRow.claim_token == token,
            IdempotencyRow.state == IN_PROGRESS,
        )
        .values(state=COMPLETED, response_status=status, response_body=body, order_id=order_id)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def release_claim(session: Session, api_key_id: str, key: str, *, token: str) -> None:
    """Delete an in-progress claim held by ``token`` so a retry can run the request again."""
    session.execute(
        delete(IdempotencyRow)
        .where(
            IdempotencyRow.api_key_id == api_key_id,
            IdempotencyRow.key == key,
            IdempotencyRow.claim_token == token,
            IdempotencyRow.state == IN_PROGRESS,
        )
        .execution_options(synchronize_session=False)
    )


def purge_expired(session: Session, now: datetime) -> int:
    """Delete completed claims past their expiry; return how many were removed."""
    result = session.execute(
        delete(IdempotencyRow)
        .where(IdempotencyRow.expires_at < now, IdempotencyRow.state == COMPLETED)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
