"""Idempotency keys in Stripe's manner, scoped to the caller's API key.

A request claims its key by inserting a row (the primary key makes the claim atomic on
SQLite and PostgreSQL alike). A concurrent duplicate *waits* for the first request to
finish and then replays its stored response; if the first one died (its lease ran out)
the duplicate takes the claim over and runs the request itself. Only when the wait
exceeds ``wait_s`` does it get 409 ``idempotency.in_progress``. The same key with a
different body is 409 ``idempotency.key_reused``. Completed keys expire after ``ttl``.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.exc import IntegrityError

from triage.errors import Conflict, InputError
from triage.store import Store
from triage.store import idempotency as claims
from triage.store.tables import IdempotencyRow

__all__ = [
    "Claim",
    "IdempotencyInProgress",
    "IdempotencyKeyReused",
    "IdempotencyPolicy",
    "StoredResponse",
    "check_key",
    "claim_key",
    "purge_expired_keys",
    "release_key",
]

MAX_KEY_LENGTH = 255


class IdempotencyKeyReused(Conflict):
    """The key was used before with a different request body (409)."""

    code = "idempotency.key_reused"
    title = "Idempotency key reused with a different request"


class IdempotencyInProgress(Conflict):
    """A duplicate waited ``wait_s`` and the first request is still running (409)."""

    code = "idempotency.in_progress"
    title = "A request with this idempotency key is still in progress"


@dataclass(frozen=True)
class IdempotencyPolicy:
    """How long keys live, how long a claim is held, and how long a duplicate waits."""

    ttl: timedelta = timedelta(hours=24)
    lease: timedelta = timedelta(seconds=120)
    wait_s: float = 130.0
    poll_s: float = 0.05


@dataclass(frozen=True)
class Claim:
    """This request owns the key: run it, then complete the claim with ``token``."""

    token: str
    order_id: str


@dataclass(frozen=True)
class StoredResponse:
    """The key was already completed: replay this response."""

    status: int
    body: str
    order_id: str | None


def check_key(key: str) -> str:
    """Return the key if it is usable; raise InputError naming the header otherwise."""
    if not key or len(key) > MAX_KEY_LENGTH or not key.isprintable():
        raise InputError(f"Idempotency-Key: must be 1-{MAX_KEY_LENGTH} printable characters")
    return key


def _try_claim(
    store: Store, api_key_id: str, key: str, fingerprint: str, policy: IdempotencyPolicy
) -> Claim | StoredResponse | None:
    now = datetime.now(UTC)
    token = secrets.token_hex(16)
    with store.transaction() as session:
        row = claims.get_claim(session, api_key_id, key)
        if row is not None and row.state == claims.COMPLETED and row.expires_at <= now:
            session.delete(row)
            session.flush()
            row = None
        if row is None:
            order_id = "ord_" + secrets.token_hex(10)
            claims.insert_claim(
                session,
                IdempotencyRow(
                    api_key_id=api_key_id,
                    key=key,
                    fingerprint=fingerprint,
                    state=claims.IN_PROGRESS,
                    claim_token=token,
                    locked_until=now + policy.lease,
                    order_id=order_id,
                    created_at=now,
                    expires_at=now + policy.ttl,
                ),
            )
            return Claim(token=token, order_id=order_id)
        if row.fingerprint != fingerprint:
            raise IdempotencyKeyReused(
                f"Idempotency-Key {key!r} was already used with a different request body"
            )
        if row.state == claims.COMPLETED:
            return StoredResponse(
                status=row.response_status or 200,
                body=row.response_body or "",
                order_id=row.order_id,
            )
        if row.locked_until <= now and claims.take_over_claim(
            session, row, token=token, locked_until=now + policy.lease
        ):
            return Claim(token=token, order_id=row.order_id or "ord_" + secrets.token_hex(10))
    return None


def claim_key(
    store: Store, api_key_id: str, key: str, fingerprint: str, policy: IdempotencyPolicy
) -> Claim | StoredResponse:
    """Claim ``key`` for this request, or return the response stored under it.

    Raises IdempotencyKeyReused for a different body and IdempotencyInProgress when a
    duplicate is still running after ``policy.wait_s``.
    """
    check_key(key)
    deadline = time.monotonic() + policy.wait_s
    while True:
        try:
            outcome = _try_claim(store, api_key_id, key, fingerprint, policy)
        except IntegrityError:
            outcome = None  # a concurrent request inserted the claim first: look again
        if outcome is not None:
            return outcome
        if time.monotonic() >= deadline:
            raise IdempotencyInProgress(
                f"a request with Idempotency-Key {key!r} is still being processed; retry later"
            )
        time.sleep(policy.poll_s)


def release_key(store: Store, api_key_id: str, key: str, token: str) -> None:
    """Give up a claim after a failed request so that a retry runs it again."""
    with store.transaction() as session:
        claims.release_claim(session, api_key_id, key, token=token)


def purge_expired_keys(store: Store) -> int:
    """Delete completed keys past their expiry; return how many."""
    with store.transaction() as session:
        return claims.purge_expired(session, datetime.now(UTC))
