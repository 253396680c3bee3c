"""Long-lived child processes that answer one request at a time over a pipe.

The service keeps its CPU-heavy stages (PDF parsing, extraction) in child processes: the
server process stays free to answer HTTP while the children use every core, and a
hostile or pathological document can be killed without taking the server with it.

``WorkerPool`` hands idle workers to callers strictly first come, first served (through a
``triage.workers.gate.Gate``), so under load every request waits its turn instead of a
random time. A worker that overruns its time limit is killed, one that dies is
reaped, and either is replaced before the caller hears why; workers are recycled after
``max_requests`` to bound whatever a long-lived process accumulates.

A child runs ``target(connection, *args)``: it sends ``READY`` once it has loaded what it
needs (or ``(NOT_READY, why)`` and exits), then answers each request it receives until it
receives ``None``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, Literal, Protocol, Self

from triage.workers.gate import Gate
from triage.workers.lifeline import die_with_parent

__all__ = [
    "NOT_READY",
    "READY",
    "Closing",
    "Pool",
    "PoolStage",
    "Worker",
    "WorkerLost",
    "WorkerPool",
    "answer_requests",
]

READY = "ready"
NOT_READY = "not ready"
STARTUP_TIMEOUT_S = 60.0
Cause = Literal["timeout", "memory", "crash"]
Target = Callable[..., None]
# A failed allocation under RLIMIT_AS ends native code with a trap or an abort; the kernel's
# CPU limit sends SIGXCPU. Anything else (SIGSEGV, a Python exit) is reported as a crash.
_SIGNAL_CAUSES: dict[int, Cause] = {
    signal.SIGXCPU: "timeout",
    signal.SIGTRAP: "memory",
    signal.SIGILL: "memory",
    signal.SIGABRT: "memory",
    signal.SIGKILL: "memory",
}
_CONTEXT = multiprocessing.get_context("spawn")


class Pool(Protocol):
    """What the reader and the extractor need of a pool: a local one or a remote one."""

    def run(self, request: object, timeout_s: float) -> Any:
        """Return a worker's answer to ``request``; raise WorkerLost if it overran or died."""
        ...

    def wait_ready(self) -> None:
        """Block until the workers have started."""
        ...

    def pids(self) -> list[int]:
        """Return the process ids of the workers."""
        ...

    def close(self) -> None:
        """Release the pool (a local pool stops its workers)."""
        ...


class Closing:
    """Closed at the end of a ``with`` block: the pools, and the stages that own one."""

    def close(self) -> None:
        """Release what this holds."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class PoolStage(Closing):
    """A stage whose work runs on ``self.pool``: its workers and its closing are the pool's."""

    pool: Pool

    def worker_pids(self) -> list[int]:
        """Return the process ids of the pool's live workers (for monitoring their memory)."""
        return self.pool.pids()

    def close(self) -> None:
        """Release the pool (a local one stops its workers); calls after this raise."""
        self.pool.close()


class WorkerLost(Exception):
    """A worker that stopped answering: ``cause`` is timeout, memory or crash."""

    def __init__(self, cause: Cause, detail: str) -> None:
        super().__init__(f"{cause}: {detail}")
        self.cause: Cause = cause
        self.detail = detail


def _watched(parent: int, target: Target, *args: Any) -> None:
    """The child's entry: die with ``parent``, then run ``target``."""
    die_with_parent(parent)
    target(*args)


class Worker:
    """One child process serving requests over a pipe; used by one caller at a time."""

    def __init__(self, target: Target, args: tuple[Any, ...], *, name: str) -> None:
        self._connection, child_end = _CONTEXT.Pipe()
        # The child watches the process that spawned it from its first line: a child still
        # importing and loading its models when the parent dies would otherwise take init
        # (its new parent by then) for the one to watch, and live on as an orphan.
        self._process = _CONTEXT.Process(
            target=_watched, args=(os.getpid(), target, child_end, *args), name=name, daemon=True
        )
        self._process.start()
        child_end.close()
        self._ready = False
        self.requests = 0

    @property
    def pid(self) -> int | None:
        """Return the child's process id (None before it started)."""
        return self._process.pid

    def wait_ready(self, timeout_s: float = STARTUP_TIMEOUT_S) -> None:
        """Return once the child has said READY; raise WorkerLost if it never does."""
        if self._ready:
            return
        if not self._connection.poll(timeout_s):
            raise WorkerLost("crash", f"the {self._process.name} process did not start")
        try:
            said = self._connection.recv()
        except (EOFError, OSError):
            raise self._lost() from None
        if said != READY:  # (NOT_READY, why): the child could not load what it needs
            self._process.join(5)
            raise WorkerLost("crash", str(said[1]))
        self._ready = True

    def run_pickled(self, request: bytes, timeout_s: float) -> bytes:
        """Return the child's pickled answer to the pickled ``request``; raise WorkerLost if
        it overran or died. (The pool pickles; a process relaying requests for others,
        ``triage.workers.host``, passes the bytes through without unpickling them.)
        """
        self.wait_ready()
        self.requests += 1
        try:
            self._connection.send_bytes(request)
            if not self._connection.poll(timeout_s):
                raise WorkerLost("timeout", f"no answer within {timeout_s:g} s")
            return self._connection.recv_bytes()
        except (EOFError, OSError):
            raise self._lost() from None

    def _lost(self) -> WorkerLost:
        self._process.join(5)
        code = self._process.exitcode
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            return WorkerLost(_SIGNAL_CAUSES.get(-code, "crash"), f"killed by {name}")
        return WorkerLost("crash", f"exit code {code}")

    def stop(self, *, kill: bool) -> None:
        """End the child: politely (finish and exit) unless ``kill``; always reap it."""
        if not kill and self._process.is_alive():
            with contextlib.suppress(OSError):
                self._connection.send(None)
            self._process.join(2)
        if self._process.is_alive():
            self._process.kill()
        self._process.join(5)
        self._connection.close()


