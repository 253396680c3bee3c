"""``triage serve``: migrate, optionally load the sample cases, then run uvicorn.

Registered through the ``triage.commands`` entry point (``serve = "api.cli:register"``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from api.protocol import HeaderTimeoutProtocol
from api.runtime import SUPERVISOR_PID, load_components_factory
from api.settings import ApiSettings
from triage.batch import list_cases
from triage.cli._console import handles_errors
from triage.components import start_worker_host
from triage.config import Settings, get_settings
from triage.errors import TriageError
from triage.logs import configure_logging, get_logger
from triage.store import open_store
from triage.store.orders import count_orders
from triage.workers.limits import SINGLE_THREADED

__all__ = ["load_samples", "register", "serve"]

log = get_logger("triage.api.serve")


def load_samples(folder: Path, settings: Settings) -> int:
    """Submit every case under ``folder`` if the database holds no order; return how many."""
    from triage.inputs import load_case
    from triage.service import ensure_system_caller, submit_order

    store = open_store(settings.resolved_database_url, settings.data_dir)
    try:
        with store.transaction() as session:
            if count_orders(session):
                return 0
        caller = ensure_system_caller(store)
        loaded = 0
        with load_components_factory(ApiSettings().components)(settings) as parts:
            for case in list_cases(folder):
                try:
                    inputs = load_case(case)
                    submit_order(
                        store,
                        parts,
                        caller,
                        idempotency_key=f"sample:{case.name}",
                        pdf=inputs.pdf,
                        filename=inputs.filename,
                        quote_json=inputs.quote.model_dump_json(),
                        customer_json=inputs.customer.model_dump_json(),
                    )
                    loaded += 1
                except TriageError as error:
                    log.warning("sample case skipped", case=case.name, error=error.detail)
        return loaded
    finally:
        store.close()


def _prepare_metrics_dir(data_dir: Path) -> None:
    metrics_dir = data_dir / "prometheus"
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir(parents=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    load_samples_dir: Annotated[
        Path | None,
        typer.Option("--load-samples", help="Submit these sample cases if the DB is empty."),
    ] = None,
    components: Annotated[
        str | None,
        typer.Option(help="MODULE:FUNCTION building the components (default: the product's)."),
    ] = None,
) -> None:
    """Serve the HTTP API (migrating the database first)."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    if components:
        os.environ["TRIAGE_API_COMPONENTS"] = components
    open_store(settings.resolved_database_url, settings.data_dir).close()  # migrate once
    # Every process below works on one order at a time: parallelism comes from processes.
    # BLAS/OpenMP thread pools would only spin-wait after each model call and take CPU
    # from the other processes (measured with one client: 147 -> 131 ms of CPU per order).
    for variable in SINGLE_THREADED:
        os.environ.setdefault(variable, "1")
    # This process owns the parse and extraction children (one extractor per core unless
    # TRIAGE_EXTRACT_WORKERS says otherwise); every server process sends its documents
    # there, so the whole server has one first-come-first-served queue for the CPU work.
    pools = start_worker_host(settings)
    try:
        os.environ["TRIAGE_WORKER_HOST"] = pools.address
        os.environ["TRIAGE_WORKER_HOST_KEY"] = pools.authkey.hex()
        os.environ[SUPERVISOR_PID] = str(os.getpid())  # the servers die with this process
        get_settings.cache_clear()
        if load_samples_dir is not None:
            log.info("samples loaded", count=load_samples(load_samples_dir, get_settings()))
        if workers > 1:
            _prepare_metrics_dir(settings.data_dir)
        uvicorn.run(
            "api.app:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level=settings.log_level.lower(),
            access_log=False,
            http=HeaderTimeoutProtocol,  # closes connections slow to send their headers
            timeout_graceful_shutdown=10,
        )
    finally:
        pools.close()


def register(app: typer.Typer) -> None:
    """Add the ``serve`` command."""
    app.command("serve")(handles_errors(serve))
