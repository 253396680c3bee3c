"""Engine, sessions and start-up migrations for SQLite (WAL) and PostgreSQL.

SQLite runs in WAL mode with a busy timeout. Every write transaction starts with
``BEGIN IMMEDIATE`` so that two writers queue on the lock instead of failing when a read
transaction tries to upgrade to a write one, and the threads of one process take turns on
a lock of their own first: SQLite's busy handler waits by sleeping in steps of up to
100 ms, which under load turns a few milliseconds of queueing into a long tail. Read-only
transactions (``Store.reading``) begin deferred and wait for nobody (WAL readers see the
last commit).
"""

from __future__ import annotations

import fcntl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session, sessionmaker

from triage.store.blobs import BlobStore

__all__ = ["MIGRATIONS_DIR", "Store", "make_engine", "migrate", "open_store"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
_PG_MIGRATION_LOCK = 7_241_001


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # we issue BEGIN ourselves, see _begin_immediate
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


_READ_ONLY = "triage_read_only"


def _begin(connection: Connection) -> None:
    read_only = connection.get_execution_options().get(_READ_ONLY, False)
    connection.exec_driver_sql("BEGIN DEFERRED" if read_only else "BEGIN IMMEDIATE")


def make_engine(url: str, **options: Any) -> Engine:
    """Return an engine for ``url``; SQLite gets WAL, a busy timeout and immediate BEGINs."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **options
        )
        event.listen(engine, "connect", _tune_sqlite)
        event.listen(engine, "begin", _begin)
        return engine
    options.setdefault("pool_pre_ping", True)
    options.setdefault("pool_size", 10)
    options.setdefault("max_overflow", 20)
    return create_engine(url, **options)


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Serialise migrations of one database across processes (uvicorn workers, tests)."""
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn.exec_driver_sql(f"SELECT pg_advisory_lock({_PG_MIGRATION_LOCK})")
            try:
                yield
            finally:
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({_PG_MIGRATION_LOCK})")
                conn.commit()
        return
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate.lock", "w") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration; safe to call from several processes."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with _migration_lock(engine), engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@dataclass(frozen=True)
class Store:
    """The database and the PDF blob store, shared by every request of a process."""

    engine: Engine
    sessions: sessionmaker[Session]
    blobs: BlobStore
    read_sessions: sessionmaker[Session] | None = None
    _writer_turns: threading.RLock = field(default_factory=threading.RLock)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """Yield a session inside one transaction: committed on success, rolled back on error."""
        if self.engine.dialect.name != "sqlite":
            with self.sessions.begin() as session:
                yield session
            return
        with self._writer_turns, self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """Yield a session for reads only: on SQLite it takes no write lock and waits for none."""
        with (self.read_sessions or self.sessions).begin() as session:
            yield session

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def open_store(database_url: str, data_dir: Path, *, run_migrations: bool = True) -> Store:
    """Return a Store for ``database_url`` with blobs under ``data_dir``, migrated if asked."""
    engine = make_engine(database_url)
    if run_migrations:
        migrate(engine)
    return Store(
        engine=engine,
        sessions=sessionmaker(engine, expire_on_commit=False),
        blobs=BlobStore(data_dir / "documents"),
        read_sessions=sessionmaker(
            engine.execution_options(**{_READ_ONLY: True}), expire_on_commit=False
        ),
    )
