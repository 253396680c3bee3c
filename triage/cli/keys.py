"""``triage keys create --role ROLE [--name N] [--tenant T]``: a new API key, printed once."""

from __future__ import annotations

from typing import Annotated

import typer

from triage.cli._console import err_console, handles_errors
from triage.config import get_settings
from triage.store import open_store

keys_app = typer.Typer(help="Manage API keys.", no_args_is_help=True)


@keys_app.command("create")
@handles_errors
def create(
    role: Annotated[str, typer.Option("--role", help="service, analyst, data_scientist or admin.")],
    name: Annotated[str | None, typer.Option("--name", help="A label for the key.")] = None,
    tenant: Annotated[
        str, typer.Option("--tenant", help="The account the key (and all it creates) belongs to.")
    ] = "default",
) -> None:
    """Create an API key with ROLE and print it; only its hash is stored."""
    from triage.service import create_api_key

    settings = get_settings()
    store = open_store(settings.resolved_database_url, settings.data_dir)
    try:
        created = create_api_key(store, role=role, name=name, tenant=tenant)
    finally:
        store.close()
    err_console.print(
        f"created {created.id} ({created.name}, role {created.role}, tenant {created.tenant});"
        " the key is shown once:"
    )
    typer.echo(created.key)


def register(app: typer.Typer) -> None:
    """Add the ``keys`` command group."""
    app.add_typer(keys_app, name="keys")
