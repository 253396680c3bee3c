"""Schemathesis against the live OpenAPI document: no 5xx, every response matches its schema.

Runs on SQLite with an admin key (so every operation gets past authorisation) and a
bounded number of examples per operation.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import settings_for
from tests.api.parts import build
from triage.service import create_api_key
from triage.store import open_store


def _make_app(folder: Path):
    config = settings_for(folder, f"sqlite:///{folder / 'fuzz.db'}")
    store = open_store(config.resolved_database_url, config.data_dir)
    app = create_app(config, ApiSettings(background_jobs=False), store=store, parts=build(config))
    return app, store


APP, STORE = _make_app(Path(tempfile.mkdtemp(prefix="triage-fuzz-")))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    content_type_conformance,
]


@pytest.fixture(scope="module")
def admin_headers() -> Iterator[dict[str, str]]:
    with TestClient(APP):  # runs the lifespan once so the app's runtime is set
        yield {"Authorization": f"Bearer {create_api_key(STORE, role='admin').key}"}


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_document(case, admin_headers):
    case.call_and_validate(headers=admin_headers, checks=CHECKS)
