"""The review login page while more than 40 order requests wait in their handlers.

A burst of ``--clients`` (default 60) duplicate ``POST /v1/orders`` with one
Idempotency-Key whose first request is still running (its claim is taken in the database
before the burst) keeps every duplicate waiting in its handler for the idempotency wait
(lease + 5 s). Each handler is a plain ``def``: it holds one of the server's 40 request
threads while it waits. Meanwhile one client fetches ``/review/login`` every 0.25 s.

Prints the page's latency during the burst as a ratio against the same page fetched
before the burst in the same run, and how many duplicates had already given up when the
page first answered. Only 127.0.0.1 traffic; one server process with the light test
components (the waits, not CPU, are what is measured).

    python bench/bench_review_under_burst.py [--clients 60]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.api.fixtures import customer_json, quote_json, render_order  # noqa: E402
from tests.api.live_server import LiveServer  # noqa: E402
from triage.contract import Customer, Quote  # noqa: E402
from triage.service import authenticate, create_api_key  # noqa: E402
from triage.service.idempotency import IdempotencyPolicy, claim_key  # noqa: E402
from triage.service.orders import request_fingerprint  # noqa: E402
from triage.store import open_store, sha256_hex  # noqa: E402

LEASE_S = 10.0


def _page_latencies(client: httpx.Client, until: float) -> list[tuple[float, float]]:
    samples = []
    while time.monotonic() < until:
        started = time.monotonic()
        client.get("/review/login").raise_for_status()
        samples.append((started, time.monotonic() - started))
        time.sleep(0.25)
    return samples


def main() -> None:
    """Run the burst once and print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=60)
    args = parser.parse_args()
    data = Path(tempfile.mkdtemp(prefix="bench-burst-"))
    store = open_store(f"sqlite:///{data / 'triage.db'}", data)
    key = create_api_key(store, role="service").key
    pdf, quote, customer = render_order(45, 3, ""), quote_json(), customer_json()
    fingerprint = request_fingerprint(
        sha256_hex(pdf), Quote.model_validate_json(quote), Customer.model_validate_json(customer)
    )
    env = {
        "TRIAGE_DATA_DIR": str(data),
        "TRIAGE_API_COMPONENTS": "tests.api.parts:build",
        "TRIAGE_API_IDEMPOTENCY_LEASE_S": str(LEASE_S),
        "TRIAGE_API_BACKGROUND_JOBS": "false",
        "TRIAGE_LOG_LEVEL": "WARNING",
    }
    server = LiveServer(env, workers=1, log_path=data / "server.log")
    server.start()
    try:
        page = httpx.Client(base_url=server.url, timeout=120)
        idle = [latency for _, latency in _page_latencies(page, time.monotonic() + 3)]
        caller = authenticate(store, f"Bearer {key}")
        claim_key(store, caller.key_id, "busy", fingerprint, IdempotencyPolicy())
        files = {
            "document": ("order.pdf", pdf, "application/pdf"),
            "quote": (None, quote),
            "customer": (None, customer),
        }
        headers = {"Authorization": f"Bearer {key}", "Idempotency-Key": "busy"}
        gave_up: list[float] = []
        lock = threading.Lock()
        limits = httpx.Limits(max_connections=args.clients)
        orders = httpx.Client(base_url=server.url, timeout=120, limits=limits)

        def duplicate(_: int) -> int:
            status = orders.post("/v1/orders", files=files, headers=headers).status_code
            with lock:
                gave_up.append(time.monotonic())
            return status

        with ThreadPoolExecutor(args.clients) as pool:
            burst = list(pool.map(lambda i: pool.submit(duplicate, i), range(args.clients)))
            time.sleep(1.0)
            during = _page_latencies(page, time.monotonic() + LEASE_S)
            statuses = [future.result() for future in burst]
        first_answer = during[0][0] + during[0][1]
        early = sum(1 for t in gave_up if t < first_answer)
        latencies = [latency for _, latency in during]
        base = statistics.median(idle)
        print(f"{args.clients} waiting order requests, 1 server process, 40 request threads")
        print(f"  idle /review/login p50: 1.00x (baseline, {len(idle)} samples)")
        print(f"  during the burst p50: {statistics.median(latencies) / base:.1f}x,")
        print(f"  max: {max(latencies) / base:.1f}x, first answer: {during[0][1] / base:.1f}x")
        print(f"  duplicates answered before the page first answered: {early}/{args.clients}")
        print(f"  duplicate statuses: {sorted(set(statuses))}")
    finally:
        server.stop()
        store.close()


if __name__ == "__main__":
    main()
