"""Store tests run on SQLite and PostgreSQL (skipped, with the reason, if unreachable)."""

from tests.api.fixtures import database_url, settings, store  # noqa: F401
