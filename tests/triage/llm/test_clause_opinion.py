"""The clause second opinion asks only about unsure paragraphs and can only add findings."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence

from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from triage.contract import Clause, ClauseType
from triage.documents.parsed import ParsedDocument
from triage.llm import ClauseSecondOpinion, GovernedChat, LlmAssistedExtractor, ReplyCache

from .conftest import FixedExtractor, make_document

Governed = Callable[[BaseChatModel], GovernedChat]

TFC = "Customer may end this order at any time on sixty days written notice without penalty."
LAW = "This order is governed by the laws of the State of New York."
ESCROW = "Provider shall deposit the source code with an escrow agent."
PARAGRAPHS = [TFC, LAW, ESCROW]
SCORES: dict[str, dict[str, float]] = {
    TFC: {"termination_for_convenience": 0.45, "standard": 0.40, "exclusivity": 0.15},
    LAW: {"standard": 0.90, "other_nonstandard": 0.10},
    ESCROW: {"other_nonstandard": 0.85, "standard": 0.15},
}


def paragraphs(document: ParsedDocument) -> Sequence[str]:
    return [line.text for page in document.pages for line in page.lines]


def classify(texts: Sequence[str]) -> list[Mapping[str, float]]:
    return [SCORES[text] for text in texts]


def opinion(chat: GovernedChat) -> ClauseSecondOpinion:
    return ClauseSecondOpinion(chat, segment=paragraphs, classify=classify)


def reply(kind: str, quote: str | None) -> str:
    return json.dumps({"type": kind, "quote": quote})


def test_only_the_unsure_paragraph_is_a_candidate(governed: Governed) -> None:
    chat = governed(FakeListChatModel(responses=["{}"]))
    [unsure] = opinion(chat).unsure_passages(make_document([PARAGRAPHS]))
    assert (unsure.text, unsure.best_type, unsure.probability) == (
        TFC,
        "termination_for_convenience",
        0.45,
    )


def test_a_grounded_finding_is_added_with_capped_confidence_and_a_warning(
    governed: Governed,
) -> None:
    model = FakeListChatModel(
        responses=[reply("termination_for_convenience", "end this order at any time")]
    )
    chat = governed(model)
    wrapped = LlmAssistedExtractor(FixedExtractor(), chat, clause_opinion=opinion(chat))
    document = make_document([PARAGRAPHS])
    extraction = wrapped.extract(document)
    [clause] = extraction.clauses
    assert clause.type is ClauseType.TERMINATION_FOR_CONVENIENCE
    assert clause.text == TFC
    assert clause.confidence == 0.4
    assert clause.evidence[0].text == "end this order at any time"
    assert any(
        "clause termination_for_convenience: flagged by an LLM" in w for w in extraction.warnings
    )
    assert "clause-opinion.v1" in wrapped.version


def test_standard_answers_and_ungrounded_quotes_add_nothing(governed: Governed) -> None:
    document = make_document([PARAGRAPHS])
    for answer in (
        reply("standard", None),
        reply("termination_for_convenience", "may terminate for convenience"),
        reply("termination_for_convenience", "governed by the laws"),  # real, but elsewhere
        reply("walk_away_right", "end this order at any time"),
    ):
        chat = governed(FakeListChatModel(responses=[answer]))
        chat.cache = ReplyCache(None)  # each answer on its own, not the first one cached
        assert opinion(chat).review(document, [], chat.new_budget()) == []


def test_a_paragraph_already_reported_is_not_asked_again(governed: Governed) -> None:
    chat = governed(FakeListChatModel(responses=["{}"]))
    reported = [Clause(type=ClauseType.TERMINATION_FOR_CONVENIENCE, text=TFC, confidence=0.45)]
    assert opinion(chat).review(make_document([PARAGRAPHS]), reported, chat.new_budget()) == []
    assert chat.log.calls() == []
