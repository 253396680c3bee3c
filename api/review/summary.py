"""The analyst summary on the order page: an LLM's when one is configured, else a template's.

The chat model is built once per process on first use (None when the LLM is off, and the
template summary is shown). Answers are cached by the check result's facts and the prompt
version, so reopening an order does not ask the model again.
"""

from __future__ import annotations

from fastapi import Request

from triage.contract import CheckResult
from triage.llm import GovernedChat, LlmSettings, build_governed_chat
from triage.llm.summary import AnalystSummary, summarize_for_analyst

__all__ = ["analyst_summary"]


def analyst_summary(request: Request, result: CheckResult) -> AnalystSummary:
    """Return the summary of why ``result`` was flagged, labelled with how it was made."""
    state = request.app.state
    if not hasattr(state, "summary_chat"):
        state.summary_chat = build_governed_chat(LlmSettings.from_settings(state.runtime.settings))
    chat: GovernedChat | None = state.summary_chat
    return summarize_for_analyst(result, chat)
