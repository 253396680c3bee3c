"""A burst of long-waiting orders leaves request threads for the review pages."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.api.fixtures import order_parts
from triage.auth import Role
from triage.contract import Customer, Quote
from triage.service import authenticate
from triage.service.idempotency import IdempotencyPolicy, claim_key
from triage.service.orders import request_fingerprint
from triage.store import sha256_hex

BURST = 48  # more than the 40 threads of the request pool


@pytest.mark.slow
def test_review_pages_answer_while_48_orders_wait_for_their_key(client, auth, keys, store):
    files = order_parts(45)
    service = authenticate(store, f"Bearer {keys[Role.SERVICE]}")
    fingerprint = request_fingerprint(
        sha256_hex(files["document"][1]),
        Quote.model_validate_json(files["quote"][1]),
        Customer.model_validate_json(files["customer"][1]),
    )
    # The key's first request is "still running" (claimed, lease 5 s): every duplicate
    # below waits for it, each in the handler's thread, about 10 s.
    claim_key(store, service.key_id, "busy", fingerprint, IdempotencyPolicy())
    headers = {**auth[Role.SERVICE], "Idempotency-Key": "busy"}
    finished: list[float] = []
    lock = threading.Lock()

    def duplicate() -> int:
        status = client.post("/v1/orders", files=files, headers=headers).status_code
        with lock:
            finished.append(time.monotonic())
        return status

    with ThreadPoolExecutor(BURST + 2) as pool:
        burst = [pool.submit(duplicate) for _ in range(BURST)]
        time.sleep(1.5)  # let the burst take its threads
        page = pool.submit(client.get, "/review/login")
        metrics = pool.submit(client.get, "/v1/metrics/summary", headers=auth[Role.ANALYST])
        answered = [page.result(timeout=60).status_code, metrics.result(timeout=60).status_code]
        answered_at = time.monotonic()
        statuses = [future.result(timeout=120) for future in burst]
    assert answered == [200, 200]
    assert not [t for t in finished if t < answered_at]  # no duplicate had given up yet
    assert set(statuses) <= {409, 503}  # in progress (or no turn in time), never a 5xx crash
