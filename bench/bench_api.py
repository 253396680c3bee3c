"""POST /v1/orders under 16 concurrent clients against ``serve --workers 2``.

Prints throughput and p50/p99 latency of order submission (a distinct 3-page PDF and a
unique Idempotency-Key per request) beside the same figures for /healthz in the same run,
then reads the p99 against the issue's target (p99 < 4 x the median extraction time) and
against what the machine allows: with C closed-loop clients, K cores and S CPU-seconds of
server work per order, the mean latency cannot be below C x S / K (Little's law), whatever
the server does. The server's CPU time is read from /proc for its whole process tree.

A last run pins the server to one core to show how throughput scales with cores (the
parse and extraction children are sized to the cores the server may use). Only 127.0.0.1
traffic; every loop is bounded.

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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.api.fixtures import customer_json, quote_json  # noqa: E402
from tests.api.live_server import LiveServer  # noqa: E402
from triage.config import Settings, usable_cores  # noqa: E402
from triage.contract import Customer  # noqa: E402
from triage.documents.specimen import render_order_form  # noqa: E402
from triage.service import create_api_key  # noqa: E402
from triage.store import open_store  # noqa: E402

CLIENTS = 16
PAGES = 3
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Row:
    """One measured run."""

    label: str
    requests: int
    wall_s: float
    latencies: list[float]
    errors: int
    server_cpu_s: float

    @property
    def rps(self) -> float:
        return self.requests / self.wall_s

    def quantile(self, q: float) -> float:
        """Return the ``q`` quantile (0..1) of the latencies by nearest rank."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]

    @property
    def cpu_per_request_s(self) -> float:
        return self.server_cpu_s / self.requests


def _tree_cpu_s(root: int) -> float:
    """Return the CPU seconds (user + system) used so far by ``root`` and its descendants."""
    total, pending = 0.0, [root]
    while pending:
        pid = pending.pop()
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / TICKS
            for task in Path(f"/proc/{pid}/task").iterdir():
                pending += [int(p) for p in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue  # a child that ended between two reads
    return total


def run(
    label: str, count: int, send: Callable[[int], bool], server_pid: int, clients: int = CLIENTS
) -> Row:
    """Send ``count`` requests from ``clients`` threads and measure them."""
    latencies: list[float] = []
    errors = 0

    def one(i: int) -> None:
        nonlocal errors
        started = time.perf_counter()
        ok = send(i)
        latencies.append(time.perf_counter() - started)
        errors += 0 if ok else 1

    cpu_before = _tree_cpu_s(server_pid)
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, range(count)))
    wall = time.perf_counter() - started
    return Row(label, count, wall, latencies, errors, _tree_cpu_s(server_pid) - cpu_before)


def extraction_median(components: str, pdfs: list[bytes]) -> float:
    """Return the median seconds of one in-process read+extract of the benchmark PDFs."""
    from api.runtime import load_components_factory

    settings = Settings(extract_workers=0)
    customer = Customer.model_validate_json(customer_json())
    times = []
    with load_components_factory(components)(settings) as parts:
        for number, pdf in enumerate(pdfs[:40]):
            started = time.perf_counter()
            document = parts.reader.read(pdf, filename="order.pdf")
            parts.extractor.extract(document, country=customer.country)
            if number >= 10:  # the first documents warm the caches, as in the server
                times.append(time.perf_counter() - started)
    return statistics.median(times)


class Bench:
    """One server, its key and a client, with a supply of distinct PDFs."""

    def __init__(self, data: Path, components: str, pdfs: list[bytes], cpus: set[int] | None):
        store = open_store(f"sqlite:///{data / 'triage.db'}", data)
        self.token = create_api_key(store, role="service").key
        store.close()
        env = {
            "TRIAGE_DATA_DIR": str(data),
            "TRIAGE_API_COMPONENTS": components,
            "TRIAGE_LOG_LEVEL": "WARNING",
        }
        self.server = LiveServer(env, workers=2, log_path=data / "server.log", cpus=cpus)
        self.pdfs = pdfs
        self.next_pdf = 0
        self.timings: dict[str, list[float]] = {}

    def __enter__(self) -> Bench:
        self.server.start()
        assert self.server.process is not None
        self.pid = self.server.process.pid
        self.client = httpx.Client(
            base_url=self.server.url, timeout=120, limits=httpx.Limits(max_connections=CLIENTS)
        )
        return self

    def __exit__(self, *exc: object) -> None:
        self.client.close()
        self.server.stop()

    def noop(self, _i: int) -> bool:
        return self.client.get("/healthz").status_code == 200

    def orders(self, count: int) -> Callable[[int], bool]:
        """Return a sender of ``count`` new orders, each with its own PDF and key."""
        first = self.next_pdf
        self.next_pdf += count
        self.timings = {}

        def send(i: int) -> bool:
            number = first + i
            files = {
                "document": ("order.pdf", self.pdfs[number], "application/pdf"),
                "quote": (None, quote_json()),
                "customer": (None, customer_json()),
            }
            headers = {"Authorization": f"Bearer {self.token}", "Idempotency-Key": f"b{number}"}
            response = self.client.post("/v1/orders", files=files, headers=headers)
            timing = response.headers.get("server-timing", "")
            for name, value in re.findall(r"(\w+);dur=([\d.]+)", timing):
                self.timings.setdefault(name, []).append(float(value) / 1000)
            return response.status_code == 201

        return send

    def warm_up(self) -> None:
        """Open the connections and let every child process see a few documents."""
        run("warm-up", CLIENTS, self.noop, self.pid)
        run("warm-up orders", CLIENTS * 2, self.orders(CLIENTS * 2), self.pid)


