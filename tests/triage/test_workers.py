"""WorkerPool: first come first served, overruns and deaths replaced, close wakes waiters."""

from __future__ import annotations

import os
import threading
import time
from multiprocessing.connection import Connection

import pytest

from triage.workers import WorkerLost, WorkerPool, answer_requests


def _handle(request: tuple[str, float]) -> object:
    kind, value = request
    if kind == "sleep":
        time.sleep(value)
        return ("slept", value)
    if kind == "exit":
        os._exit(int(value))
    return ("echo", value)


def _serve(connection: Connection) -> None:
    answer_requests(connection, _handle)


def _pool(**options: int) -> WorkerPool:
    return WorkerPool(_serve, size=options.pop("size", 1), name="test-worker", **options)


def test_answers_requests_and_serves_waiters_in_arrival_order() -> None:
    with _pool() as pool:
        pool.wait_ready()
        assert pool.run(("echo", 7), timeout_s=5) == ("echo", 7)
        finished: list[int] = []
        lock = threading.Lock()

        def submit(index: int) -> None:
            pool.run(("sleep", 0.05), timeout_s=5)
            with lock:
                finished.append(index)

        holder = threading.Thread(target=submit, args=(-1,))
        holder.start()
        time.sleep(0.02)  # the holder has the only worker
        waiters = []
        for index in range(6):
            thread = threading.Thread(target=submit, args=(index,))
            thread.start()
            waiters.append(thread)
            time.sleep(0.01)  # each waiter queues before the next one arrives
        for thread in [holder, *waiters]:
            thread.join(10)
        assert finished == [-1, 0, 1, 2, 3, 4, 5]


def test_an_overrunning_worker_is_killed_and_replaced() -> None:
    with _pool() as pool:
        pool.wait_ready()
        before = pool.pids()
        started = time.monotonic()
        with pytest.raises(WorkerLost) as lost:
            pool.run(("sleep", 30), timeout_s=0.5)
        assert lost.value.cause == "timeout"
        assert time.monotonic() - started < 5
        assert pool.pids() != before and len(pool.pids()) == 1
        assert pool.run(("echo", 1), timeout_s=30) == ("echo", 1)


def test_a_worker_that_dies_is_reported_and_replaced() -> None:
    with _pool() as pool:
        with pytest.raises(WorkerLost) as lost:
            pool.run(("exit", 3), timeout_s=30)
        assert lost.value.cause == "crash"
        assert "exit code 3" in lost.value.detail
        assert pool.run(("echo", 2), timeout_s=30) == ("echo", 2)


def test_workers_are_recycled_after_max_requests() -> None:
    with _pool(max_requests=2) as pool:
        first = pool.pids()
        pool.run(("echo", 1), timeout_s=30)
        assert pool.pids() == first
        pool.run(("echo", 2), timeout_s=30)
        assert pool.pids() != first and len(pool.pids()) == 1


def test_close_wakes_every_waiting_caller() -> None:
    pool = _pool()
    pool.wait_ready()
    errors: list[BaseException] = []

    def call() -> None:
        try:
            pool.run(("sleep", 1.0), timeout_s=30)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=call) for _ in range(3)]
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    started = time.monotonic()
    pool.close()
    for thread in threads:
        thread.join(10)
    assert not any(thread.is_alive() for thread in threads)
    assert time.monotonic() - started < 8
    assert len(errors) >= 2  # the two waiters; the caller holding the worker may finish
    assert all(isinstance(e, RuntimeError | WorkerLost) for e in errors)
    assert pool.pids() == []
    with pytest.raises(RuntimeError, match="closed"):
        pool.run(("echo", 0), timeout_s=1)
