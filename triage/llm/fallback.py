"""Grounded fallback extraction: ask the LLM for one field, keep the answer only if proven.

An answer is accepted only when all of these hold, else it is discarded and logged:
1. the reply is one JSON object ``{"value": ..., "quote": ...}`` (``answers``);
2. the value fits the field's contract type (``field_values``);
3. the quote occurs word for word in the document (``locator``), which gives the evidence;
4. the quoted words state that value (``quote_support``).
An accepted value is marked ``source: llm`` with its confidence capped, so it goes to review.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from triage.contract import ExtractedField, ExtractedFields, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm.answers import FieldAnswer, MalformedAnswer, read_answer
from triage.llm.field_values import FieldValueError, read_field_value
from triage.llm.locator import locate_quote
from triage.llm.prompts import FIELD_FALLBACK, FIELD_GUIDANCE
from triage.llm.quote_support import quote_states_value
from triage.llm.runner import CallBudget, GovernedChat

__all__ = ["PURPOSE", "GroundedFieldFallback", "document_excerpt"]

PURPOSE = "field-fallback"


def document_excerpt(document: ParsedDocument, max_chars: int) -> str:
    """Return the document's text, whole pages first, cut at ``max_chars`` characters."""
    pages = [f"[page {page.number}]\n{page.text}" for page in document.pages if page.lines]
    return "\n\n".join(pages)[:max_chars]


class GroundedFieldFallback:
    """Proposes values for missing fields from the LLM, each proven by a document quote."""

    prompt = FIELD_FALLBACK

    def __init__(self, chat: GovernedChat) -> None:
        self.chat = chat

    def propose(
        self, document: ParsedDocument, names: Iterable[str], budget: CallBudget
    ) -> dict[str, ExtractedField[Any]]:
        """Return an accepted LLM-sourced field for each name the LLM could prove, by name."""
        excerpt = document_excerpt(document, self.chat.settings.max_document_chars)
        accepted: dict[str, ExtractedField[Any]] = {}
        for name in names:
            reply = self.chat.ask(
                self.prompt,
                {"document": excerpt, "field": name, "guidance": FIELD_GUIDANCE[name]},
                purpose=PURPOSE,
                cache_scope=document.sha256,
                key=name,
                budget=budget,
                document_sha256=document.sha256,
            )
            if reply is not None:
                proposal = self._judge(document, name, reply)
                if proposal is not None:
                    accepted[name] = proposal
        return accepted

    def _discard(self, doc: ParsedDocument, name: str, verdict: str, detail: str) -> None:
        self.chat.verdict(self.prompt, PURPOSE, doc.sha256, name, verdict=verdict, detail=detail)

    def _judge(self, document: ParsedDocument, name: str, reply: str) -> ExtractedField[Any] | None:
        try:
            answer = read_answer(reply, FieldAnswer)
        except MalformedAnswer as error:
            self._discard(document, name, "malformed", str(error))
            return None
        if answer.value is None:
            self._discard(document, name, "empty", "the model found no value")
            return None
        try:
            value = read_field_value(name, answer.value)
        except FieldValueError as error:
            self._discard(document, name, "invalid", f"{answer.value!r}: {error}")
            return None
        located = locate_quote(document, answer.quote) if answer.quote else None
        if located is None:
            self._discard(document, name, "ungrounded", f"quote not in document: {answer.quote!r}")
            return None
        if not quote_states_value(name, value, located.text):
            detail = f"quote {located.text!r} does not state {answer.value!r}"
            self._discard(document, name, "unsupported", detail)
            return None
        field_class: type[ExtractedField[Any]] = ExtractedFields.model_fields[name].annotation  # type: ignore[assignment]
        proposal = field_class(
            value=value,
            confidence=self.chat.settings.confidence_cap,
            evidence=located.evidence,
            source=ValueSource.LLM,
        )
        self.chat.verdict(
            self.prompt,
            PURPOSE,
            document.sha256,
            name,
            verdict="accepted",
            detail=located.text,
            value=proposal.model_dump(mode="json")["value"],
        )
        return proposal
