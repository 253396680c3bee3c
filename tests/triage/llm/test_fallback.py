"""The grounded fallback keeps an answer only when the document proves it."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from triage.contract import BillingFrequency, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm import GovernedChat, GroundedFieldFallback

Governed = Callable[[BaseChatModel], GovernedChat]


def answer(value: object, quote: str | None) -> str:
    return json.dumps({"value": value, "quote": quote})


def propose(order_form: ParsedDocument, chat: GovernedChat, *names: str) -> dict[str, object]:
    fallback = GroundedFieldFallback(chat)
    return dict(fallback.propose(order_form, names, chat.new_budget()))


def logged_verdicts(chat: GovernedChat) -> dict[str, str]:
    assert chat.settings.call_log_path is not None
    lines = chat.settings.call_log_path.read_text().splitlines()
    records = [json.loads(line) for line in lines]
    return {r["key"]: r["verdict"] for r in records if r["event"] == "llm.answer"}


def test_grounded_answers_are_typed_marked_llm_and_capped(
    order_form: ParsedDocument, governed: Governed
) -> None:
    model = FakeListChatModel(
        responses=[
            answer(45, "payable no later than forty-five days after the date of each invoice"),
            answer("36", "for a period of three years"),
            answer("quarterly", "once every three months in advance"),
            "```json\n" + answer("2027-03-14", "Jane Roe on 14 March 2027") + "\n```",
        ]
    )
    chat = governed(model)
    fields = propose(
        order_form,
        chat,
        "payment_terms_days",
        "term_months",
        "billing_frequency",
        "customer_signed_date",
    )
    assert {name: f.value for name, f in fields.items()} == {  # type: ignore[attr-defined]
        "payment_terms_days": 45,
        "term_months": 36,
        "billing_frequency": BillingFrequency.QUARTERLY,
        "customer_signed_date": date(2027, 3, 14),
    }
    for field in fields.values():
        assert field.source is ValueSource.LLM  # type: ignore[attr-defined]
        assert field.confidence == chat.settings.confidence_cap  # type: ignore[attr-defined]
    signed = fields["customer_signed_date"].evidence[0]  # type: ignore[attr-defined]
    assert (signed.page, signed.text) == (2, "Jane Roe on 14 March 2027.")
    assert set(logged_verdicts(chat).values()) == {"accepted"}


@pytest.mark.parametrize(
    ("reply", "verdict"),
    [
        (answer(30, "payable within thirty (30) days of invoice"), "ungrounded"),
        (answer(30, None), "ungrounded"),
        (answer(30, "payable no later than forty-five days"), "unsupported"),
        ('{"value": 45, "quote": "payable no later than', "malformed"),
        ("Payment terms are 45 days.", "malformed"),
        (answer("forty-five", "no later than forty-five days"), "invalid"),
        (answer(None, None), "empty"),
    ],
)
def test_unproven_answers_are_discarded_and_logged(
    order_form: ParsedDocument, governed: Governed, reply: str, verdict: str
) -> None:
    chat = governed(FakeListChatModel(responses=[reply]))
    assert propose(order_form, chat, "payment_terms_days") == {}
    assert logged_verdicts(chat) == {"payment_terms_days": verdict}


def test_each_call_is_logged_with_prompt_version_model_and_latency(
    order_form: ParsedDocument, governed: Governed
) -> None:
    chat = governed(FakeListChatModel(responses=[answer(None, None)]))
    propose(order_form, chat, "po_number")
    [call] = chat.log.calls()
    assert call.prompt_version == "field-fallback.v1"
    assert call.model == "fake-model"
    assert call.document_sha256 == order_form.sha256
    assert call.outcome == "ok"
    assert call.latency_ms >= 0


def test_a_cached_reply_is_reused_across_processes(
    order_form: ParsedDocument, governed: Governed
) -> None:
    first = FakeListChatModel(responses=[answer(45, "no later than forty-five days")])
    assert propose(order_form, governed(first), "payment_terms_days")
    second = FakeListChatModel(responses=["should never be asked"])
    chat = governed(second)
    fields = propose(order_form, chat, "payment_terms_days")
    assert fields["payment_terms_days"].value == 45  # type: ignore[attr-defined]
    assert second.i == 0
    assert [c.outcome for c in chat.log.calls()] == ["cached"]
