"""Migration 0002: a database of the first release keeps its keys, orders and webhooks, now
in the default tenant, and its old keys still authenticate."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text

from triage.auth import DEFAULT_TENANT, hash_api_key
from triage.service import authenticate
from triage.store import open_store
from triage.store.database import MIGRATIONS_DIR

NOW = "2026-11-01 10:00:00"


def _first_release(url: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO api_keys (id, name, role, key_hash, prefix, created_at)"
                " VALUES ('key_old', 'old', 'service', :hash, 'tri_old', :now)"
            ),
            {"hash": hash_api_key("tri_old-key"), "now": NOW},
        )
        connection.execute(
            text("INSERT INTO documents (sha256, size_bytes, created_at) VALUES (:s, 1, :now)"),
            {"s": "a" * 64, "now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO orders (order_id, api_key_id, idempotency_key, document_sha256,"
                " filename, quote_id, account_id, currency, amount_cents, decision, status,"
                " result_json, quote_json, customer_json, created_at, updated_at) VALUES"
                " ('ord_old', 'key_old', 'k', :s, 'o.pdf', 'Q', 'A', 'USD', 1, 'pass',"
                " 'passed', '{}', '{}', '{}', :now, :now)"
            ),
            {"s": "a" * 64, "now": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO webhooks (id, api_key_id, url, secret, active, created_at)"
                " VALUES ('wh_old', 'key_old', 'https://1.1.1.1/x', 's', 1, :now)"
            ),
            {"now": NOW},
        )
    engine.dispose()


def test_existing_rows_belong_to_the_default_tenant(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'triage.db'}"
    _first_release(url)
    store = open_store(url, tmp_path)  # migrates to the newest revision
    try:
        with store.engine.connect() as connection:
            for table in ("api_keys", "orders", "webhooks"):
                tenants = connection.execute(text(f"SELECT tenant_id FROM {table}")).scalars()
                assert list(tenants) == [DEFAULT_TENANT], table
        assert authenticate(store, "Bearer tri_old-key").tenant_id == DEFAULT_TENANT
    finally:
        store.close()
