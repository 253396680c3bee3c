"""Alembic environment: migrate the connection handed over by ``triage.store.migrate``.

Run from the command line (``alembic -x url=...``) it opens its own connection instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from triage.store.tables import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("pass the database with: alembic -x url=sqlite:///var/triage.db ...")
    with create_engine(url).begin() as own_connection:
        _run(own_connection)
