"""``triage feedback export --out FILE.jsonl [--since DATE]``: analysts' corrections as
labelled extraction data, one JSON object per corrected field."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated

import typer

from triage.cli._console import err_console, fail, handles_errors
from triage.config import get_settings
from triage.store import open_store

__all__ = ["export", "register"]


def _parse_since(since: str | None) -> datetime | None:
    if since is None:
        return None
    try:
        day = date.fromisoformat(since)
    except ValueError:
        fail(f"--since: expected a date YYYY-MM-DD, got {since!r}")
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


@handles_errors
def export(
    out: Annotated[Path, typer.Option("--out", help="JSON-lines file to write.")],
    since: Annotated[
        str | None, typer.Option("--since", help="Only corrections on or after this date.")
    ] = None,
) -> None:
    """Write every analyst correction (document sha256, field, before/after, evidence)."""
    from triage.service.feedback import export_feedback

    start = _parse_since(since)
    settings = get_settings()
    store = open_store(settings.resolved_database_url, settings.data_dir)
    try:
        count = export_feedback(store, out, start)
    finally:
        store.close()
    err_console.print(f"wrote {count} corrected field(s) to {out}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ``feedback`` command group (``feedback export``)."""
    group = typer.Typer(help="Analysts' corrections for retraining.", no_args_is_help=True)
    group.command("export")(export)
    app.add_typer(group, name="feedback")
