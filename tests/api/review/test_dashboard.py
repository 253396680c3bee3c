"""Dashboard figures over a period, including the override rate of each rule."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from triage.errors import InputError
from triage.service import record_decision
from triage.service.dashboard import dashboard_report, is_override
from triage.service.schemas import DecisionRequest, ReviewAction
from triage.store.dashboard import DecidedOrder


def _decide(store, parts, analyst, order_id, action, **more):
    request = DecisionRequest(action=action, reason_code="TEST", **more)
    return record_decision(store, parts, analyst, order_id, request)


def test_dashboard_counts_orders_decisions_and_overrides(store, parts, submit, alice, bob):
    approved = submit("d-approve")["order_id"]
    corrected = submit("d-correct")["order_id"]
    still = submit("d-still")["order_id"]
    rejected = submit("d-reject")["order_id"]
    submit("d-open")
    submit("d-clean", 30)
    _decide(store, parts, alice, approved, ReviewAction.APPROVE)
    fix = {"payment_terms_days": 30}
    _decide(store, parts, alice, corrected, ReviewAction.CORRECT, corrections=fix)
    keep = {"payment_terms_days": 60}
    _decide(store, parts, bob, still, ReviewAction.CORRECT, corrections=keep)
    _decide(store, parts, bob, rejected, ReviewAction.REJECT)

    now = datetime.now(UTC)
    report = dashboard_report(store, alice, now - timedelta(days=1), now + timedelta(seconds=1))
    assert report.orders_total == 6
    assert report.touchless_rate == pytest.approx(1 / 6)
    # five orders raised it; the one corrected to Net 30 no longer has it
    assert dict(report.exception_rates) == {"PAYMENT_TERMS_MISMATCH": pytest.approx(4 / 6)}
    assert report.queue_size == 1
    assert sum(b.count for b in report.queue_aging) == 1
    assert report.queue_aging[0].count == 1
    tallies = {t.analyst: (t.approve, t.correct, t.reject) for t in report.analysts}
    assert tallies == {"Alice": (1, 1, 0), "Bob": (0, 1, 1)}
    [rule] = report.overrides
    assert (rule.code, rule.decided, rule.overridden) == ("PAYMENT_TERMS_MISMATCH", 4, 2)
    assert rule.rate == pytest.approx(0.5)
    assert report.scored_orders == 6
    assert sum(b.count for b in report.risk_histogram) == 6


def test_a_period_without_activity_is_empty(store, parts, submit, alice):
    order_id = submit("p-1")["order_id"]
    _decide(store, parts, alice, order_id, ReviewAction.APPROVE)
    later = datetime.now(UTC) + timedelta(hours=1)
    report = dashboard_report(store, alice, later, later + timedelta(days=1))
    assert report.orders_total == 0 and report.touchless_rate is None
    assert report.analysts == [] and report.overrides == [] and report.exception_rates == []
    assert report.queue_size == 0
    with pytest.raises(InputError, match="until"):
        dashboard_report(store, alice, later, later)


def test_override_means_approved_as_is_or_gone_after_correction():
    def decided(action, after):
        return DecidedOrder("o", action, frozenset({"A", "B"}), json.dumps({"exceptions": after}))

    assert is_override(decided("approve", ["A", "B"]), "A")
    assert is_override(decided("correct", ["B"]), "A")
    assert not is_override(decided("correct", ["B"]), "B")
    assert not is_override(decided("reject", []), "A")
