"""``--engine ray``: one actor per CPU, each with its own ``Components``, fed by the driver.

The driver keeps at most two jobs queued on each actor (back-pressure: a job's bytes enter
the object store only when an actor is nearly free), so memory stays flat however long
the manifest is. Each actor checks one order at a time with the same ``check_job`` as the
local engine. An order gets ``task_timeout_s``: past it, faulthandler's watchdog thread,
which needs no GIL, ends the actor's process, so even a document stuck in C code kills
only its own task; Ray restarts the actor (it reloads its components) and the driver
retries the order, up to ``max_attempts`` times, then writes a ``reject`` record saying
why. ``memory_mb`` caps the actor the same way: a thread samples its resident memory while
an order runs and ends the process past the cap, so a hostile document costs its own
task and not, through Ray's node-wide memory monitor, a neighbour's. A worker killed by
that monitor or a lost node is handled like the rest.
Orders queued behind a failed one are resubmitted without using up an attempt.
"""

from __future__ import annotations

import faulthandler
import os
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import ray
import ray.exceptions

from triage.batch.engines import (
    IN_FLIGHT_PER_WORKER,
    child_pids,
    cpu_seconds,
    peak_rss_mb,
    release_freed_memory,
    rss_mb,
)
from triage.batch.records import CaseAbandoned, CaseJob, CaseRecord, check_job, reject_record
from triage.batch.records import components_versions as versions_of
from triage.config import Settings
from triage.contract import Versions
from triage.errors import ConfigError
from triage.logs import get_logger
from triage.workers.heap import settle_loaded_models

__all__ = ["CaseChecker", "RayEngine"]

log = get_logger(__name__)

_LOST = (
    ray.exceptions.RayActorError,
    ray.exceptions.WorkerCrashedError,
    ray.exceptions.OutOfMemoryError,
    ray.exceptions.NodeDiedError,
    ray.exceptions.ObjectLostError,
)


MEMORY_SAMPLE_S = 0.05
MEMORY_EXIT_CODE = 75

STARTUP_TIMEOUT_S = 600.0
"""How long the actors may take to start and load their components (a busy cluster may
first have to make room, or scale up, for them)."""


class CaseChecker:
    """A Ray actor: loads ``Components`` once, then checks one job per call."""

    def __init__(self, settings: dict[str, Any], task_timeout_s: float, memory_mb: int) -> None:
        # One parse child per actor: the actor itself is the unit of parallelism.
        from triage.components import load_components  # not in the driver: see engines

        worker = Settings(**{**settings, "parse_workers": 1, "extract_workers": 0})
        self.parts = load_components(worker)
        settle_loaded_models()
        self.task_timeout_s = task_timeout_s
        self.memory_mb = memory_mb
        # One watcher for the actor's life, sampling only while an order runs: a thread
        # started per order left glibc a new stack and arena to settle each time.
        self._busy = threading.Event()
        threading.Thread(target=self._watch_memory, daemon=True, name="memory-cap").start()

    def versions(self) -> Versions:
        """Return the versions of this actor's components."""
        return versions_of(self.parts)

    def check(self, job: CaseJob) -> CaseRecord:
        """Check one job; past the time or memory limit the process exits (the task is lost)."""
        faulthandler.dump_traceback_later(self.task_timeout_s, exit=True)
        self._busy.set()
        try:
            return check_job(job, self.parts)
        finally:
            self._busy.clear()
            faulthandler.cancel_dump_traceback_later()
            # The order's document, pages and Ray's copy of its bytes were freed between
            # long-lived objects (the memos, the vocabulary): hand those pages back, so the
            # actor's peak is its models plus one order and not what earlier orders left.
            release_freed_memory()

    def _watch_memory(self) -> None:
        while self._busy.wait():
            if rss_mb() > self.memory_mb:
                os._exit(MEMORY_EXIT_CODE)
            time.sleep(MEMORY_SAMPLE_S)

    def cpu_seconds(self) -> float:
        """Return the CPU seconds used so far by this actor's process and its parse child."""
        return cpu_seconds() + sum(cpu_seconds(pid) for pid in child_pids(self.parts))

    def pids(self) -> list[int]:
        """Return the process ids of this actor and of its parse child."""
        return [os.getpid(), *child_pids(self.parts)]

    def peak_rss_mb(self) -> list[float]:
        """Return the peak RSS (MB) of this actor's process and of its parse child."""
        return [peak_rss_mb(), *(peak_rss_mb(pid) for pid in child_pids(self.parts))]


