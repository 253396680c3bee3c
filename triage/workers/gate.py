"""``Gate``: at most ``size`` holders at a time, the rest let through strictly in arrival order.

A waiter is handed its place directly by the holder who leaves, so a caller that arrives
later can never overtake one that is already waiting (``threading.Semaphore`` makes no
such promise). The worker pools use a gate to hand out their children; the server uses
one to admit new orders, so that only as many orders are in progress as the machine can
work on and the others wait their turn without contending for it.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

__all__ = ["Admission", "Gate", "GateClosed", "GateTimeout"]


class Admission(Protocol):
    """A gate in this process or a ``PoolHost``'s (``triage.workers.host.RemoteGate``)."""

    def turn(self, timeout_s: float | None = None) -> AbstractContextManager[None]:
        """Be inside for the ``with`` block; raise GateTimeout or GateClosed."""
        ...


class GateClosed(RuntimeError):
    """The gate was closed (the process is shutting down)."""


class GateTimeout(TimeoutError):
    """The caller waited longer than it was willing to."""


class _Place:
    """A waiter's place in the line; ``admitted`` is False when the gate closed on it."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.admitted = False


class Gate:
    """At most ``size`` callers inside at once; waiters enter first come, first served."""

    def __init__(self, size: int, *, name: str) -> None:
        self.size = max(1, size)
        self.name = name
        self._free = self.size
        self._line: deque[_Place] = deque()
        self._lock = threading.Lock()
        self._closed = False

    @property
    def waiting(self) -> int:
        """Return how many callers are waiting to enter."""
        return len(self._line)

    @property
    def inside(self) -> int:
        """Return how many callers are inside."""
        return self.size - self._free

    def enter(self, timeout_s: float | None = None) -> None:
        """Return once inside; raise GateTimeout after ``timeout_s``, GateClosed if closed."""
        with self._lock:
            if self._closed:
                raise GateClosed(f"the {self.name} gate is closed")
            if self._free and not self._line:
                self._free -= 1
                return
            place = _Place()
            self._line.append(place)
        if not place.event.wait(timeout_s):
            with self._lock:
                if not place.event.is_set():
                    self._line.remove(place)
                    raise GateTimeout(f"waited {timeout_s:g} s at the {self.name} gate")
            # Let in just as the wait ran out: the place is ours, so keep it.
        if not place.admitted:
            raise GateClosed(f"the {self.name} gate is closed")

    def leave(self) -> None:
        """Leave, handing the place to the longest waiter if there is one."""
        with self._lock:
            if self._line:
                place = self._line.popleft()
                place.admitted = True
                place.event.set()
            else:
                self._free += 1

    @contextmanager
    def turn(self, timeout_s: float | None = None) -> Iterator[None]:
        """Enter for the duration of the ``with`` block."""
        self.enter(timeout_s)
        try:
            yield
        finally:
            self.leave()

    def close(self) -> None:
        """Refuse new callers and send every waiter away with GateClosed."""
        with self._lock:
            self._closed = True
            line = list(self._line)
            self._line.clear()
        for place in line:
            place.event.set()
