"""Analysts' review sessions, kept on the server so that they can be ended.

A login creates a session: a random id (only its SHA-256 is stored), an expiry and a
CSRF token of its own. The browser's cookie carries the id (signed by the review pages),
so logging out, a key's revocation or the expiry ends the session for every copy of the
cookie: the next request with it finds no live session. Each login makes a new id, so
an id known before a login (a fixated cookie) is worth nothing after it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from triage.auth import Caller
from triage.errors import Unauthenticated
from triage.service.keys import caller_of
from triage.store import Store
from triage.store import sessions as session_rows
from triage.store.tables import ReviewSessionRow

__all__ = [
    "ReviewSession",
    "end_review_session",
    "purge_dead_sessions",
    "resume_review_session",
    "start_review_session",
]


@dataclass(frozen=True)
class ReviewSession:
    """A live session: whose it is, its id (for the cookie) and its CSRF token."""

    caller: Caller
    session_id: str
    csrf_token: str
    expires_at: datetime


def _hash(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def start_review_session(
    store: Store, caller: Caller, *, lifetime: timedelta, replacing: str | None = None
) -> ReviewSession:
    """Create a session for ``caller`` lasting ``lifetime``; end ``replacing`` (the session
    id the browser had before this login, if any) in the same transaction."""
    now = datetime.now(UTC)
    session_id = secrets.token_urlsafe(32)
    row = ReviewSessionRow(
        id_hash=_hash(session_id),
        api_key_id=caller.key_id,
        csrf_token=secrets.token_urlsafe(32),
        created_at=now,
        expires_at=now + lifetime,
    )
    with store.transaction() as session:
        if replacing:
            session_rows.end_session(session, _hash(replacing), now)
        session_rows.add_session(session, row)
    return ReviewSession(caller, session_id, row.csrf_token, row.expires_at)


def resume_review_session(store: Store, session_id: str) -> ReviewSession:
    """Return the live session with this id; raise Unauthenticated if it ended, expired or
    its key was revoked."""
    now = datetime.now(UTC)
    with store.reading() as session:
        found = session_rows.live_session(session, _hash(session_id), now)
        if found is None:
            raise Unauthenticated("the review session has ended; log in again")
        row, key = found
        return ReviewSession(caller_of(key), session_id, row.csrf_token, row.expires_at)


def purge_dead_sessions(store: Store) -> int:
    """Delete the rows of sessions that ended or expired; return how many (a periodic job)."""
    with store.transaction() as session:
        return session_rows.delete_dead_sessions(session, datetime.now(UTC))


def end_review_session(store: Store, session_id: str) -> bool:
    """End the session (logout); return False if it was not live."""
    with store.transaction() as session:
        return session_rows.end_session(session, _hash(session_id), datetime.now(UTC))
