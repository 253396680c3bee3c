"""Alembic migrations of the triage database; run by ``triage.store.migrate`` at start-up."""
