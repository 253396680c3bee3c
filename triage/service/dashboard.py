"""The review dashboard: how the automated check and the analysts did over a period.

Override rate of a rule (by exception code): of the orders decided in the period that
raised the code, the share where the analyst disagreed with it, i.e. the order was
approved without correction, or corrected and the re-run no longer raised the code.
A rejected order, or a corrected one that still raises the code, upholds the rule.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from triage.auth import Caller
from triage.errors import InputError
from triage.store import Store
from triage.store import dashboard as queries
from triage.store.dashboard import DecidedOrder

__all__ = [
    "AnalystTally",
    "Bucket",
    "DashboardReport",
    "RuleOverride",
    "dashboard_report",
    "is_override",
]

RISK_BINS = 10


@dataclass(frozen=True)
class Bucket:
    """A labelled count (a bar of a chart)."""

    label: str
    count: int


@dataclass(frozen=True)
class AnalystTally:
    """Decisions one analyst made in the period."""

    analyst: str
    approve: int
    correct: int
    reject: int

    @property
    def total(self) -> int:
        """Return the analyst's decisions of every kind."""
        return self.approve + self.correct + self.reject


@dataclass(frozen=True)
class RuleOverride:
    """How often analysts overrode one rule."""

    code: str
    decided: int
    overridden: int

    @property
    def rate(self) -> float:
        """Return overridden / decided (0 when nothing was decided)."""
        return self.overridden / self.decided if self.decided else 0.0


@dataclass(frozen=True)
class DashboardReport:
    """Every figure of the dashboard for one period."""

    since: datetime
    until: datetime
    orders_total: int
    touchless_rate: float | None
    exception_rates: list[tuple[str, float]]
    queue_size: int
    queue_aging: list[Bucket]
    analysts: list[AnalystTally]
    risk_histogram: list[Bucket]
    scored_orders: int
    overrides: list[RuleOverride]


def is_override(decided: DecidedOrder, code: str) -> bool:
    """Return True when the decision on ``decided`` overrode the exception ``code``."""
    if decided.action == "approve":
        return True
    if decided.action != "correct":
        return False
    after = json.loads(decided.after_json) if decided.after_json else {}
    return code not in set(after.get("exceptions", []))


def _overrides(decisions: list[DecidedOrder]) -> list[RuleOverride]:
    tally: dict[str, list[int]] = {}
    for decided in decisions:
        for code in decided.codes_before:
            counts = tally.setdefault(code, [0, 0])
            counts[0] += 1
            counts[1] += is_override(decided, code)
    rules = [RuleOverride(code, n, over) for code, (n, over) in tally.items()]
    return sorted(rules, key=lambda r: (-r.rate, r.code))


def _aging(times: list[datetime], now: datetime, sla: timedelta) -> list[Bucket]:
    edges = [("under ½ SLA", sla / 2), ("½–1 SLA", sla), ("1–2× SLA", sla * 2)]
    counts = [0] * (len(edges) + 1)
    for created in times:
        age = now - created
        index = next((i for i, (_, edge) in enumerate(edges) if age < edge), len(edges))
        counts[index] += 1
    labels = [label for label, _ in edges] + ["over 2× SLA"]
    return [Bucket(label, n) for label, n in zip(labels, counts, strict=True)]


def _histogram(risks: list[float]) -> list[Bucket]:
    counts = [0] * RISK_BINS
    for risk in risks:
        counts[min(RISK_BINS - 1, int(risk * RISK_BINS))] += 1
    width = 1 / RISK_BINS
    return [Bucket(f"{i * width:.1f}–{(i + 1) * width:.1f}", n) for i, n in enumerate(counts)]


def dashboard_report(
    store: Store,
    viewer: Caller,
    since: datetime,
    until: datetime,
    *,
    sla: timedelta = timedelta(hours=24),
) -> DashboardReport:
    """Return the dashboard's figures for the viewer's tenant's orders and decisions in
    ``[since, until)``."""
    if until <= since:
        raise InputError("period: 'until' must be after 'since'")
    now = datetime.now(UTC)
    with store.transaction() as session:
        tenant = viewer.tenant_id
        by_check = queries.decisions_by_check(session, since, until, tenant_id=tenant)
        by_code = queries.orders_by_code(session, since, until, tenant_id=tenant)
        risks = queries.order_risks(session, since, until, tenant_id=tenant)
        open_times = queries.open_item_times(session, tenant_id=tenant)
        tallies = queries.analyst_decisions(session, since, until, tenant_id=tenant)
        decisions = list(queries.decided_orders(session, since, until, tenant_id=tenant))
    total = sum(by_check.values())
    per_analyst: dict[str, dict[str, int]] = {}
    for name, action, n in tallies:
        per_analyst.setdefault(name, {})[action] = n
    analysts = [
        AnalystTally(name, a.get("approve", 0), a.get("correct", 0), a.get("reject", 0))
        for name, a in per_analyst.items()
    ]
    return DashboardReport(
        since=since,
        until=until,
        orders_total=total,
        touchless_rate=by_check.get("pass", 0) / total if total else None,
        exception_rates=sorted(
            ((code, n / total) for code, n in by_code.items()), key=lambda c: (-c[1], c[0])
        )
        if total
        else [],
        queue_size=len(open_times),
        queue_aging=_aging(open_times, now, sla),
        analysts=sorted(analysts, key=lambda t: (-t.total, t.analyst)),
        risk_histogram=_histogram(risks),
        scored_orders=len(risks),
        overrides=_overrides(decisions),
    )
