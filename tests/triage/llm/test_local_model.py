"""Opt-in (TRIAGE_TEST_LLM=1): the whole path against a real local model, Gemma 3 270M.

Needs the ``llm-local`` extra. Starts llama.cpp's OpenAI-compatible server on 127.0.0.1,
runs the wrapped extractor through ChatOpenAI, and checks the governance guarantees hold
whatever the small model answers: nothing LLM-sourced reaches a rule's threshold, every
accepted value is quoted from the document, and every call is logged with its tokens.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from triage.config import REPO_ROOT
from triage.contract import FIELD_NAMES, CheckResult, Decision, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm import (
    GovernedChat,
    LlmAssistedExtractor,
    LlmSettings,
    build_governed_chat,
    locate_quote,
    summarize_for_analyst,
)
from triage.llm.local_server import LOCAL_MODEL_ALIAS, LocalModelServer, local_gguf

from .conftest import FixedExtractor

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("TRIAGE_TEST_LLM") != "1", reason="set TRIAGE_TEST_LLM=1"),
]


@pytest.fixture(scope="module")
def gemma(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GovernedChat]:
    """Serve the verified Gemma GGUF on loopback and return the governed chat for it."""
    folder = tmp_path_factory.mktemp("gemma")
    gguf = local_gguf(REPO_ROOT / "var" / "llm-models")
    with LocalModelServer(gguf, log=folder / "server.log") as server:
        settings = LlmSettings(
            base_url=server.base_url,
            model=LOCAL_MODEL_ALIAS,
            timeout_s=120.0,
            max_retries=0,
            data_dir=folder,
        )
        chat = build_governed_chat(settings)
        assert chat is not None
        yield chat


def test_a_real_model_never_bypasses_review(
    gemma: GovernedChat, order_form: ParsedDocument
) -> None:
    wrapped = LlmAssistedExtractor(FixedExtractor(), gemma)
    extraction = wrapped.extract(order_form)
    for name in FIELD_NAMES:
        field = extraction.fields.get(name)
        if field.source is ValueSource.LLM:
            assert field.confidence < wrapped.threshold(name)
            assert locate_quote(order_form, field.evidence[0].text) is not None
    calls = gemma.log.calls()
    assert calls and all(c.model == LOCAL_MODEL_ALIAS for c in calls)
    assert any(c.outcome == "ok" and (c.input_tokens or 0) > 0 for c in calls)
    assert len(gemma.log.answers()) == sum(c.outcome in ("ok", "cached") for c in calls)
    assert Path(str(gemma.log.path)).is_file()


def test_a_real_model_summary_is_faithful_or_replaced(gemma: GovernedChat) -> None:
    result = CheckResult(order_id="ord_local", decision=Decision.REVIEW, reasons=["no PO"])
    summary = summarize_for_analyst(result, gemma)
    assert summary.method in ("llm", "template")
    assert summary.generated is (summary.method == "llm")
    assert summary.prompt_version == "analyst-summary.v1"
