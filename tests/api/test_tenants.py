"""Tenant isolation: every endpoint that names or lists an order, an outcome, a webhook or
a delivery answers another tenant's key as if they did not exist (404, or an empty list).

Tenant "acme" submits an order (routed to review), registers a webhook and has a delivery
queued by a decision; tenant "globex" then tries every endpoint with every role allowed
to use it (the role matrix of ``test_roles`` says which), and must learn nothing and
change nothing. The owner's own keys keep working (the control).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.fixtures import order_parts
from tests.api.review.login import log_in
from triage.auth import Role
from triage.service import create_api_key
from triage.store import Store

HOOK_URL = "https://1.1.1.1/triage-events"  # a public address; nothing is sent in this test
DECISION = {"action": "approve", "reason_code": "FALSE_POSITIVE"}
OUTCOME = {"disputed": True, "days_late": 99, "reported_at": "2027-03-02"}
ROLES = (Role.SERVICE, Role.ANALYST, Role.ADMIN)


def _keys(store: Store, tenant: str) -> dict[Role, dict[str, str]]:
    return {
        role: {"Authorization": f"Bearer {create_api_key(store, role=role, tenant=tenant).key}"}
        for role in ROLES
    }


@pytest.fixture
def world(client: TestClient, store: Store) -> dict[str, Any]:
    """Acme's order in review, its webhook and one queued delivery; keys of both tenants."""
    acme, globex = _keys(store, "acme"), _keys(store, "globex")
    created = client.post(
        "/v1/orders",
        files=order_parts(45, marker="acme-1"),
        headers={**acme[Role.SERVICE], "Idempotency-Key": "shared-key-1"},
    )
    assert created.status_code == 201 and created.json()["decision"] == "review"
    hook = client.post("/v1/webhooks", json={"url": HOOK_URL}, headers=acme[Role.SERVICE])
    assert hook.status_code == 201, hook.text
    globex_hook = client.post("/v1/webhooks", json={"url": HOOK_URL}, headers=globex[Role.ADMIN])
    assert globex_hook.status_code == 201, globex_hook.text
    return {
        "acme": acme,
        "globex": globex,
        "order": created.json(),
        "hook": hook.json()["id"],
        "globex_hook": globex_hook.json()["id"],
    }


def _endpoints(world: dict[str, Any]) -> list[tuple[str, str, dict[str, Any], set[Role]]]:
    order_id, hook = world["order"]["order_id"], world["hook"]
    return [
        ("GET", f"/v1/orders/{order_id}", {}, {Role.SERVICE, Role.ANALYST, Role.ADMIN}),
        ("POST", f"/v1/orders/{order_id}/decision", {"json": DECISION}, {Role.ANALYST, Role.ADMIN}),
        ("POST", f"/v1/orders/{order_id}/outcome", {"json": OUTCOME}, {Role.SERVICE, Role.ADMIN}),
        ("GET", f"/v1/webhooks/{hook}/deliveries", {}, {Role.SERVICE, Role.ADMIN}),
    ]


def test_another_tenant_gets_404_for_every_named_resource(
    client: TestClient, world: dict[str, Any]
) -> None:
    for method, path, body, roles in _endpoints(world):
        for role in roles:
            response = client.request(method, path, headers=world["globex"][role], **body)
            assert response.status_code == 404, (method, path, role, response.text)
            assert response.json()["code"] == "not_found"
    # nothing changed: the order is still in review, with no outcome, for its owner
    mine = client.get(
        f"/v1/orders/{world['order']['order_id']}", headers=world["acme"][Role.SERVICE]
    )
    assert mine.status_code == 200
    assert mine.json()["status"] == "in_review" and mine.json()["outcome"] is None
    for method, path, body, roles in _endpoints(world):
        role = next(iter(sorted(roles)))
        response = client.request(method, path, headers=world["acme"][role], **body)
        assert response.status_code in (200, 201), (method, path, role, response.text)


def test_lists_and_summaries_show_only_the_callers_tenant(
    client: TestClient, world: dict[str, Any]
) -> None:
    order_id = world["order"]["order_id"]
    for role in (Role.ANALYST, Role.ADMIN):
        queue = client.get("/v1/review-queue", headers=world["globex"][role]).json()
        assert queue["items"] == []
        summary = client.get("/v1/metrics/summary", headers=world["globex"][role]).json()
        assert summary["orders_total"] == 0 and summary["queue_size"] == 0
    for role in (Role.SERVICE, Role.ADMIN):
        hooks = client.get("/v1/webhooks", headers=world["globex"][role]).json()
        assert world["hook"] not in {h["id"] for h in hooks}
    own = client.get("/v1/review-queue", headers=world["acme"][Role.ANALYST]).json()
    assert [item["order_id"] for item in own["items"]] == [order_id]
    own_summary = client.get("/v1/metrics/summary", headers=world["acme"][Role.ADMIN]).json()
    assert own_summary["orders_total"] == 1
    own_hooks = client.get("/v1/webhooks", headers=world["acme"][Role.ADMIN]).json()
    assert {h["id"] for h in own_hooks} == {world["hook"]}


def test_an_event_reaches_only_the_orders_tenant(client: TestClient, world: dict[str, Any]) -> None:
    decided = client.post(
        f"/v1/orders/{world['order']['order_id']}/decision",
        json=DECISION,
        headers=world["acme"][Role.ANALYST],
    )
    assert decided.status_code == 200, decided.text
    path = "/v1/webhooks/{}/deliveries"
    acme = client.get(path.format(world["hook"]), headers=world["acme"][Role.SERVICE]).json()
    globex = client.get(path.format(world["globex_hook"]), headers=world["globex"][Role.ADMIN])
    assert len(acme) == 1 and globex.json() == []


def test_the_same_idempotency_key_in_another_tenant_is_a_new_order(
    client: TestClient, world: dict[str, Any]
) -> None:
    again = client.post(
        "/v1/orders",
        files=order_parts(45, marker="acme-1"),
        headers={**world["globex"][Role.SERVICE], "Idempotency-Key": "shared-key-1"},
    )
    assert again.status_code == 201 and again.json()["order_id"] != world["order"]["order_id"]


def test_the_review_pages_of_another_tenant_show_nothing(
    client: TestClient, store: Store, world: dict[str, Any]
) -> None:
    order = world["order"]
    analyst = create_api_key(store, role="analyst", tenant="globex").key
    assert log_in(client, analyst).status_code == 303
    assert order["order_id"] not in client.get("/review").text
    page = client.get(f"/review/orders/{order['order_id']}")
    assert page.status_code == 404
    sha256 = order["extraction"]["document"]["sha256"]
    assert client.get(f"/review/documents/{sha256}/pages/1.png").status_code == 404
    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/review").text)
    assert token is not None
    for action in ("decision", "release", "preview"):
        form = {"csrf_token": token.group(1), "action": "approve", "reason_code": "FALSE_POSITIVE"}
        posted = client.post(f"/review/orders/{order['order_id']}/{action}", data=form)
        assert posted.status_code == 404, (action, posted.status_code)
    own = create_api_key(store, role="analyst", tenant="acme").key
    assert log_in(client, own).status_code == 303
    assert client.get(f"/review/orders/{order['order_id']}").status_code == 200
    assert client.get(f"/review/documents/{sha256}/pages/1.png").status_code == 200