class WorkerPool(Closing):
    """``size`` workers running ``target``, handed out first come, first served."""

    def __init__(
        self,
        target: Target,
        args: tuple[Any, ...] = (),
        *,
        size: int,
        name: str,
        max_requests: int = 250,
    ) -> None:
        self.target = target
        self.args = args
        self.name = name
        self.max_requests = max_requests
        self._lock = threading.Lock()
        self._closed = False
        self._workers: set[Worker] = set()
        self._idle: deque[Worker] = deque()
        self._gate = Gate(size, name=name)  # one place per worker
        for _ in range(self._gate.size):
            self._idle.append(self._start())

    def _start(self) -> Worker:
        worker = Worker(self.target, self.args, name=self.name)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _retire(self, worker: Worker, *, kill: bool) -> None:
        with self._lock:
            if worker not in self._workers:
                return  # already retired by another thread (close() during a request)
            self._workers.discard(worker)
        worker.stop(kill=kill)

    def wait_ready(self) -> None:
        """Block until every idle worker has started (so no request pays for a start-up)."""
        with self._lock:
            idle = list(self._idle)
        for worker in idle:
            worker.wait_ready()

    def run(self, request: object, timeout_s: float) -> Any:
        """Return a worker's answer to ``request``; raise WorkerLost (already replaced)."""
        return pickle.loads(self.run_pickled(pickle.dumps(request), timeout_s))

    def run_pickled(self, request: bytes, timeout_s: float) -> bytes:
        """``run`` for a pickled request, returning the pickled answer."""
        worker = self._acquire()
        try:
            return worker.run_pickled(request, timeout_s)
        except WorkerLost:
            self._retire(worker, kill=True)
            if not self._closed:
                worker = self._start()
            raise
        finally:
            self._release(worker)

    def _acquire(self) -> Worker:
        self._gate.enter()  # GateClosed (a RuntimeError) once the pool is closed
        with self._lock:
            return self._idle.popleft()  # the gate lets in no more callers than workers

    def _release(self, worker: Worker) -> None:
        if worker.requests >= self.max_requests and not self._closed:
            self._retire(worker, kill=False)
            worker = self._start()
        with self._lock:
            closed = self._closed
            if not closed:
                self._idle.append(worker)
        if closed:
            self._retire(worker, kill=False)
        else:
            self._gate.leave()

    @property
    def size(self) -> int:
        """Return how many workers the pool keeps."""
        return self._gate.size

    def pids(self) -> list[int]:
        """Return the process ids of the live workers (for monitoring their memory)."""
        with self._lock:
            return [w.pid for w in self._workers if w.pid is not None]

    def close(self) -> None:
        """Stop the idle workers and send every waiting caller away; ``run`` after this raises.

        A worker busy with a request is stopped when that request ends, so no caller has
        its pipe closed under it.
        """
        with self._lock:
            self._closed = True
            idle = list(self._idle)
            self._idle.clear()
        self._gate.close()
        for worker in idle:
            self._retire(worker, kill=False)


def answer_requests(
    connection: Connection, handle: Callable[[Any], Any], *, out_of_memory: object = None
) -> None:
    """The child's loop: say READY, then send ``handle(request)`` for each request until None.

    If an answer cannot be sent for lack of memory (a memory limit reached while pickling a
    huge answer), ``out_of_memory`` is sent in its place. Ctrl-C in a terminal reaches the
    whole process group: the child ignores it and is stopped by its parent instead. A
    child whose parent dies (even by SIGKILL) ends too (``triage.workers.lifeline``).
    """
    die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    connection.send(READY)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        answer = handle(request)
        try:
            connection.send(answer)
        except MemoryError:
            del answer
            connection.send(out_of_memory)
