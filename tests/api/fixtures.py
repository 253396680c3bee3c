"""Fixtures shared by the store, service and API tests: a real database on SQLite and
PostgreSQL, the store, the test components, API keys per role and order payloads.

The PostgreSQL variant runs against 127.0.0.1:5432 in a fresh schema per test and is
skipped, with the reason, when that server is unreachable.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.api.parts import TestParts, build, render_order
from tests.triage.contract.conftest import CUSTOMER, QUOTE
from triage.config import Settings
from triage.store import Store, open_store

PG_URL = os.environ.get("TRIAGE_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _pg_unreachable() -> str | None:
    try:
        with psycopg.connect(PG_URL, connect_timeout=2):
            return None
    except Exception as error:  # any failure means: skip, and say why
        return f"PostgreSQL at {PG_URL} unreachable ({type(error).__name__}: {error})"


PG_SKIP = _pg_unreachable()
BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=[pytest.mark.postgres, pytest.mark.skipif(PG_SKIP is not None, reason=str(PG_SKIP))],
    ),
]


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[str]:
    """Yield the URL of a new, empty database on ``backend`` and drop it afterwards."""
    if backend == "sqlite":
        yield f"sqlite:///{folder / 'triage.db'}"
        return
    schema = "t_" + secrets.token_hex(6)
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/test?options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL on each backend."""
    with fresh_database(request.param, tmp_path) as url:
        yield url


def settings_for(folder: Path, database_url: str) -> Settings:
    """Return settings for a test database and data folder (small limits, to test them)."""
    return Settings(
        data_dir=folder / "data", database_url=database_url, max_pages=5, max_upload_mb=1.0
    )


@pytest.fixture
def settings(tmp_path: Path, database_url: str) -> Settings:
    """Settings pointing at the test database and a temporary data folder."""
    return settings_for(tmp_path, database_url)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A migrated store on the test database."""
    opened = open_store(settings.resolved_database_url, settings.data_dir)
    yield opened
    opened.close()


@pytest.fixture
def parts(settings: Settings) -> TestParts:
    """The test pipeline components."""
    return build(settings)


def quote_json(**changes: Any) -> str:
    """Return the contract's example quote as JSON, with ``changes`` applied."""
    return json.dumps({**copy.deepcopy(QUOTE), **changes})


def customer_json(**changes: Any) -> str:
    """Return the contract's example customer as JSON, with ``changes`` applied."""
    return json.dumps({**copy.deepcopy(CUSTOMER), **changes})


def order_parts(
    payment_days: int = 45, *, marker: str = "", pages: int = 3, **customer: Any
) -> dict[str, Any]:
    """Return multipart ``files`` for one order: Net ``payment_days`` vs the customer's 30."""
    return {
        "document": ("order.pdf", render_order(payment_days, pages, marker), "application/pdf"),
        "quote": (None, quote_json()),
        "customer": (None, customer_json(**customer)),
    }
