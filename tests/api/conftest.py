"""API test fixtures: an app on a real database with the test components, and keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import (  # noqa: F401
    BACKENDS,
    database_url,
    fresh_database,
    parts,
    settings,
    settings_for,
    store,
)
from tests.api.parts import TestParts, build
from triage.auth import Role
from triage.config import Settings
from triage.service import create_api_key
from triage.store import Store, open_store


def _app(settings: Settings, store: Store, parts: TestParts) -> TestClient:  # noqa: F811
    return TestClient(
        create_app(
            settings,
            ApiSettings(background_jobs=False, idempotency_lease_s=5.0),
            store=store,
            parts=parts,
        )
    )


@pytest.fixture(scope="module", params=BACKENDS)
def shared(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, dict[Role, dict[str, str]]]]:
    """One app and one key per role for a whole module (for read-only checks)."""
    folder = tmp_path_factory.mktemp("shared")
    with fresh_database(request.param, folder) as url:
        config = settings_for(folder, url)
        opened = open_store(config.resolved_database_url, config.data_dir)
        headers = {
            role: {"Authorization": f"Bearer {create_api_key(opened, role=role.value).key}"}
            for role in Role
        }
        with _app(config, opened, build(config)) as test_client:
            yield test_client, headers
        opened.close()


@pytest.fixture
def client(settings: Settings, store: Store, parts: TestParts) -> Iterator[TestClient]:  # noqa: F811
    """A TestClient on the app, with background jobs off (tests drive them)."""
    with _app(settings, store, parts) as test_client:
        yield test_client


@pytest.fixture
def keys(store: Store) -> dict[Role, str]:  # noqa: F811
    """One API key per role."""
    return {role: create_api_key(store, role=role.value).key for role in Role}


@pytest.fixture
def auth(keys: dict[Role, str]) -> dict[Role, dict[str, str]]:
    """Authorization headers per role."""
    return {role: {"Authorization": f"Bearer {key}"} for role, key in keys.items()}
