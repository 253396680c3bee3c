"""A second opinion on paragraphs the clause classifier is unsure about.

The classifier scores each paragraph over the clause types plus ``standard``. A paragraph
is *unsure* when no label reaches ``sure_at`` but a non-standard label has at least
``min_signal``. For those, the LLM is asked for a clause type and a quote. Its opinion can
only add a finding (which sends the order to review), never remove or re-type one the
classifier reported: a "standard" answer changes nothing. An added clause carries the
LLM's quote as evidence, located in the document, and a capped confidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from triage.contract import Clause, ClauseType, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm.answers import ClauseAnswer, MalformedAnswer, read_answer
from triage.llm.locator import locate_quote, normalise_token
from triage.llm.prompts import CLAUSE_OPINION
from triage.llm.runner import CallBudget, GovernedChat

__all__ = ["PURPOSE", "STANDARD", "ClauseSecondOpinion", "UnsurePassage"]

PURPOSE = "clause-opinion"
STANDARD = "standard"

ParagraphSegmenter = Callable[[ParsedDocument], Sequence[str]]
TextClassifier = Callable[[Sequence[str]], Sequence[Mapping[str, float]]]


@dataclass(frozen=True)
class UnsurePassage:
    """A paragraph, the classifier's best non-standard label, and that label's probability."""

    text: str
    best_type: str
    probability: float


def _tokens(text: str) -> list[str]:
    return [t for t in (normalise_token(part) for part in text.split()) if t]


def _inside(quote: str, passage: str) -> bool:
    wanted, have = _tokens(quote), _tokens(passage)
    return bool(wanted) and any(
        have[i : i + len(wanted)] == wanted for i in range(len(have) - len(wanted) + 1)
    )


class ClauseSecondOpinion:
    """Asks the LLM about unsure paragraphs, using the classifier's public scoring API."""

    prompt = CLAUSE_OPINION

    def __init__(
        self,
        chat: GovernedChat,
        *,
        segment: ParagraphSegmenter,
        classify: TextClassifier,
        sure_at: float = 0.6,
        min_signal: float = 0.2,
        max_passages: int = 4,
    ) -> None:
        self.chat = chat
        self.segment = segment
        self.classify = classify
        self.sure_at = sure_at
        self.min_signal = min_signal
        self.max_passages = max_passages

    def unsure_passages(self, document: ParsedDocument) -> list[UnsurePassage]:
        """Return the paragraphs the classifier is unsure about, most suspicious first."""
        texts = list(self.segment(document))
        unsure = []
        for text, scores in zip(texts, self.classify(texts), strict=True):
            if not scores or max(scores.values()) >= self.sure_at:
                continue
            label, probability = max(
                ((k, v) for k, v in scores.items() if k != STANDARD),
                key=lambda item: item[1],
                default=(STANDARD, 0.0),
            )
            if probability >= self.min_signal:
                unsure.append(UnsurePassage(text, label, probability))
        unsure.sort(key=lambda passage: -passage.probability)
        return unsure[: self.max_passages]

    def review(
        self, document: ParsedDocument, reported: Sequence[Clause], budget: CallBudget
    ) -> list[Clause]:
        """Return clauses the LLM found in unsure paragraphs not already reported."""
        known = {" ".join(_tokens(clause.text)) for clause in reported}
        found = []
        for passage in self.unsure_passages(document):
            if " ".join(_tokens(passage.text)) in known:
                continue
            key = "clause-" + hashlib.sha256(passage.text.encode()).hexdigest()[:16]
            reply = self.chat.ask(
                self.prompt,
                {"passage": passage.text},
                purpose=PURPOSE,
                cache_scope=document.sha256,
                key=key,
                budget=budget,
                document_sha256=document.sha256,
            )
            if reply is not None:
                clause = self._judge(document, key, passage, reply)
                if clause is not None:
                    found.append(clause)
        return found

    def _judge(
        self, document: ParsedDocument, key: str, passage: UnsurePassage, reply: str
    ) -> Clause | None:
        def verdict(kind: str, detail: str) -> None:
            self.chat.verdict(
                self.prompt, PURPOSE, document.sha256, key, verdict=kind, detail=detail
            )

        try:
            answer = read_answer(reply, ClauseAnswer)
        except MalformedAnswer as error:
            verdict("malformed", str(error))
            return None
        if answer.type == STANDARD:
            verdict("empty", "the model sees standard terms; the classifier's output stands")
            return None
        if answer.type not in {t.value for t in ClauseType}:
            verdict("invalid", f"unknown clause type {answer.type!r}")
            return None
        located = locate_quote(document, answer.quote) if answer.quote else None
        if located is None or not _inside(located.text, passage.text):
            verdict("ungrounded", f"quote not in the passage: {answer.quote!r}")
            return None
        verdict("accepted", f"{answer.type}: {located.text}")
        return Clause(
            type=ClauseType(answer.type),
            text=passage.text,
            confidence=self.chat.settings.confidence_cap,
            evidence=located.evidence,
            source=ValueSource.LLM,
        )
