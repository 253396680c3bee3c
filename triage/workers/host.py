"""One set of worker pools shared by several server processes, over a Unix socket.

``triage serve --workers N`` runs N server processes. If each kept its own parse and
extraction children, each would queue only its own requests: the kernel spreads keep-alive
connections unevenly over the processes, so one process's queue grows while another's
children idle, and a request's wait depends on which process accepted its connection. The
``PoolHost`` in the supervising process owns the children instead; every server process
reaches them through a ``RemotePool``, so there is one first-come-first-served queue for
the whole server and one set of children sized to the machine.

The host can also share ``Gate``s: the server processes admit new orders through one gate
for the whole server, so the orders in progress are few enough not to contend for the
cores, and the rest wait their turn in arrival order whichever process accepted them.

The host relays pickled bytes without unpickling them. A connection carries one exchange
at a time:

- ``("run", pool, timeout_s)`` then the pickled request: answered ``("ok",)`` then the
  pickled answer, ``("lost", cause, detail)`` when the worker overran or died, or
  ``("refused", detail)``;
- ``("status", "")``: answered ``("ok", {pool: {"workers": live, "size": kept}})``;
- ``("enter", gate, timeout_s)``: answered ``("ok",)`` once inside, ``("timeout", detail)``
  or ``("refused", detail)``; ``("leave", gate)``: answered ``("ok",)``. A connection that
  drops while inside a gate leaves it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import secrets
import shutil
import socket
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Connection, Listener
from pathlib import Path
from typing import Any

from triage.errors import ServiceUnavailable
from triage.workers.gate import Gate, GateClosed, GateTimeout
from triage.workers.pool import WorkerLost, WorkerPool

__all__ = ["HOST_GONE", "HostStatus", "PoolHost", "RemoteGate", "RemotePool"]

# Not the document's fault, so not a WorkerLost (which the reader reports as a bad PDF):
# the caller is told to come back (503) while the supervisor is restarted.
HOST_GONE = "the process that runs the parse and extraction workers is gone"
# The host answers within the request's own time limit plus the time to kill and replace
# a worker; this margin only matters if the host itself hangs.
_ANSWER_MARGIN_S = 30.0


class PoolHost:
    """Serves ``pools`` and ``gates`` by name to other processes on a fresh Unix socket."""

    def __init__(self, pools: dict[str, WorkerPool], gates: dict[str, Gate] | None = None) -> None:
        self.pools = pools
        self.gates = gates or {}
        self.authkey = secrets.token_bytes(32)
        self._folder = Path(tempfile.mkdtemp(prefix="triage-workers-"))  # mode 0700
        self.address = str(self._folder / "pools.sock")
        self._listener = Listener(self.address, family="AF_UNIX", authkey=self.authkey)
        self._closed = threading.Event()
        self._connections: set[Connection] = set()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._accept, name="triage-pool-host", daemon=True)

    def start(self) -> PoolHost:
        """Start accepting server processes; return self."""
        self._thread.start()
        return self

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                connection = self._listener.accept()
            except OSError:
                return  # the listener was closed
            except Exception:  # a caller without the key must not stop the host
                continue
            with self._lock:
                self._connections.add(connection)
            threading.Thread(
                target=self._serve, args=(connection,), name="triage-pool-relay", daemon=True
            ).start()

    def _run(self, connection: Connection, name: str, timeout_s: float) -> None:
        request = connection.recv_bytes()
        pool = self.pools.get(name)
        if pool is None:
            connection.send(("refused", f"no pool named {name!r}"))
            return
        try:
            answer = pool.run_pickled(request, timeout_s)
        except WorkerLost as lost:
            connection.send(("lost", lost.cause, lost.detail))
        except RuntimeError as error:  # the pool is closing
            connection.send(("refused", str(error)))
        else:
            connection.send(("ok",))
            connection.send_bytes(answer)

    def _enter(self, connection: Connection, gate: Gate, timeout_s: float | None) -> bool:
        try:
            gate.enter(timeout_s)
        except GateTimeout as error:
            connection.send(("timeout", str(error)))
            return False
        except GateClosed as error:
            connection.send(("refused", str(error)))
            return False
        try:
            connection.send(("ok",))
        except OSError:
            gate.leave()  # the caller went away while it waited: pass its place on
            raise
        return True

    def _serve(self, connection: Connection) -> None:
        inside: list[Gate] = []
        try:
            while True:
                message = connection.recv()
                kind, name = message[0], message[1]
                if kind == "run":
                    self._run(connection, name, message[2])
                    continue
                if kind == "status":
                    connection.send(("ok", self.status()))
                    continue
                gate = self.gates.get(name)
                if gate is None:
                    connection.send(("refused", f"no gate named {name!r}"))
                elif kind == "enter":
                    if self._enter(connection, gate, message[2]):
                        inside.append(gate)
                elif gate in inside:  # leave
                    inside.remove(gate)
                    gate.leave()
                    connection.send(("ok",))
                else:
                    connection.send(("refused", f"not inside the {name} gate"))
        except (EOFError, OSError):
            pass  # the server process went away
        finally:
            for gate in inside:
                gate.leave()
            with self._lock:
                self._connections.discard(connection)
            connection.close()

    def status(self) -> dict[str, dict[str, int]]:
        """Return each pool's live workers and the number it keeps."""
        return {
            name: {"workers": len(pool.pids()), "size": pool.size}
            for name, pool in self.pools.items()
        }

    def close(self) -> None:
        """Stop accepting, end every connection and stop the pools' workers."""
        self._closed.set()
        self._listener.close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _shut_down(connection)  # its relay thread sees the end and closes it
        for gate in self.gates.values():
            gate.close()
        for pool in self.pools.values():
            pool.close()
        shutil.rmtree(self._folder, ignore_errors=True)


