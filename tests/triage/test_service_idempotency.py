"""Idempotency claims: takeover after a dead request, expiry, waiting duplicates."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from tests.api.fixtures import database_url, settings, store  # noqa: F401
from triage.service import IdempotencyInProgress, IdempotencyKeyReused, IdempotencyPolicy
from triage.service.idempotency import Claim, StoredResponse, claim_key
from triage.store import idempotency as claims
from triage.store.tables import IdempotencyRow

SHORT = IdempotencyPolicy(lease=timedelta(seconds=1.5), wait_s=0.2, poll_s=0.02)


def test_a_dead_requests_claim_is_taken_over_with_its_order_id(store):  # noqa: F811
    first = claim_key(store, "key_a", "k", "fp", SHORT)
    assert isinstance(first, Claim)
    with pytest.raises(IdempotencyInProgress):
        claim_key(store, "key_a", "k", "fp", SHORT)
    time.sleep(1.6)
    second = claim_key(store, "key_a", "k", "fp", SHORT)
    assert isinstance(second, Claim)
    assert second.order_id == first.order_id and second.token != first.token
    with store.transaction() as session:
        assert not claims.complete_claim(
            session, "key_a", "k", token=first.token, status=201, body="{}", order_id="x"
        )


def test_a_different_body_is_refused_even_while_in_progress(store):  # noqa: F811
    claim_key(store, "key_a", "k2", "fp", SHORT)
    with pytest.raises(IdempotencyKeyReused):
        claim_key(store, "key_a", "k2", "other", SHORT)


def test_an_expired_key_starts_a_new_request(store):  # noqa: F811
    first = claim_key(store, "key_a", "k3", "fp", SHORT)
    assert isinstance(first, Claim)
    with store.transaction() as session:
        assert claims.complete_claim(
            session, "key_a", "k3", token=first.token, status=201, body="{}", order_id="o"
        )
    assert isinstance(claim_key(store, "key_a", "k3", "fp", SHORT), StoredResponse)
    with store.transaction() as session:
        session.execute(
            update(IdempotencyRow).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    again = claim_key(store, "key_a", "k3", "fp", SHORT)
    assert isinstance(again, Claim) and again.order_id != first.order_id


def test_default_keys_live_at_least_a_day():
    assert IdempotencyPolicy().ttl >= timedelta(hours=24)
