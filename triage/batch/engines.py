"""Who checks a batch's jobs: this process (``local``) or a Ray cluster (``ray``).

An engine loads ``Components`` once per worker, yields one record per job in whatever
order they finish, and keeps at most a few jobs per worker in flight so the jobs' bytes
never pile up in memory (back-pressure: the driver reads the next case only when a
worker is about to be free).

``triage.components`` (spaCy, scikit-learn, skops, LangChain) is imported only where
components are loaded: a Ray driver checks no order itself, and without those imports it
starts in a fraction of the time and memory.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from triage.batch.records import CaseJob, CaseRecord, check_job, components_versions
from triage.config import Settings
from triage.contract import Versions
from triage.workers import PoolStage

if TYPE_CHECKING:
    from triage.components import LoadedComponents

__all__ = [
    "Engine",
    "LocalEngine",
    "child_pids",
    "cpu_seconds",
    "local_settings",
    "peak_rss_mb",
    "release_freed_memory",
    "rss_mb",
]

IN_FLIGHT_PER_WORKER = 2


def _status_mb(pid: int | str, field: str) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


def peak_rss_mb(pid: int | str = "self") -> float:
    """Return a process's peak resident memory in MB (Linux ``VmHWM``; 0 if unknown)."""
    return _status_mb(pid, "VmHWM:")


def rss_mb(pid: int | str = "self") -> float:
    """Return a process's resident memory now, in MB (Linux ``VmRSS``; 0 if unknown)."""
    return _status_mb(pid, "VmRSS:")


def _malloc_trim() -> Any:
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to call
        return None
    if trim is not None:
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


_TRIM = _malloc_trim()


def release_freed_memory() -> None:
    """Give the pages glibc's malloc holds free back to the system (``malloc_trim``).

    glibc returns freed memory only from the top of each heap, so a long-lived process
    whose large, short-lived buffers (a window of Arrow rows, a document's pages) are
    freed below live objects keeps those pages resident, and each new batch of buffers
    may land beside them instead of in them: resident memory creeps up with the work
    done, though nothing is leaked. ``malloc_trim`` hands back every whole free page of
    every arena, so the peak is what one unit of work needs. No-op off glibc.
    """
    if _TRIM is not None:
        _TRIM(0)


def cpu_seconds(pid: int | str = "self") -> float:
    """Return the CPU time (user + system, seconds) a process has used (0 if unknown)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def child_pids(parts: LoadedComponents) -> list[int]:
    """Return the process ids of the parse and extraction children of ``parts``."""
    stages = [child for child in parts.children if isinstance(child, PoolStage)]
    return [pid for stage in stages for pid in stage.worker_pids()]


class Engine(Protocol):
    """Checks jobs with the same ``triage_order`` everywhere; records come unordered."""

    @property
    def versions(self) -> Versions: ...

    @property
    def workers(self) -> int: ...

    def check(self, jobs: Iterator[CaseJob]) -> Iterator[CaseRecord]: ...

    def worker_peak_rss_mb(self) -> list[float]: ...

    def worker_pids(self) -> list[int]: ...

    def worker_cpu_seconds(self) -> float: ...

    def close(self) -> None:
        """Stop the workers; idempotent (``run_to_folder`` closes it before merging)."""
        ...


def local_settings(settings: Settings, workers: int) -> Settings:
    """Return ``settings`` for ``workers`` local workers: with more than one, extraction
    runs in that many child processes (as ``triage serve`` does) and parsing in as many."""
    if workers <= 1:
        return settings
    return settings.model_copy(
        update={"extract_workers": workers, "parse_workers": max(settings.parse_workers, workers)}
    )


class LocalEngine:
    """Checks jobs in this process: in order with one worker, with threads beside
    pooled extraction and parse children with more (today's ``triage batch`` path)."""

    def __init__(self, settings: Settings, *, workers: int = 1) -> None:
        self._workers = max(1, workers)
        self._closed = False
        from triage.components import load_components  # the models' imports: see the module

        self._parts: LoadedComponents = load_components(local_settings(settings, workers))
        self._versions = components_versions(self._parts)

    @property
    def versions(self) -> Versions:
        """Return the versions of the loaded components."""
        return self._versions

    @property
    def workers(self) -> int:
        """Return how many orders are checked at once."""
        return self._workers

    def check(self, jobs: Iterator[CaseJob]) -> Iterator[CaseRecord]:
        """Yield the record of each job, as they finish."""
        if self._workers == 1:
            for job in jobs:
                yield check_job(job, self._parts)
            return
        threads = IN_FLIGHT_PER_WORKER * self._workers  # keep the children fed between hops
        with ThreadPoolExecutor(threads, thread_name_prefix="triage-batch") as pool:
            pending: set[Future[CaseRecord]] = set()
            for job in jobs:
                pending.add(pool.submit(check_job, job, self._parts))
                if len(pending) >= IN_FLIGHT_PER_WORKER * self._workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)

    def worker_peak_rss_mb(self) -> list[float]:
        """Return the peak RSS (MB) of the threads' process and of each child it started."""
        return [peak_rss_mb(), *(peak_rss_mb(pid) for pid in child_pids(self._parts))]

    def worker_pids(self) -> list[int]:
        """Return the process ids of the workers: this process, then its children."""
        return [os.getpid(), *child_pids(self._parts)]

    def worker_cpu_seconds(self) -> float:
        """Return the CPU seconds used so far by this process and its children."""
        return cpu_seconds() + sum(cpu_seconds(pid) for pid in child_pids(self._parts))

    def close(self) -> None:
        """Stop the child processes (once: later calls do nothing)."""
        if not self._closed:
            self._closed = True
            self._parts.close()
