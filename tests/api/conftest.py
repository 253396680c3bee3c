"""API test fixtures: an app on a real database with the test components, and keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import database_url, parts, settings, store  # noqa: F401
from tests.api.parts import TestParts
from triage.auth import Role
from triage.config import Settings
from triage.service import create_api_key
from triage.store import Store


@pytest.fixture
def client(settings: Settings, store: Store, parts: TestParts) -> Iterator[TestClient]:  # noqa: F811
    """A TestClient on the app, with background jobs off (tests drive them)."""
    app = create_app(
        settings, ApiSettings(background_jobs=False, idempotency_lease_s=5.0), store=store,
        parts=parts,
    )
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def keys(store: Store) -> dict[Role, str]:  # noqa: F811
    """One API key per role."""
    return {role: create_api_key(store, role=role.value).key for role in Role}


@pytest.fixture
def auth(keys: dict[Role, str]) -> dict[Role, dict[str, str]]:
    """Authorization headers per role."""
    return {role: {"Authorization": f"Bearer {key}"} for role, key in keys.items()}
