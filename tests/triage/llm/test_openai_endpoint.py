"""End to end through the real OpenAI-compatible client against a scripted local server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from langchain_openai import ChatOpenAI

from triage.contract import ExtractedField, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm import LlmAssistedExtractor, LlmSettings, build_chat_model, build_governed_chat

from .conftest import SAMPLE_VALUES, FixedExtractor
from .openai_server import ScriptedOpenAIServer, Stall

ASKED = ("payment_terms_days", "term_months", "po_number", "currency")


@pytest.fixture
def server() -> Iterator[ScriptedOpenAIServer]:
    """Serve: a grounded answer, a hallucinated quote, a malformed answer and a stall."""
    scripted = ScriptedOpenAIServer(
        script={
            "Field: payment_terms_days": json.dumps(
                {"value": 45, "quote": "payable no later than forty-five days"}
            ),
            "Field: term_months": json.dumps(
                {"value": 24, "quote": "the subscription runs for two years"}
            ),
            "Field: po_number": '{"value": "PO-99", "quote": ',
            "Field: currency": Stall(2.0),
        }
    ).start()
    yield scripted
    scripted.stop()


def test_the_real_client_path_accepts_only_the_grounded_answer(
    server: ScriptedOpenAIServer, order_form: ParsedDocument, tmp_path: Path
) -> None:
    settings = LlmSettings(
        base_url=server.base_url,
        model="scripted-model",
        timeout_s=0.5,
        retry_backoff_s=0.01,
        data_dir=tmp_path,
    )
    known = {n: v for n, v in SAMPLE_VALUES.items() if n not in ASKED}
    base = FixedExtractor(**{n: ExtractedField(value=v, confidence=0.9) for n, v in known.items()})
    chat = build_governed_chat(settings)
    assert chat is not None
    extraction = LlmAssistedExtractor(base, chat).extract(order_form)

    terms = extraction.fields.payment_terms_days
    assert (terms.value, terms.source, terms.confidence) == (45, ValueSource.LLM, 0.4)
    assert terms.evidence[0].text == "payable no later than forty-five days"
    for name in ("term_months", "po_number", "currency"):
        assert extraction.fields.get(name).found is False

    records = [json.loads(line) for line in (tmp_path / "llm" / "calls.jsonl").open()]
    verdicts = {r["key"]: r["verdict"] for r in records if r["event"] == "llm.answer"}
    assert verdicts == {
        "payment_terms_days": "accepted",
        "term_months": "ungrounded",
        "po_number": "malformed",
    }
    calls = [r for r in records if r["event"] == "llm.call"]
    assert [c["outcome"] for c in calls if c["key"] == "currency"] == ["timeout", "timeout"]
    ok = next(c for c in calls if c["key"] == "payment_terms_days")
    assert ok["model"] == "scripted-model"
    assert ok["prompt_version"] == "field-fallback.v1"
    grounded = server.script["Field: payment_terms_days"]
    assert isinstance(grounded, str)
    assert ok["input_tokens"] > 100
    assert ok["output_tokens"] == len(grounded.split())  # the server's usage, passed through
    assert all(r["response_format"] == {"type": "json_object"} for r in server.requests)
    assert {r["model"] for r in server.requests} == {"scripted-model"}
    # both spellings of the output cap reach the server: older servers read only max_tokens
    assert {(r["max_tokens"], r["max_completion_tokens"]) for r in server.requests} == {(200, 200)}


def test_the_factory_builds_nothing_when_the_llm_is_off() -> None:
    assert build_chat_model(LlmSettings()) is None
    assert build_chat_model(LlmSettings(base_url="http://127.0.0.1:1/v1")) is None
    built = build_chat_model(LlmSettings(base_url="http://127.0.0.1:1/v1", model="m"))
    assert isinstance(built, ChatOpenAI)
    assert built.max_retries == 0
