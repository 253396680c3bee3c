"""The analyst summary states only the check result's facts, or falls back to the template."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from triage.contract import (
    BillingException,
    CheckResult,
    Decision,
    ExceptionCode,
    RiskScore,
    Severity,
)
from triage.llm import GovernedChat, summarize_for_analyst, template_summary
from triage.llm.summary import check_facts

Governed = Callable[[BaseChatModel], GovernedChat]


@pytest.fixture
def flagged() -> CheckResult:
    """Return a review result with one payment-terms exception and a dispute risk."""
    return CheckResult(
        order_id="ord_0123456789abcdef0123",
        decision=Decision.REVIEW,
        exceptions=[
            BillingException(
                code=ExceptionCode.PAYMENT_TERMS_MISMATCH,
                severity=Severity.HIGH,
                queue="finance-ar",
                field="payment_terms_days",
                expected=30,
                found=45,
                message="Order form says Net 45; customer master says Net 30.",
            )
        ],
        risk=RiskScore(dispute=0.41, delay=0.22, model_version="risk-2026.11.1"),
        reasons=["1 high-severity exception", "dispute risk 0.41 above threshold 0.30"],
    )


def summary_reply(text: str) -> str:
    return json.dumps({"summary": text})


def test_a_faithful_summary_is_kept_and_labelled_generated(
    flagged: CheckResult, governed: Governed
) -> None:
    text = (
        "The order form gives Net 45 payment terms while the customer master says Net 30 "
        "(PAYMENT_TERMS_MISMATCH, high). Dispute risk is 0.41, above the 0.30 threshold."
    )
    summary = summarize_for_analyst(
        flagged, governed(FakeListChatModel(responses=[summary_reply(text)]))
    )
    assert (summary.text, summary.method, summary.generated) == (text, "llm", True)
    assert summary.prompt_version == "analyst-summary.v1"
    assert summary.model == "fake-model"
    assert "Generated" in summary.label


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        (summary_reply("Payment terms are Net 60 instead of Net 30."), "mentions 60"),
        (summary_reply("Flagged for PRICE_MISMATCH on the platform line."), "PRICE_MISMATCH"),
        ("The order was flagged because of payment terms.", "malformed"),
        (summary_reply("  "), "empty summary"),
    ],
)
def test_an_unfaithful_or_broken_summary_falls_back_to_the_template(
    flagged: CheckResult, governed: Governed, reply: str, reason: str
) -> None:
    summary = summarize_for_analyst(flagged, governed(FakeListChatModel(responses=[reply])))
    assert summary.method == "template"
    assert summary.generated is False
    assert summary.text == template_summary(flagged)
    assert summary.fallback_reason is not None and reason in summary.fallback_reason


def test_without_a_model_the_template_is_used(flagged: CheckResult) -> None:
    summary = summarize_for_analyst(flagged, None)
    assert summary.method == "template"
    assert summary.fallback_reason is None
    assert summary.text.startswith("Sent to review: 1 exception. PAYMENT_TERMS_MISMATCH (high")
    assert "Net 45" in summary.text


def test_the_summary_is_built_from_the_check_facts_only(flagged: CheckResult) -> None:
    facts = check_facts(flagged)
    assert set(facts) == {"decision", "reasons", "exceptions", "risk"}
    assert facts["exceptions"][0]["expected"] == 30
    assert "risk-2026.11.1" not in json.dumps(facts)
