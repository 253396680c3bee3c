"""Fixtures of the review-page service tests: orders submitted through the real API app
(with the fast test components), analysts as Callers, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.fixtures import customer_json, order_parts, quote_json
from triage.auth import Caller, Role
from triage.service import authenticate, create_api_key
from triage.store import Store


@pytest.fixture
def submit(client: TestClient, auth: dict[Role, dict[str, str]]) -> Callable[..., dict[str, Any]]:
    """Return a function submitting one order (Net ``payment_days`` vs the ERP's 30),
    optionally for another account (quote and customer alike)."""

    def send(
        key: str, payment_days: int = 45, account_id: str | None = None, **customer: Any
    ) -> dict[str, Any]:
        files = order_parts(payment_days, marker=key, **customer)
        if account_id is not None:
            files["quote"] = (None, quote_json(account_id=account_id))
            files["customer"] = (None, customer_json(account_id=account_id, **customer))
        response = client.post(
            "/v1/orders",
            files=files,
            headers={**auth[Role.SERVICE], "Idempotency-Key": key},
        )
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body

    return send


def _analyst(store: Store, name: str) -> Caller:
    created = create_api_key(store, role=Role.ANALYST.value, name=name)
    return authenticate(store, f"Bearer {created.key}")


@pytest.fixture
def alice(store: Store) -> Caller:
    """An analyst."""
    return _analyst(store, "Alice")


@pytest.fixture
def bob(store: Store) -> Caller:
    """Another analyst."""
    return _analyst(store, "Bob")
