"""Fixtures of the review-page service tests: orders submitted through the real API app
(with the fast test components), analysts as Callers, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.fixtures import order_parts
from triage.auth import Caller, Role
from triage.service import authenticate, create_api_key
from triage.store import Store


@pytest.fixture
def submit(client: TestClient, auth: dict[Role, dict[str, str]]) -> Callable[..., dict[str, Any]]:
    """Return a function submitting one order (Net ``payment_days`` vs the ERP's 30)."""

    def send(key: str, payment_days: int = 45, **customer: Any) -> dict[str, Any]:
        response = client.post(
            "/v1/orders",
            files=order_parts(payment_days, marker=key, **customer),
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