@dataclass(eq=False)
class _Queued:
    ref: Any
    job: CaseJob
    attempt: int


@dataclass
class _Actor:
    handle: Any
    queue: deque[_Queued] = field(default_factory=deque)
    head_since: float = 0.0
    restarting: bool = False
    probe: Any = None
    probe_at: float = 0.0

    def lost(self) -> list[_Queued]:
        """Note that the process died (Ray restarts it); return the orders queued on it."""
        queued = list(self.queue)
        self.queue.clear()
        self.restarting, self.probe, self.probe_at = True, None, time.monotonic()
        return queued


class RayEngine:
    """Checks jobs on Ray actors; starts a local Ray when no address is given."""

    def __init__(
        self,
        settings: Settings,
        *,
        address: str | None = None,
        workers: int | None = None,
        task_timeout_s: float | None = None,
        memory_mb: int = 2048,
        max_attempts: int = 3,
    ) -> None:
        self._owns_ray = not ray.is_initialized()
        self._closed = False
        self._actors: list[_Actor] = []
        self.dashboard_url: str | None = None
        if self._owns_ray:
            # No address: Ray joins RAY_ADDRESS or a cluster `ray start` began on this
            # machine, else starts one with every CPU here (num_cpus would refuse the former).
            try:
                context = ray.init(address=address, log_to_driver=False)
            except (ConnectionError, RuntimeError, ValueError) as error:
                where = address or "a local Ray"
                raise ConfigError(f"cannot start or reach {where}: {error}") from None
            self.dashboard_url = getattr(context, "dashboard_url", None) or None
        count = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
        limits = settings.parse_timeout_s + settings.extract_timeout_s
        self.task_timeout_s = task_timeout_s or limits
        self.max_attempts = max(1, max_attempts)
        remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=0)(CaseChecker)
        dump = settings.model_dump()
        self.memory_mb = memory_mb
        args = (dump, self.task_timeout_s, memory_mb)
        self._actors = [_Actor(remote.remote(*args)) for _ in range(count)]
        cpus = int(ray.cluster_resources().get("CPU", 0))  # type: ignore[no-untyped-call]
        try:
            answers: list[Versions] = ray.get(
                [a.handle.versions.remote() for a in self._actors], timeout=STARTUP_TIMEOUT_S
            )
        except ray.exceptions.RayError as error:
            self.close()
            raise ConfigError(
                f"{count} Ray workers (the cluster has {cpus} CPUs) did not load their"
                f" components: {error}"
            ) from None
        self._versions = answers[0]
        if any(v != self._versions for v in answers):
            self.close()
            raise ConfigError(f"the Ray workers loaded different versions: {answers}")

    @property
    def versions(self) -> Versions:
        """Return the versions every actor loaded (they are checked to agree)."""
        return self._versions

    @property
    def workers(self) -> int:
        """Return the number of actors."""
        return len(self._actors)

    def _submit(self, actor: _Actor, job: CaseJob, attempt: int) -> None:
        if not actor.queue:
            actor.head_since = time.monotonic()
        actor.queue.append(_Queued(actor.handle.check.remote(job), job, attempt))

    def _fill(self, jobs: Iterator[CaseJob], retries: deque[tuple[CaseJob, int]]) -> bool:
        """Queue work on every live actor; return whether ``jobs`` may hold more."""
        jobs_left = True
        for actor in self._actors:
            if actor.restarting:
                if actor.probe is None and time.monotonic() >= actor.probe_at:
                    actor.probe = actor.handle.versions.remote()
                continue
            while len(actor.queue) < IN_FLIGHT_PER_WORKER:
                if retries:
                    self._submit(actor, *retries.popleft())
                    continue
                job = next(jobs, None)
                if job is None:
                    jobs_left = False
                    break
                self._submit(actor, job, 1)
        return jobs_left

    def check(self, jobs: Iterator[CaseJob]) -> Iterator[CaseRecord]:
        """Yield each job's record as actors finish them (see the module's docstring)."""
        retries: deque[tuple[CaseJob, int]] = deque()
        jobs_left = True
        while True:
            jobs_left = self._fill(jobs if jobs_left else iter(()), retries) and jobs_left
            owners = {id(q.ref): (a, q) for a in self._actors for q in a.queue}
            probes = {id(a.probe): a for a in self._actors if a.probe is not None}
            if not owners and not retries and not jobs_left:
                return
            refs = [q.ref for _, q in owners.values()] + [a.probe for a in probes.values()]
            if not refs:  # every actor is restarting: wait for the next probe
                time.sleep(0.2)
                continue
            ready, _ = ray.wait(refs, num_returns=1, timeout=1.0)
            for ref in ready:
                if id(ref) in probes:
                    self._probed(probes[id(ref)])
                elif id(ref) in owners:
                    yield from self._collect(*owners[id(ref)], retries)

    def _probed(self, actor: _Actor) -> None:
        try:
            ray.get(actor.probe)
            actor.restarting = False
        except ray.exceptions.RayActorError:  # still restarting: ask again shortly
            actor.probe_at = time.monotonic() + 0.5
        actor.probe = None

    def _collect(
        self, actor: _Actor, queued: _Queued, retries: deque[tuple[CaseJob, int]]
    ) -> Iterator[CaseRecord]:
        if queued not in actor.queue:  # queued behind a failed order: already resubmitted
            return
        was_head = actor.queue[0] is queued
        actor.queue.remove(queued)
        try:
            yield ray.get(queued.ref)
        except ray.exceptions.RayTaskError as error:  # a bug, not a lost worker: no retry
            cause = error.cause if isinstance(error.cause, Exception) else error
            yield reject_record(queued.job, cause, queued.attempt)
        except _LOST as error:
            # The actor runs its queue in order, so the order that failed was at its head;
            # the ones behind it lost nothing of their own and go again as they were.
            ran_for = time.monotonic() - actor.head_since
            retries.extendleft((q.job, q.attempt) for q in reversed(actor.lost()))
            if not was_head:
                retries.appendleft((queued.job, queued.attempt))
            elif queued.attempt < self.max_attempts:
                log.warning("case lost its worker", case=queued.job.case, error=str(error))
                retries.appendleft((queued.job, queued.attempt + 1))
            else:
                over = ran_for >= self.task_timeout_s
                why = (
                    f"over the {self.task_timeout_s:g} s time limit"
                    if over
                    else f"worker lost (over the {self.memory_mb} MB memory limit, or killed)"
                )
                detail = f"{queued.job.case}: {why} on each of {queued.attempt} attempts"
                yield reject_record(
                    queued.job, CaseAbandoned(f"{detail} ({type(error).__name__})"), queued.attempt
                )
        actor.head_since = time.monotonic()

    def _ask_live_actors(self, method: str) -> list[Any]:
        answers = []
        for actor in [] if self._closed else self._actors:
            if actor.restarting:  # its last order was lost: a fresh process, nothing to see
                continue
            try:
                answers.append(ray.get(getattr(actor.handle, method).remote(), timeout=60))
            except (ray.exceptions.RayActorError, ray.exceptions.GetTimeoutError):
                continue
        return answers

    def worker_cpu_seconds(self) -> float:
        """Return the CPU seconds used so far by the live actors and their parse children."""
        return float(sum(self._ask_live_actors("cpu_seconds")))

    def worker_pids(self) -> list[int]:
        """Return the process ids of every live actor and its parse child (to sample them)."""
        return [pid for answer in self._ask_live_actors("pids") for pid in answer]

    def worker_peak_rss_mb(self) -> list[float]:
        """Return the peak RSS (MB) of every actor process and its parse child."""
        return [rss for answer in self._ask_live_actors("peak_rss_mb") for rss in answer]

    def close(self) -> None:
        """Stop the actors, and the local Ray instance if this engine started it (once:
        later calls do nothing, and the engine then reports no workers)."""
        if self._closed:
            return
        self._closed = True
        for actor in self._actors:
            ray.kill(actor.handle, no_restart=True)
        if self._owns_ray:
            ray.shutdown()
