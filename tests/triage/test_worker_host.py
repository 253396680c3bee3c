"""PoolHost: server processes share one set of pools and gates over a Unix socket."""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator

import pytest

from tests.triage.test_workers import _serve
from triage.errors import ServiceUnavailable
from triage.workers import (
    Gate,
    GateTimeout,
    PoolHost,
    RemoteGate,
    RemotePool,
    WorkerLost,
    WorkerPool,
)
from triage.workers.host import HOST_GONE


@pytest.fixture
def host() -> Iterator[PoolHost]:
    pools = {"echo": WorkerPool(_serve, size=1, name="test-worker")}
    host = PoolHost(pools, {"orders": Gate(1, name="orders")}).start()
    yield host
    host.close()


def test_a_remote_pool_runs_requests_on_the_hosts_workers(host: PoolHost) -> None:
    pool = RemotePool(host.address, host.authkey, "echo")
    assert pool.run(("echo", 5), timeout_s=30) == ("echo", 5)
    assert pool.run(("echo", 6), timeout_s=30) == ("echo", 6)  # the connection is reused
    with pytest.raises(WorkerLost) as lost:
        pool.run(("sleep", 30), timeout_s=0.5)
    assert lost.value.cause == "timeout"
    assert pool.run(("echo", 7), timeout_s=30) == ("echo", 7)  # replaced by the host
    with pytest.raises(RuntimeError, match="no pool named 'nope'"):
        RemotePool(host.address, host.authkey, "nope").run(("echo", 1), timeout_s=5)
    pool.close()


def test_a_caller_without_the_key_is_refused_and_the_host_serves_on(host: PoolHost) -> None:
    with pytest.raises(ServiceUnavailable, match="refused this process's key"):
        RemotePool(host.address, b"wrong key", "echo").run(("echo", 1), timeout_s=5)
    assert RemotePool(host.address, host.authkey, "echo").run(("echo", 2), timeout_s=30)


def test_a_closed_host_is_reported_as_gone(host: PoolHost) -> None:
    pool = RemotePool(host.address, host.authkey, "echo")
    assert pool.run(("echo", 1), timeout_s=30)
    host.close()
    with pytest.raises(ServiceUnavailable, match=HOST_GONE):
        pool.run(("echo", 2), timeout_s=5)
    gate = RemoteGate(host.address, host.authkey, "orders")
    with pytest.raises(ServiceUnavailable, match=HOST_GONE), gate.turn(timeout_s=1):
        pass


def test_a_remote_gate_admits_one_at_a_time_and_times_out(host: PoolHost) -> None:
    gate = RemoteGate(host.address, host.authkey, "orders")
    with gate.turn(timeout_s=5):
        started = time.monotonic()
        with pytest.raises(GateTimeout), gate.turn(timeout_s=0.3):
            pass
        assert time.monotonic() - started < 5
    with gate.turn(timeout_s=5):
        pass


def _hold_the_gate(address: str, authkey: bytes, entered: object) -> None:
    with RemoteGate(address, authkey, "orders").turn():
        entered.set()  # type: ignore[attr-defined]
        time.sleep(60)


def test_a_server_process_that_dies_inside_the_gate_gives_its_place_back(host: PoolHost) -> None:
    context = multiprocessing.get_context("spawn")
    entered = context.Event()
    holder = context.Process(target=_hold_the_gate, args=(host.address, host.authkey, entered))
    holder.start()
    assert entered.wait(30)
    gate = RemoteGate(host.address, host.authkey, "orders")
    with pytest.raises(GateTimeout), gate.turn(timeout_s=0.3):
        pass
    holder.kill()
    holder.join(10)
    with gate.turn(timeout_s=10):
        pass
