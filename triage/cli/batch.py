"""``triage batch SOURCE``: every case of a folder or manifest, then a summary table.

``--out results.jsonl`` (or no ``--out``: stdout) checks the cases in this process, in
case order. ``--out DIR`` writes a resumable batch folder with ``--engine local`` (this
machine, ``--workers N``) or ``--engine ray`` (a local Ray, or a cluster by ``--address``).
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from triage.batch import BatchSummary, CaseRefs, Engine, list_case_refs, stream_results
from triage.cli._console import console, err_console, fail, handles_errors
from triage.config import Settings, get_settings

__all__ = ["register", "summary_table"]


class EngineName(StrEnum):
    """Where a batch folder's cases are checked."""

    local = "local"
    ray = "ray"


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


class ThroughputColumn(ProgressColumn):
    """Orders checked per second by this run (cases skipped as done are not counted)."""

    def render(self, task: Task) -> Text:
        """Return the rate, e.g. ``12.5 orders/s``."""
        checked = task.fields.get("checked", task.completed)
        rate = checked / task.elapsed if task.elapsed else 0.0
        return Text(f"{rate:.1f} orders/s", style="progress.data.speed")


def _progress(out: Console) -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        ThroughputColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=out,
        disable=not out.is_terminal,
    )


def _is_folder(out: Path | None) -> bool:
    # A folder exists already or has no suffix; anything else (results.jsonl) is a file.
    return out is not None and (out.is_dir() or not out.suffix)


def _stream(refs: CaseRefs, out: Path | None, settings: Settings) -> None:
    from triage.components import load_components

    summary = BatchSummary()
    report = console if out else err_console
    try:
        sink: TextIO = out.open("w", encoding="utf-8") if out else sys.stdout
    except OSError as error:
        fail(f"cannot write {out}: {error.strerror}")
    with sink, load_components(settings) as parts, _progress(report) as progress:
        task = progress.add_task("checking", total=len(refs))
        for case in stream_results(refs, parts):
            line = {"case": case.case, **json.loads(case.result.model_dump_json())}
            sink.write(json.dumps(line) + "\n")
            sink.flush()
            summary.add(case)
            progress.advance(task)
    report.print(summary_table(summary))


def _engine(
    name: EngineName,
    settings: Settings,
    *,
    address: str | None,
    workers: int | None,
    task_timeout_s: float | None,
    memory_mb: int,
    max_attempts: int,
) -> Engine:
    if name is EngineName.local:
        from triage.batch import LocalEngine

        return LocalEngine(settings, workers=workers or 1)
    try:
        from triage.batch.on_ray import RayEngine
    except ImportError:
        fail("--engine ray needs Ray: pip install 'contract-exception-triage[ray]'")
    engine = RayEngine(
        settings,
        address=address,
        workers=workers,
        task_timeout_s=task_timeout_s,
        memory_mb=memory_mb,
        max_attempts=max_attempts,
    )
    if engine.dashboard_url:
        err_console.print(f"Ray dashboard: http://{engine.dashboard_url}", highlight=False)
    return engine


def _to_folder(refs: CaseRefs, out: Path, engine: Engine, part_size: int) -> None:
    from triage.batch import OutputFolder, run_to_folder

    with OutputFolder(out, part_size=part_size) as folder, _progress(console) as progress:
        task = progress.add_task(f"checking ({engine.workers} workers)", total=len(refs))

        def progressed(checked: int, skipped: int) -> None:
            progress.update(task, completed=checked + skipped, checked=checked)

        report = run_to_folder(refs, engine, folder, progressed=progressed)
    console.print(summary_table(report.summary))
    console.print(
        f"checked {report.checked} now, skipped {report.skipped} already done; "
        f"{report.merged} cases in {out}/results.jsonl, orders.parquet, exceptions.parquet"
        f" ({report.orders_per_second:.1f} orders/s)",
        highlight=False,
    )


@handles_errors
def batch(
    source: Annotated[
        Path, typer.Argument(help="Folder with one subfolder per case, or a .jsonl/.csv manifest.")
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="results.jsonl (one line per case), or a folder to resume."),
    ] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="local, or ray (needs --out DIR).")
    ] = EngineName.local,
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster address; none starts one here.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Orders checked at once (--out DIR).")
    ] = None,
    task_timeout: Annotated[
        float | None,
        typer.Option("--task-timeout", min=0.01, help="Ray: seconds per order before retrying."),
    ] = None,
    worker_memory: Annotated[
        int, typer.Option("--worker-memory-mb", min=64, help="Ray: memory cap of each actor.")
    ] = 2048,
    max_attempts: Annotated[
        int, typer.Option("--max-attempts", min=1, help="Ray: tries per order before reject.")
    ] = 3,
    part_size: Annotated[
        int, typer.Option("--part-size", min=1, help="Orders per committed part (--out DIR).")
    ] = 200,
) -> None:
    """Check every case in SOURCE; a case that fails becomes a reject line."""
    folder = _is_folder(out)
    if not folder and (engine is EngineName.ray or workers or address):
        fail("--engine ray, --workers and --address write a batch folder: give --out DIR")
    if address and engine is not EngineName.ray:
        fail("--address is the Ray cluster's: use it with --engine ray")
    refs = list_case_refs(source)
    settings = get_settings()
    if not folder:
        _stream(refs, out, settings)
        return
    assert out is not None
    chosen = _engine(
        engine,
        settings,
        address=address,
        workers=workers,
        task_timeout_s=task_timeout,
        memory_mb=worker_memory,
        max_attempts=max_attempts,
    )
    try:
        _to_folder(refs, out, chosen, part_size)
    finally:
        chosen.close()


def register(app: typer.Typer) -> None:
    """Add the ``batch`` command."""
    app.command("batch")(batch)
