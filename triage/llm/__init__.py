"""Optional, governed LLM help: off unless ``TRIAGE_LLM_BASE_URL`` and a model are set.

The LLM only proposes: grounded values for fields the rules could not read (always
``source: llm`` with a capped confidence, so the order goes to review), second opinions
on unsure clauses (which can only add findings), and a labelled analyst summary. It
never changes rule outcomes, decisions or approvals. See ``docs/llm.md``.
"""

from triage.llm.answers import MalformedAnswer, read_answer
from triage.llm.cache import ReplyCache
from triage.llm.calllog import AnswerRecord, CallLog, CallRecord
from triage.llm.chat import build_chat_model, build_governed_chat
from triage.llm.clause_opinion import ClauseSecondOpinion, UnsurePassage
from triage.llm.extractor import LlmAssistedExtractor, with_llm_assistance
from triage.llm.fallback import GroundedFieldFallback
from triage.llm.locator import LocatedQuote, locate_quote
from triage.llm.prompts import CLAUSE_OPINION, FIELD_FALLBACK, SUMMARY, Prompt
from triage.llm.runner import CallBudget, GovernedChat
from triage.llm.settings import LlmSettings
from triage.llm.summary import AnalystSummary, summarize_for_analyst, template_summary

__all__ = [
    "CLAUSE_OPINION",
    "FIELD_FALLBACK",
    "SUMMARY",
    "AnalystSummary",
    "AnswerRecord",
    "CallBudget",
    "CallLog",
    "CallRecord",
    "ClauseSecondOpinion",
    "GovernedChat",
    "GroundedFieldFallback",
    "LlmAssistedExtractor",
    "LlmSettings",
    "LocatedQuote",
    "MalformedAnswer",
    "Prompt",
    "ReplyCache",
    "UnsurePassage",
    "build_chat_model",
    "build_governed_chat",
    "locate_quote",
    "read_answer",
    "summarize_for_analyst",
    "template_summary",
    "with_llm_assistance",
]
