"""``LlmAssistedExtractor``: any Extractor, with grounded LLM help on what it left unsure.

It runs the wrapped extractor first and returns its result unchanged except for:
- fields the extractor left empty, or below their threshold with a confidence under the
  LLM cap, filled with a grounded LLM value (``source: llm``, confidence = cap);
- clauses the second opinion found in paragraphs the classifier was unsure about;
- a warning for each of these, naming the prompt version and model.
A deterministic value is never overwritten by a less certain one, a clause is never
removed, and any LLM failure leaves the deterministic extraction as it was. Rules,
scoring and routing run afterwards, unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from triage.config import Settings
from triage.contract import FIELD_NAMES, Extraction, ValueSource
from triage.documents.parsed import ParsedDocument
from triage.llm.chat import build_governed_chat
from triage.llm.clause_opinion import ClauseSecondOpinion
from triage.llm.fallback import GroundedFieldFallback
from triage.llm.runner import GovernedChat
from triage.llm.settings import DEFAULT_LOW_CONFIDENCE_THRESHOLD, LlmSettings
from triage.logs import get_logger
from triage.pipeline import Extractor

__all__ = ["LlmAssistedExtractor", "with_llm_assistance"]

_log = get_logger("triage.llm")


class LlmAssistedExtractor:
    """Wraps an Extractor; implements the same protocol (``version``, ``extract``)."""

    def __init__(
        self,
        base: Extractor,
        chat: GovernedChat,
        *,
        thresholds: Mapping[str, float] | None = None,
        default_threshold: float = DEFAULT_LOW_CONFIDENCE_THRESHOLD,
        clause_opinion: ClauseSecondOpinion | None = None,
    ) -> None:
        self.base = base
        self.chat = chat
        self.thresholds = dict(thresholds or {})
        self.default_threshold = default_threshold
        self.clause_opinion = clause_opinion
        self.fallback = GroundedFieldFallback(chat)
        lowest = min([default_threshold, *self.thresholds.values()])
        if chat.settings.confidence_cap >= lowest:
            raise ValueError(
                f"the LLM confidence cap {chat.settings.confidence_cap} must stay below "
                f"every field threshold (lowest {lowest}), or LLM values could pass unreviewed"
            )
        prompts = [self.fallback.prompt.version]
        if clause_opinion is not None:
            prompts.append(clause_opinion.prompt.version)
        self.version = f"{base.version}+llm[{','.join(prompts)}]@{chat.model_name}"

    def threshold(self, name: str) -> float:
        """Return the confidence below which field ``name`` is re-asked of the LLM."""
        return self.thresholds.get(name, self.default_threshold)

    def fields_to_ask(self, extraction: Extraction) -> list[str]:
        """Return the fields that are missing, or below threshold and below the LLM cap."""
        cap = self.chat.settings.confidence_cap
        names = []
        for name in FIELD_NAMES:
            field = extraction.fields.get(name)
            if field.source is not ValueSource.DOCUMENT:
                continue
            if not field.found or field.confidence < min(self.threshold(name), cap):
                names.append(name)
        return names

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction:
        """Return the base extraction, with grounded LLM help where it was empty or unsure."""
        extraction = self.base.extract(document, country=country)
        try:
            return self._assist(document, extraction)
        except Exception as error:  # the LLM must never break the deterministic product
            _log.warning("llm.assist_failed", document_sha256=document.sha256, error=str(error))
            return extraction.model_copy(
                update={"warnings": [*extraction.warnings, f"LLM assistance failed: {error}"]}
            )

    def _assist(self, document: ParsedDocument, extraction: Extraction) -> Extraction:
        budget = self.chat.new_budget()
        model, version = self.chat.model_name, self.fallback.prompt.version
        proposals = self.fallback.propose(document, self.fields_to_ask(extraction), budget)
        warnings = list(extraction.warnings)
        updates: dict[str, Any] = {}
        for name, proposal in proposals.items():
            updates[name] = proposal
            warnings.append(
                f"{name}: value suggested by an LLM ({version}, {model}) from the quoted text "
                f"{proposal.evidence[0].text!r}; confidence capped at {proposal.confidence} "
                "for review"
            )
        clauses = list(extraction.clauses)
        if self.clause_opinion is not None:
            for clause in self.clause_opinion.review(document, extraction.clauses, budget):
                clauses.append(clause)
                warnings.append(
                    f"clause {clause.type.value}: flagged by an LLM second opinion "
                    f"({self.clause_opinion.prompt.version}, {model}) on a paragraph the "
                    "classifier was unsure about; needs review"
                )
        if not updates and len(clauses) == len(extraction.clauses):
            return extraction
        return extraction.model_copy(
            update={
                "fields": extraction.fields.model_copy(update=updates),
                "clauses": clauses,
                "warnings": warnings,
            }
        )


def with_llm_assistance(
    base: Extractor, settings: Settings, *, thresholds: Mapping[str, float] | None = None
) -> Extractor:
    """Return ``base`` wrapped in LLM assistance when the LLM is configured, else ``base``."""
    llm = LlmSettings.from_settings(settings)
    chat = build_governed_chat(llm)
    if chat is None:
        return base
    return LlmAssistedExtractor(
        base, chat, thresholds=thresholds, default_threshold=llm.low_confidence_threshold
    )
