"""POST /v1/orders under 16 concurrent clients against ``serve --workers 2``.

Prints throughput and p50/p99 latency of order submission (a 3-page PDF, a unique
Idempotency-Key per request) beside the same figures for /healthz in the same run, and
the median in-process extraction time, so the p99 can be read against the target
(p99 < 4 x median extraction). Only 127.0.0.1 traffic; every loop is bounded.

    python bench/bench_api.py [--requests 160] [--components tests.api.parts:build]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.api.fixtures import customer_json, quote_json  # noqa: E402
from tests.api.live_server import LiveServer  # noqa: E402
from triage.config import Settings  # noqa: E402
from triage.contract import Customer  # noqa: E402
from triage.documents.specimen import render_order_form  # noqa: E402
from triage.service import create_api_key  # noqa: E402
from triage.store import open_store  # noqa: E402

CLIENTS = 16
CORES = os.cpu_count() or 2
PAGES = 3


def percentile(values: list[float], q: float) -> float:
    """Return the ``q`` quantile (0..1) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def run(
    label: str, count: int, send: object, clients: int = CLIENTS
) -> tuple[str, float, float, float, int]:
    """Send ``count`` requests from ``clients`` threads; return label, rps, p50, p99, errors."""
    latencies: list[float] = []
    errors = 0

    def one(i: int) -> None:
        nonlocal errors
        started = time.perf_counter()
        ok = send(i)  # type: ignore[operator]
        latencies.append(time.perf_counter() - started)
        errors += 0 if ok else 1

    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(count)))
    wall = time.perf_counter() - started
    return label, count / wall, percentile(latencies, 0.5), percentile(latencies, 0.99), errors


def extraction_median(components: str, pdfs: list[bytes]) -> float:
    """Return the median seconds of one in-process read+extract of the benchmark PDFs."""
    from api.runtime import load_components_factory

    settings = Settings()
    customer = Customer.model_validate_json(customer_json())
    times = []
    with load_components_factory(components)(settings) as parts:
        for pdf in pdfs[:15]:
            started = time.perf_counter()
            document = parts.reader.read(pdf, filename="order.pdf")
            parts.extractor.extract(document, country=customer.country)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=160)
    parser.add_argument("--components", default="triage.components:load_components")
    args = parser.parse_args()
    pdfs = [render_order_form(seed, pages=PAGES) for seed in range(args.requests * 2 + CLIENTS * 2)]
    extraction = extraction_median(args.components, pdfs)
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        data = Path(tmp)
        store = open_store(f"sqlite:///{data / 'triage.db'}", data)
        token = create_api_key(store, role="service").key
        store.close()
        env = {
            "TRIAGE_DATA_DIR": str(data),
            "TRIAGE_API_COMPONENTS": args.components,
            "TRIAGE_LOG_LEVEL": "WARNING",
        }
        server = LiveServer(env, workers=2, log_path=data / "server.log")
        server.start()
        headers = {"Authorization": f"Bearer {token}"}
        client = httpx.Client(
            base_url=server.url, timeout=120, limits=httpx.Limits(max_connections=CLIENTS)
        )
        pipeline_ms: list[float] = []
        try:

            def order(i: int) -> bool:
                files = {
                    "document": ("order.pdf", pdfs[i], "application/pdf"),
                    "quote": (None, quote_json()),
                    "customer": (None, customer_json()),
                }
                response = client.post(
                    "/v1/orders", files=files, headers={**headers, "Idempotency-Key": f"bench-{i}"}
                )
                timing = re.search(
                    r"pipeline;dur=([\d.]+)", response.headers.get("server-timing", "")
                )
                if timing and i < args.requests:
                    pipeline_ms.append(float(timing.group(1)))
                return response.status_code == 201

            def order_again(i: int) -> bool:
                return order(args.requests + i)

            def warm_order(i: int) -> bool:
                return order(args.requests * 2 + i)

            def noop(_i: int) -> bool:
                return client.get("/healthz").status_code == 200

            run("warm-up", CLIENTS, noop)
            # Each worker's first orders start its parse children and warm its caches:
            # measure the steady state, as a service that has been up for a while serves.
            run("warm-up orders", CLIENTS * 2, warm_order)
            rows = [
                run("GET /healthz (no-op)", args.requests * 4, noop),
                run(f"POST /v1/orders ({PAGES}-page PDF)", args.requests, order),
                run(f"POST /v1/orders, {CORES} clients", args.requests // 4, order_again, CORES),
            ]
        finally:
            client.close()
            server.stop()
    print(f"{CLIENTS} clients, serve --workers 2, components {args.components}")
    print(f"{'endpoint':32} {'req/s':>8} {'p50 ms':>9} {'p99 ms':>9} {'errors':>7}")
    for label, rps, p50, p99, errors in rows:
        print(f"{label:32} {rps:8.1f} {p50 * 1000:9.1f} {p99 * 1000:9.1f} {errors:7d}")
    order_p99 = rows[1][3]
    under_load = statistics.median(pipeline_ms) / 1000 if pipeline_ms else float("nan")
    print(
        f"median in-process extraction, idle process: {extraction * 1000:.1f} ms; "
        f"p99 / that = {order_p99 / extraction:.1f}x (target < 4x)"
    )
    print(
        f"median pipeline time inside the server under the same load (Server-Timing): "
        f"{under_load * 1000:.1f} ms; p99 / that = {order_p99 / under_load:.1f}x"
    )
    print(
        f"queueing bound: {CLIENTS} closed-loop clients on {CORES} cores keep ~{CLIENTS // CORES} "
        "orders per core in flight, so a request waits behind the others' CPU time"
    )


if __name__ == "__main__":
    main()
