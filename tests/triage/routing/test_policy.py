"""The routing policy: decisions, plain-words reasons, queues, and refusing a bad file."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from triage.comparison import RulePack
from triage.config import REPO_ROOT
from triage.contract import BillingException, Decision, ExceptionCode, RiskScore, Severity
from triage.errors import ConfigError
from triage.routing import RoutingPolicy

POLICY_PATH = REPO_ROOT / "rules" / "policy.yaml"
POLICY = RoutingPolicy.load(POLICY_PATH)


def exception(
    severity: Severity,
    code: ExceptionCode = ExceptionCode.PAYMENT_TERMS_MISMATCH,
    queue: str = "finance-ar",
) -> BillingException:
    return BillingException(code=code, severity=severity, queue=queue, message="m")


def risk(dispute: float, delay: float) -> RiskScore:
    return RiskScore(dispute=dispute, delay=delay, model_version="risk-test")


@pytest.fixture
def policy_doc() -> dict[str, Any]:
    """A fresh copy of the shipped policy document."""
    return copy.deepcopy(yaml.safe_load(POLICY_PATH.read_text()))


def test_clean_order_without_risk_model_passes_and_says_so() -> None:
    assert POLICY.decide([], None) == (
        Decision.PASS,
        ["no exceptions", "no risk model was applied"],
    )


def test_high_severity_exception_sends_to_review() -> None:
    decision, reasons = POLICY.decide([exception(Severity.HIGH)], None)
    assert decision is Decision.REVIEW
    assert reasons == ["1 high-severity exception (PAYMENT_TERMS_MISMATCH)"]


def test_medium_is_the_boundary_and_low_alone_passes() -> None:
    assert POLICY.decide([exception(Severity.MEDIUM)], None)[0] is Decision.REVIEW
    decision, reasons = POLICY.decide([exception(Severity.LOW), exception(Severity.LOW)], None)
    assert decision is Decision.PASS
    assert reasons[0] == (
        "2 low-severity exceptions (PAYMENT_TERMS_MISMATCH ×2), below the review threshold"
    )


def test_reasons_list_severities_highest_first() -> None:
    found = [
        exception(Severity.MEDIUM, ExceptionCode.PO_MISSING),
        exception(Severity.CRITICAL, ExceptionCode.CREDIT_HOLD),
        exception(Severity.MEDIUM, ExceptionCode.TAX_ID_MISSING),
    ]
    assert POLICY.decide(found, None)[1] == [
        "1 critical-severity exception (CREDIT_HOLD)",
        "2 medium-severity exceptions (PO_MISSING, TAX_ID_MISSING)",
    ]


def test_risk_above_threshold_sends_a_clean_order_to_review() -> None:
    decision, reasons = POLICY.decide([], risk(0.41, 0.10))
    assert decision is Decision.REVIEW
    assert reasons == ["dispute risk 0.41 above threshold 0.30"]


def test_risk_at_threshold_passes_with_reasons() -> None:
    decision, reasons = POLICY.decide([], risk(0.30, 0.35))
    assert decision is Decision.PASS
    assert reasons == [
        "no exceptions",
        "delay risk 0.35 within threshold 0.35",
        "dispute risk 0.30 within threshold 0.30",
    ]


def test_on_the_order_basis_a_risk_from_payment_history_alone_passes() -> None:
    assert POLICY.risk_basis == "order"
    own = {"dispute": 0.1, "delay": 0.14}
    decision, reasons = POLICY.decide([], risk(0.12, 0.41), order_risk=own)
    assert decision is Decision.PASS
    assert reasons == [
        "no exceptions",
        "delay risk 0.41 above threshold 0.35 through the customer's payment history alone"
        " (0.14 at a typical history)",
        "dispute risk 0.12 within threshold 0.30",
    ]


def test_on_the_order_basis_both_risks_must_be_above_the_threshold() -> None:
    own_risky = {"dispute": 0.45, "delay": 0.40}
    decision, reasons = POLICY.decide([], risk(0.41, 0.10), order_risk=own_risky)
    assert decision is Decision.REVIEW
    assert reasons == ["dispute risk 0.41 above threshold 0.30"]
    # a good history keeps an order whose own risk is high below the threshold
    assert POLICY.decide([], risk(0.20, 0.10), order_risk=own_risky)[0] is Decision.PASS


def test_on_the_full_basis_the_order_risk_is_not_consulted(policy_doc: dict[str, Any]) -> None:
    policy_doc["risk_basis"] = "full"
    policy = RoutingPolicy.from_mapping(policy_doc)
    own = {"dispute": 0.1, "delay": 0.1}
    assert policy.decide([], risk(0.12, 0.41), order_risk=own) == (
        Decision.REVIEW,
        ["delay risk 0.41 above threshold 0.35"],
    )
    del policy_doc["risk_basis"]
    assert RoutingPolicy.from_mapping(policy_doc).risk_basis == "full"


def test_the_order_risk_is_asked_for_only_where_it_can_decide(
    policy_doc: dict[str, Any],
) -> None:
    assert POLICY.needs_order_risk(risk(0.12, 0.41))
    assert not POLICY.needs_order_risk(risk(0.30, 0.35))  # at the thresholds: nothing to heed
    policy_doc["risk_basis"] = "full"
    assert not RoutingPolicy.from_mapping(policy_doc).needs_order_risk(risk(0.12, 0.41))


def test_an_unknown_risk_basis_is_refused(policy_doc: dict[str, Any]) -> None:
    policy_doc["risk_basis"] = "customer"
    with pytest.raises(ConfigError, match="risk_basis"):
        RoutingPolicy.from_mapping(policy_doc)


def test_policy_queue_wins_over_pack_queue(policy_doc: dict[str, Any]) -> None:
    policy_doc["queues"]["PAYMENT_TERMS_MISMATCH"] = "collections"
    policy = RoutingPolicy.from_mapping(policy_doc)
    routed = policy.assign_queues([exception(Severity.HIGH)])
    assert routed[0].queue == "collections"
    assert policy.queue_for(ExceptionCode.PO_MISSING, "anything") == "billing-ops"


def test_shipped_policy_and_pack_agree_on_queues() -> None:
    pack = RulePack.load(REPO_ROOT / "rules" / "default.yaml")
    for rule in pack.rules:
        assert POLICY.queue_for(rule.function.code, rule.queue) == rule.queue, rule.id


def test_unknown_code_in_queues_is_refused(policy_doc: dict[str, Any]) -> None:
    policy_doc["queues"]["PRICE_MISMACH"] = "deal-desk"
    with pytest.raises(ConfigError, match=r"queues\.PRICE_MISMACH"):
        RoutingPolicy.from_mapping(policy_doc)


def test_out_of_range_threshold_is_refused(policy_doc: dict[str, Any]) -> None:
    policy_doc["risk_thresholds"]["dispute"] = 1.5
    with pytest.raises(ConfigError, match=r"risk_thresholds\.dispute"):
        RoutingPolicy.from_mapping(policy_doc)


def test_unknown_severity_is_refused(policy_doc: dict[str, Any]) -> None:
    policy_doc["review_severities"] = ["severe"]
    with pytest.raises(ConfigError, match=r"review_severities\.0"):
        RoutingPolicy.from_mapping(policy_doc)


def test_empty_review_severities_pass_everything_without_risk(policy_doc: dict[str, Any]) -> None:
    policy_doc["review_severities"] = []
    policy = RoutingPolicy.from_mapping(policy_doc)
    assert policy.decide([exception(Severity.CRITICAL)], None)[0] is Decision.PASS
