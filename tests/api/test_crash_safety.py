"""SIGKILL under load: every order answered 2xx is stored exactly once, every retry replays."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from tests.api.fixtures import customer_json, quote_json
from tests.api.live_server import LiveServer
from tests.api.parts import render_order
from triage.service import create_api_key
from triage.store import open_store
from triage.store.tables import OrderRow

CLIENTS = 4
LOAD_SECONDS = 2.5


def order_files(i: int) -> dict[str, Any]:
    return {
        "document": (
            "order.pdf",
            render_order(30 + 15 * (i % 2), 3, f"crash-{i}"),
            "application/pdf",
        ),
        "quote": (None, quote_json()),
        "customer": (None, customer_json()),
    }


def post(url: str, key: str, token: str, i: int) -> httpx.Response:
    return httpx.post(
        url + "/v1/orders",
        files=order_files(i),
        timeout=30,
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": key},
    )


@pytest.mark.slow
def test_sigkill_under_load_loses_no_acknowledged_order(tmp_path: Path):
    data = tmp_path / "data"
    env = {
        "TRIAGE_DATA_DIR": str(data),
        "TRIAGE_API_COMPONENTS": "tests.api.parts:build",
        "TRIAGE_API_IDEMPOTENCY_LEASE_S": "3",
        "TRIAGE_LOG_LEVEL": "WARNING",
    }
    store = open_store(f"sqlite:///{data / 'triage.db'}", data)
    token = create_api_key(store, role="service").key
    server = LiveServer(env, log_path=tmp_path / "server.log")
    server.start()
    answered: dict[str, tuple[int, dict[str, Any]]] = {}
    sent: dict[str, int] = {}
    lock = threading.Lock()
    stop = threading.Event()

    def client(n: int) -> None:
        i = n
        while not stop.is_set():
            key = f"crash-{i}"
            with lock:
                sent[key] = i
            try:
                response = post(server.url, key, token, i)
            except httpx.HTTPError:
                return  # the server died under this request
            if response.is_success:
                with lock:
                    answered[key] = (response.status_code, response.json())
            i += CLIENTS

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(LOAD_SECONDS)
        server.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert answered, "no order was acknowledged before the kill; the test proves nothing"
        server.start()
        for key, i in sorted(sent.items()):
            retry = post(server.url, key, token, i)
            assert retry.status_code in (200, 201), retry.text
            if key in answered:
                assert retry.status_code == 200
                assert retry.json() == answered[key][1]
    finally:
        stop.set()
        server.stop()
    with store.transaction() as session:
        rows = session.scalars(select(OrderRow)).all()
    by_key: dict[str, list[str]] = {}
    for row in rows:
        by_key.setdefault(row.idempotency_key, []).append(row.order_id)
    assert all(len(ids) == 1 for ids in by_key.values())
    assert set(by_key) == set(sent)
    for key, (_, body) in answered.items():
        assert by_key[key] == [body["order_id"]]
    store.close()