def _print_rows(rows: list[Row]) -> None:
    print(
        f"{'endpoint':34} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}"
        f" {'server CPU ms/req':>18}"
    )
    for row in rows:
        print(
            f"{row.label:34} {row.rps:7.1f} {row.quantile(0.5) * 1000:8.1f}"
            f" {row.quantile(0.99) * 1000:8.1f} {row.errors:6d}"
            f" {row.cpu_per_request_s * 1000:18.1f}"
        )


def main() -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=160)
    parser.add_argument("--components", default="triage.components:load_components")
    args = parser.parse_args()
    cores = usable_cores()
    total = args.requests * 2 + CLIENTS * 6
    pdfs = [render_order_form(seed, pages=PAGES) for seed in range(total)]
    extraction = extraction_median(args.components, pdfs)
    with tempfile.TemporaryDirectory(prefix="bench-api-") as tmp:
        with Bench(Path(tmp) / "all", args.components, pdfs, None) as bench:
            bench.warm_up()
            noop = run("GET /healthz (no-op)", args.requests * 4, bench.noop, bench.pid)
            loaded = run(
                f"POST /v1/orders ({PAGES}-page PDF)",
                args.requests,
                bench.orders(args.requests),
                bench.pid,
            )
            timings = bench.timings
            light = run(
                f"POST /v1/orders, {cores} clients",
                args.requests // 4,
                bench.orders(args.requests // 4),
                bench.pid,
                clients=cores,
            )
        one_core = None
        if cores > 1:
            with Bench(
                Path(tmp) / "one", args.components, pdfs, {min(os.sched_getaffinity(0))}
            ) as b:
                b.warm_up()
                one_core = run(
                    "POST /v1/orders, server on 1 core",
                    args.requests // 2,
                    b.orders(args.requests // 2),
                    b.pid,
                )
    print(f"{CLIENTS} clients, serve --workers 2 on {cores} cores, components {args.components}")
    _print_rows([noop, loaded, light, *([one_core] if one_core else [])])
    p50, p99 = loaded.quantile(0.5), loaded.quantile(0.99)
    floor = CLIENTS * loaded.cpu_per_request_s / cores
    print(f"\nwhere the {CLIENTS}-client requests' time went (Server-Timing medians):")
    for name in ("queue", "pipeline", "store"):
        if name in timings:
            print(f"  {name:9} {statistics.median(timings[name]) * 1000:8.1f} ms")
    print(
        f"\nmedian read+extract in an idle process: {extraction * 1000:.1f} ms;"
        f" p99 / that = {p99 / extraction:.1f}x at {CLIENTS} clients (target < 4x),"
        f" {light.quantile(0.99) / extraction:.1f}x at {cores} clients"
    )
    print(
        f"Little's law floor of the mean latency at {CLIENTS} clients:"
        f" {CLIENTS} x {loaded.cpu_per_request_s * 1000:.1f} ms CPU per order / {cores} cores"
        f" = {floor * 1000:.0f} ms; p50 / floor = {p50 / floor:.2f},"
        f" p99 / floor = {p99 / floor:.2f}, p99 / p50 = {p99 / p50:.2f}"
    )
    print(
        f"cores at which the floor falls under 4x the extraction time:"
        f" {CLIENTS * loaded.cpu_per_request_s / (4 * extraction):.1f}"
    )
    if one_core:
        print(
            f"throughput on {cores} cores / on 1 core:"
            f" {loaded.rps / one_core.rps:.2f} (linear would be {cores})"
        )


if __name__ == "__main__":
    main()
