"""``triage schemas export``: JSON Schemas of the contract's shapes into docs/schemas/."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage.cli._console import console, handles_errors
from triage.config import REPO_ROOT
from triage.contract.schemas import render_schemas

DEFAULT_OUT = REPO_ROOT / "docs" / "schemas"
schemas_app = typer.Typer(help="JSON Schemas of the contract's shapes.", no_args_is_help=True)


@schemas_app.command("export")
@handles_errors
def export(
    out: Annotated[Path, typer.Option("--out", help="Target folder.")] = DEFAULT_OUT,
) -> None:
    """Write one ``<shape>.schema.json`` per contract shape."""
    out.mkdir(parents=True, exist_ok=True)
    for name, text in render_schemas().items():
        (out / name).write_text(text, encoding="utf-8")
        console.print(f"wrote {out / name}")


def register(app: typer.Typer) -> None:
    """Add the ``schemas`` command group."""
    app.add_typer(schemas_app, name="schemas")
