"""``triage samples generate``: write realistic sample cases (PDF, quote, customer, labels)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from triage.cli._console import console, err_console, handles_errors
from triage.samples import MAX_CASES, generate_cases

__all__ = ["register"]


@handles_errors
def generate(
    n: Annotated[int, typer.Option("--n", help=f"Number of cases (1..{MAX_CASES}).")] = 24,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed; the same seed gives the same bytes.")
    ] = 0,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the cases into.")] = Path(
        "samples/cases"
    ),
) -> None:
    """Write N cases (order.pdf, quote.json, customer.json, labels.json) under OUT."""
    with Progress(
        TextColumn("[bold]generating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    ) as progress:
        task = progress.add_task("cases", total=max(n, 0))
        folders = generate_cases(out, n, seed, on_case=lambda _: progress.advance(task))
    console.print(f"wrote {len(folders)} cases to {out}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the ``samples`` command group (``samples generate``) to ``app``."""
    group = typer.Typer(help="Generate realistic sample cases.", no_args_is_help=True)
    group.command("generate")(generate)
    app.add_typer(group, name="samples")
