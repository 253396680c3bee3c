"""Every /v1 endpoint refuses every role that is not allowed, and callers without a key."""

from __future__ import annotations

import pytest

from triage.auth import Role

ORDER = "ord_00000000000000000000"
ENDPOINTS = [
    ("POST", "/v1/orders", {Role.SERVICE, Role.ADMIN}),
    ("GET", f"/v1/orders/{ORDER}", {Role.SERVICE, Role.ANALYST, Role.ADMIN}),
    ("POST", f"/v1/orders/{ORDER}/decision", {Role.ANALYST, Role.ADMIN}),
    ("POST", f"/v1/orders/{ORDER}/outcome", {Role.SERVICE, Role.ADMIN}),
    ("GET", "/v1/review-queue", {Role.ANALYST, Role.ADMIN}),
    ("GET", "/v1/models", {Role.DATA_SCIENTIST, Role.ADMIN}),
    ("POST", "/v1/models/risk-1/promote", {Role.DATA_SCIENTIST, Role.ADMIN}),
    ("GET", "/v1/metrics/summary", {Role.ANALYST, Role.DATA_SCIENTIST, Role.ADMIN}),
    ("POST", "/v1/webhooks", {Role.SERVICE, Role.ADMIN}),
    ("GET", "/v1/webhooks", {Role.SERVICE, Role.ADMIN}),
    ("GET", "/v1/webhooks/wh_0000000000000000/deliveries", {Role.SERVICE, Role.ADMIN}),
]
REFUSED = [
    pytest.param(method, path, role, id=f"{method} {path} as {role.value}")
    for method, path, allowed in ENDPOINTS
    for role in Role
    if role not in allowed
]
ALLOWED = [
    pytest.param(method, path, role, id=f"{method} {path} as {role.value}")
    for method, path, allowed in ENDPOINTS
    for role in Role
    if role in allowed
]


@pytest.mark.parametrize(("method", "path", "role"), REFUSED)
def test_role_is_refused(shared, method, path, role):
    client, auth = shared
    response = client.request(method, path, headers=auth[role])
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "auth.forbidden"


@pytest.mark.parametrize(("method", "path", "role"), ALLOWED)
def test_allowed_role_gets_past_authorisation(shared, method, path, role):
    client, auth = shared
    response = client.request(method, path, headers=auth[role])
    assert response.status_code not in (401, 403)


@pytest.mark.parametrize(("method", "path"), [(m, p) for m, p, _ in ENDPOINTS])
def test_missing_or_unknown_key_is_401(shared, method, path):
    client, _ = shared
    assert client.request(method, path).status_code == 401
    bad = {"Authorization": "Bearer tri_not-a-key"}
    response = client.request(method, path, headers=bad)
    assert response.status_code == 401
    assert response.json()["code"] == "auth.missing"


def test_revoked_key_is_refused(client, store, auth):
    from datetime import UTC, datetime

    from triage.store import keys as key_rows
    from triage.store.tables import ApiKeyRow

    with store.transaction() as session:
        row = session.query(ApiKeyRow).filter_by(role="analyst").one()
        key_rows.revoke_key(session, row.id, datetime.now(UTC))
    assert client.get("/v1/review-queue", headers=auth[Role.ANALYST]).status_code == 401


def test_only_a_hash_of_the_key_is_stored(store, keys):
    from triage.store.tables import ApiKeyRow

    with store.transaction() as session:
        stored = {row.key_hash for row in session.query(ApiKeyRow)}
    assert not set(keys.values()) & stored
