"""The parent side of one sandbox worker: its process, its pipe and how it ended.

A ``Worker`` is used by one thread at a time (the reader's idle queue hands it out), so it
needs no lock of its own. When a worker overruns it is killed; when it dies its exit
signal says which limit stopped it, reported as ``WorkerLost.cause``.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from typing import Literal

from triage.documents.worker import READY, Outcome, Request, serve

__all__ = ["Worker", "WorkerLost"]

STARTUP_TIMEOUT_S = 60.0
Cause = Literal["timeout", "memory", "crash"]
# pdfium stops on a failed allocation with a trap or an abort; the kernel's CPU limit
# sends SIGXCPU. Anything else (SIGSEGV, a Python exit) is reported as a crash.
_SIGNAL_CAUSES: dict[int, Cause] = {
    signal.SIGXCPU: "timeout",
    signal.SIGTRAP: "memory",
    signal.SIGILL: "memory",
    signal.SIGABRT: "memory",
    signal.SIGKILL: "memory",
}
_CONTEXT = multiprocessing.get_context("spawn")


class WorkerLost(Exception):
    """A worker that stopped answering: ``cause`` is timeout, memory or crash."""

    def __init__(self, cause: Cause, detail: str) -> None:
        super().__init__(f"{cause}: {detail}")
        self.cause: Cause = cause
        self.detail = detail


class Worker:
    """One child process serving parse requests over a pipe."""

    def __init__(self, memory_mb: int) -> None:
        self._connection, child_end = _CONTEXT.Pipe()
        self._process = _CONTEXT.Process(
            target=serve, args=(child_end, memory_mb), name="triage-pdf-reader", daemon=True
        )
        self._process.start()
        child_end.close()
        self._ready = False
        self.documents = 0

    @property
    def pid(self) -> int | None:
        """Return the child's process id (None before it started)."""
        return self._process.pid

    def _wait_ready(self) -> None:
        if self._ready:
            return
        if not self._connection.poll(STARTUP_TIMEOUT_S):
            raise WorkerLost("crash", "the reader process did not start")
        try:
            self._ready = self._connection.recv() == READY
        except (EOFError, OSError):
            raise self._lost() from None

    def run(self, request: Request, timeout_s: float) -> Outcome:
        """Return the child's outcome for ``request``; raise WorkerLost if it overran or died."""
        self._wait_ready()
        self.documents += 1
        try:
            self._connection.send(request)
            if not self._connection.poll(timeout_s):
                raise WorkerLost("timeout", f"no answer within {timeout_s:g} s")
            outcome: Outcome = self._connection.recv()
        except (EOFError, OSError):
            raise self._lost() from None
        return outcome

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
