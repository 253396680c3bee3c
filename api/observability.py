"""Prometheus metrics: request latency, decisions, exceptions and the review queue size.

With several uvicorn workers ``serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` so that every
worker's samples are summed on each scrape, whichever worker answers it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.registry import Collector

from triage.contract import CheckResult
from triage.service import open_queue_size
from triage.store import Store

__all__ = [
    "CONTENT_TYPE_LATEST",
    "count_decision",
    "count_result",
    "observe_admission_wait",
    "observe_request",
    "render_metrics",
]

REQUEST_SECONDS = Histogram(
    "triage_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["method", "route", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
DECISIONS = Counter(
    "triage_decisions",
    "Orders decided, by outcome (pass, review, approve, correct, reject).",
    ["outcome"],
)
ADMISSION_WAIT_SECONDS = Histogram(
    "triage_admission_wait_seconds",
    "Time a new order waited for its turn to be checked (orders_in_progress at once).",
    buckets=(0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
)
EXCEPTIONS = Counter("triage_exceptions", "Exceptions raised on new orders, by code.", ["code"])


class QueueSizeCollector(Collector):
    """Reads the open review queue size from the database at scrape time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[GaugeMetricFamily]:
        """Yield the queue size gauge."""
        gauge = GaugeMetricFamily("triage_review_queue_size", "Open review items.")
        gauge.add_metric([], open_queue_size(self.store))
        yield gauge


KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Record one answered request under a bounded set of labels.

    ``route`` must be a route template (or "unmatched"), never a raw path; a method
    outside ``KNOWN_METHODS`` is counted as "other" and an odd status as "other", so
    made-up methods cannot add series.
    """
    method_label = method if method in KNOWN_METHODS else "other"
    status_label = str(status) if 100 <= status <= 599 else "other"
    REQUEST_SECONDS.labels(method=method_label, route=route, status=status_label).observe(seconds)


def observe_admission_wait(seconds: float) -> None:
    """Record how long a new order waited at the admission gate."""
    ADMISSION_WAIT_SECONDS.observe(seconds)


def count_result(result: CheckResult) -> None:
    """Count a new order's automated decision and its exceptions."""
    DECISIONS.labels(outcome=result.decision.value).inc()
    for exception in result.exceptions:
        EXCEPTIONS.labels(code=exception.code.value).inc()


def count_decision(action: str) -> None:
    """Count an analyst's decision."""
    DECISIONS.labels(outcome=action).inc()


def render_metrics(store: Store) -> bytes:
    """Return every metric in the Prometheus text format."""
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
        registry.register(QueueSizeCollector(store))
        return generate_latest(registry)
    registry.register(QueueSizeCollector(store))
    return generate_latest(REGISTRY) + generate_latest(registry)
