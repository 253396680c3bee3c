"""The operations summary: touchless rate, exception rate by code, queue size and age."""

from __future__ import annotations

from datetime import UTC, datetime

from triage.auth import Caller
from triage.service.schemas import MetricsSummary
from triage.store import Store, stats

__all__ = ["metrics_summary", "open_queue_size"]


def metrics_summary(store: Store, caller: Caller) -> MetricsSummary:
    """Return the summary over every order of the caller's tenant."""
    now = datetime.now(UTC)
    with store.transaction() as session:
        counts = stats.count_by_decision(session, tenant_id=caller.tenant_id)
        by_code = stats.orders_by_code(session, tenant_id=caller.tenant_id)
        queue = stats.queue_stats(session, tenant_id=caller.tenant_id)
    total = counts.total
    return MetricsSummary(
        orders_total=total,
        touchless_rate=counts.passed / total if total else None,
        exception_rate_by_code={code: n / total for code, n in by_code.items()} if total else {},
        queue_size=queue.size,
        oldest_item_age_seconds=(now - queue.oldest).total_seconds() if queue.oldest else None,
    )


def open_queue_size(store: Store) -> int:
    """Return how many review items are open (for the Prometheus gauge)."""
    with store.transaction() as session:
        return stats.open_queue_size(session)
