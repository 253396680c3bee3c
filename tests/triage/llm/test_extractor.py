"""The wrapper fills only what the deterministic extractor could not, and never worsens it."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import (
    FakeListChatModel,
    GenericFakeChatModel,
)

from triage.config import Settings
from triage.contract import FIELD_NAMES, ExtractedField, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm import GovernedChat, LlmAssistedExtractor, LlmSettings, with_llm_assistance

from .conftest import SAMPLE_VALUES, FixedExtractor

Governed = Callable[[BaseChatModel], GovernedChat]
NOTHING = json.dumps({"value": None, "quote": None})
TERMS = json.dumps({"value": 45, "quote": "no later than forty-five days"})


def known_fields(confidence: float = 0.95) -> dict[str, ExtractedField[object]]:
    """Every field found by the rules except payment terms."""
    return {
        name: ExtractedField(value=value, confidence=confidence)
        for name, value in SAMPLE_VALUES.items()
        if name != "payment_terms_days"
    }


def test_only_missing_fields_are_asked_and_filled(
    order_form: ParsedDocument, governed: Governed
) -> None:
    model = FakeListChatModel(responses=[TERMS])
    wrapped = LlmAssistedExtractor(FixedExtractor(**known_fields()), governed(model))
    extraction = wrapped.extract(order_form)
    terms = extraction.fields.payment_terms_days
    assert (terms.value, terms.source, terms.confidence) == (45, ValueSource.LLM, 0.4)
    assert model.i == 0  # one response, asked exactly once (the index wrapped around)
    assert [c.key for c in wrapped.chat.log.calls()] == ["payment_terms_days"]
    assert extraction.fields.order_number.source is ValueSource.DOCUMENT
    assert any("payment_terms_days: value suggested by an LLM" in w for w in extraction.warnings)


def test_a_sure_deterministic_value_is_never_asked_about(
    order_form: ParsedDocument, governed: Governed
) -> None:
    fields = known_fields() | {"payment_terms_days": ExtractedField(value=30, confidence=0.9)}
    wrapped = LlmAssistedExtractor(
        FixedExtractor(**fields), governed(FakeListChatModel(responses=[TERMS]))
    )
    extraction = wrapped.extract(order_form)
    assert extraction == FixedExtractor(**fields).extract(order_form)
    assert wrapped.chat.log.calls() == []


@pytest.mark.parametrize(("confidence", "replaced"), [(0.3, True), (0.55, False)])
def test_a_low_confidence_value_yields_only_to_a_surer_llm_value(
    order_form: ParsedDocument, governed: Governed, confidence: float, replaced: bool
) -> None:
    fields = known_fields() | {
        "payment_terms_days": ExtractedField(value=30, confidence=confidence)
    }
    wrapped = LlmAssistedExtractor(
        FixedExtractor(**fields), governed(FakeListChatModel(responses=[TERMS]))
    )
    terms = wrapped.extract(order_form).fields.payment_terms_days
    assert terms.value == (45 if replaced else 30)
    assert terms.confidence < wrapped.threshold("payment_terms_days")


def test_llm_failure_leaves_the_deterministic_extraction(
    order_form: ParsedDocument, governed: Governed
) -> None:
    def broken() -> Iterator[str]:
        raise ConnectionError("endpoint refused the connection")
        yield ""  # pragma: no cover

    base = FixedExtractor(**known_fields())
    wrapped = LlmAssistedExtractor(base, governed(GenericFakeChatModel(messages=broken())))
    extraction = wrapped.extract(order_form)
    assert extraction.fields.payment_terms_days.found is False
    assert [c.outcome for c in wrapped.chat.log.calls()] == ["error", "error"]


def test_the_per_document_budget_bounds_the_calls(
    order_form: ParsedDocument, governed: Governed
) -> None:
    chat = governed(FakeListChatModel(responses=[NOTHING]))
    chat.settings = LlmSettings(max_calls_per_document=3, retry_backoff_s=0.0)
    LlmAssistedExtractor(FixedExtractor(), chat).extract(order_form)
    outcomes = [c.outcome for c in chat.log.calls()]
    assert outcomes == ["ok", "ok", "ok", *["budget_exhausted"] * (len(FIELD_NAMES) - 3)]


def test_a_cap_at_or_above_a_rule_threshold_is_refused(governed: Governed) -> None:
    chat = governed(FakeListChatModel(responses=[NOTHING]))
    with pytest.raises(ValueError, match="must stay below"):
        LlmAssistedExtractor(FixedExtractor(), chat, thresholds={"po_number": 0.4})


def test_the_version_names_base_prompt_and_model(governed: Governed) -> None:
    wrapped = LlmAssistedExtractor(FixedExtractor(), governed(FakeListChatModel(responses=[""])))
    assert wrapped.version == "fixed-1+llm[field-fallback.v1]@fake-model"


def test_without_endpoint_and_model_the_extractor_is_left_alone(tmp_path: Path) -> None:
    base = FixedExtractor()
    assert with_llm_assistance(base, Settings(data_dir=tmp_path)) is base
    only_url = Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1")
    assert with_llm_assistance(base, only_url) is base
    both = Settings(data_dir=tmp_path, llm_base_url="http://127.0.0.1:9/v1", llm_model="m")
    assert isinstance(with_llm_assistance(base, both), LlmAssistedExtractor)