def _shut_down(connection: Connection) -> None:
    """End both directions of ``connection`` without closing the handle a thread reads."""
    with contextlib.suppress(OSError):
        socket.socket(fileno=os.dup(connection.fileno())).shutdown(socket.SHUT_RDWR)


class _HostClient:
    """Connections to a ``PoolHost``, one per exchange in flight, reused; thread-safe."""

    def __init__(self, address: str, authkey: bytes, name: str) -> None:
        self.address = address
        self.authkey = authkey
        self.name = name
        self._idle: list[Connection] = []
        self._lock = threading.Lock()

    def _connection(self) -> Connection:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        try:
            return Client(self.address, family="AF_UNIX", authkey=self.authkey)
        except AuthenticationError as error:
            raise OSError(f"the host refused this process's key: {error}") from None

    def _give_back(self, connection: Connection) -> None:
        with self._lock:
            self._idle.append(connection)

    @staticmethod
    def _answer(connection: Connection, wait_s: float | None) -> tuple[Any, ...]:
        if not connection.poll(wait_s):
            raise OSError("no answer")
        status: tuple[Any, ...] = connection.recv()
        return status

    def _exchange(
        self, message: tuple[Any, ...], wait_s: float | None, payload: bytes | None = None
    ) -> tuple[Connection, tuple[Any, ...], bytes | None]:
        """Send ``message`` (and ``payload``); return the connection, the host's status and,
        for a request with a payload answered "ok", the answer's bytes.

        Raise ServiceUnavailable if the host cannot be reached or drops the connection.
        """
        try:
            connection = self._connection()
        except OSError as error:
            raise ServiceUnavailable(f"{HOST_GONE} ({error})") from None
        try:
            connection.send(message)
            if payload is not None:
                connection.send_bytes(payload)
            status = self._answer(connection, wait_s)
            answer = connection.recv_bytes() if payload is not None and status[0] == "ok" else None
        except (EOFError, OSError):
            connection.close()  # the host gives back a gate place held for a dropped connection
            raise ServiceUnavailable(HOST_GONE) from None
        return connection, status, answer

    def close(self) -> None:
        """Close this process's connections (the host and its workers live on)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()


class RemotePool(_HostClient):
    """A pool of a ``PoolHost`` seen from a server process."""

    def run(self, request: object, timeout_s: float) -> Any:
        """Return the answer of one of the host's workers; raise WorkerLost as a local pool,
        or ServiceUnavailable when the host cannot be reached."""
        connection, status, answer = self._exchange(
            ("run", self.name, timeout_s), timeout_s + _ANSWER_MARGIN_S, pickle.dumps(request)
        )
        self._give_back(connection)
        if status[0] == "lost":
            raise WorkerLost(status[1], status[2])
        if status[0] == "refused":
            raise RuntimeError(status[1])
        assert answer is not None  # an "ok" to a request with a payload carries the answer
        return pickle.loads(answer)

    def wait_ready(self) -> None:
        """Nothing to wait for: the host started its workers before the servers."""

    def pids(self) -> list[int]:
        """Return no process ids: the workers belong to the host."""
        return []


class HostStatus(_HostClient):
    """The host's pools as ``/healthz`` reports them, seen from a server process."""

    def pools(self, wait_s: float = 2.0) -> dict[str, dict[str, int]]:
        """Return each pool's live workers and size; raise ServiceUnavailable when the host
        cannot be reached or does not answer within ``wait_s``."""
        connection, status, _ = self._exchange(("status", ""), wait_s)
        self._give_back(connection)
        pools: dict[str, dict[str, int]] = status[1]
        return pools


class RemoteGate(_HostClient):
    """A gate of a ``PoolHost`` seen from a server process (``Gate.turn`` across processes)."""

    @contextmanager
    def turn(self, timeout_s: float | None = None) -> Iterator[None]:
        """Be inside the host's gate for the ``with`` block; raise GateTimeout or GateClosed,
        or ServiceUnavailable when the host cannot be reached."""
        wait_s = None if timeout_s is None else timeout_s + _ANSWER_MARGIN_S
        connection, status, _ = self._exchange(("enter", self.name, timeout_s), wait_s)
        if status[0] != "ok":
            self._give_back(connection)
            raise (GateTimeout if status[0] == "timeout" else GateClosed)(status[1])
        try:
            yield
        finally:
            try:
                connection.send(("leave", self.name))
                self._answer(connection, _ANSWER_MARGIN_S)
            except (EOFError, OSError):
                connection.close()  # the host leaves the gate for a dropped connection
            else:
                self._give_back(connection)
