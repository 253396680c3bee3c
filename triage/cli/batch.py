"""``triage batch DIR --out results.jsonl``: every case of a folder, then a summary table."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from triage.batch import BatchSummary, list_cases, run_batch
from triage.cli._console import console, err_console, fail, handles_errors
from triage.components import load_components
from triage.config import get_settings


def summary_table(summary: BatchSummary) -> Table:
    """Return the summary as a rich table: decisions, exceptions by code, time per order."""
    table = Table(title=f"{summary.total} orders", show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("count", justify="right")
    for decision in ("pass", "review", "reject"):
        table.add_row(decision, str(summary.decisions.get(decision, 0)))
    table.add_section()
    for code, count in sorted(summary.exceptions.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(code, str(count))
    table.add_section()
    times = summary.time_per_order()
    table.add_row(
        "seconds per order (mean / p50 / max)",
        f"{times['mean']:.3f} / {times['p50']:.3f} / {times['max']:.3f}",
    )
    return table


def _progress(out: Console) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=out,
        disable=not out.is_terminal,
    )


@handles_errors
def batch(
    directory: Annotated[Path, typer.Argument(help="Folder with one subfolder per case.")],
    out: Annotated[
        Path | None, typer.Option("--out", help="Write results here (JSONL); default stdout.")
    ] = None,
) -> None:
    """Check every case in DIRECTORY; a case that fails becomes a reject line."""
    cases = list_cases(directory)
    summary = BatchSummary()
    report = console if out else err_console
    try:
        sink: TextIO = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror}")
    with sink, load_components(get_settings()) as parts, _progress(report) as progress:
        task = progress.add_task("checking", total=len(cases))
        for case in run_batch(cases, parts):
            line = {"case": case.case, **json.loads(case.result.model_dump_json())}
            sink.write(json.dumps(line) + "\n")
            sink.flush()
            summary.add(case)
            progress.advance(task)
    report.print(summary_table(summary))


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command."""
    app.command("batch")(batch)
