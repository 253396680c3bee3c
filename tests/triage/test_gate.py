"""Gate: places handed over in arrival order, waits that time out, closing sends waiters away."""

from __future__ import annotations

import threading
import time

import pytest

from triage.workers import Gate, GateClosed, GateTimeout


def _enter_later(gate: Gate, name: int, order: list[int], hold_s: float) -> threading.Thread:
    def run() -> None:
        with gate.turn(timeout_s=10):
            order.append(name)
            time.sleep(hold_s)

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_waiters_enter_in_arrival_order_and_never_more_than_size() -> None:
    gate = Gate(2, name="test")
    order: list[int] = []
    inside_max = 0
    threads = []
    for name in range(8):
        threads.append(_enter_later(gate, name, order, hold_s=0.05))
        time.sleep(0.01)
        inside_max = max(inside_max, gate.inside)
    for thread in threads:
        thread.join(10)
    assert order == list(range(8))
    assert inside_max == 2
    assert gate.inside == 0 and gate.waiting == 0


def test_a_wait_that_times_out_gives_up_its_place() -> None:
    gate = Gate(1, name="test")
    gate.enter()
    started = time.monotonic()
    with pytest.raises(GateTimeout, match=r"0\.2 s at the test gate"):
        gate.enter(timeout_s=0.2)
    assert 0.15 < time.monotonic() - started < 2
    assert gate.waiting == 0
    gate.leave()
    with gate.turn(timeout_s=0.1):
        assert gate.inside == 1


def test_closing_sends_every_waiter_away_and_refuses_newcomers() -> None:
    gate = Gate(1, name="test")
    gate.enter()
    seen: list[BaseException] = []

    def wait() -> None:
        try:
            gate.enter()
        except GateClosed as error:
            seen.append(error)

    waiters = [threading.Thread(target=wait) for _ in range(3)]
    for thread in waiters:
        thread.start()
    while gate.waiting < 3:
        time.sleep(0.01)
    gate.close()
    for thread in waiters:
        thread.join(5)
    assert len(seen) == 3
    with pytest.raises(GateClosed):
        gate.enter()
