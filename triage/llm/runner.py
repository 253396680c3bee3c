"""Every LLM call goes through here: cache, per-document budget, time limit, retries, log.

``GovernedChat.ask`` returns the reply text or None; it never raises for a slow, failing
or exhausted model, so the deterministic product carries on whatever the LLM does.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from langchain_core.runnables import Runnable

from triage.llm.cache import ReplyCache
from triage.llm.calllog import AnswerRecord, CallLog, CallRecord
from triage.llm.prompts import Prompt
from triage.llm.settings import LlmSettings

__all__ = ["CallBudget", "GovernedChat"]


@dataclass
class CallBudget:
    """How many model calls one document may still make (cache hits are free)."""

    remaining: int
    spent: int = field(default=0)

    def spend(self) -> bool:
        """Take one call from the budget; return False when none is left."""
        if self.remaining <= 0:
            return False
        self.remaining -= 1
        self.spent += 1
        return True


class _Timeout(Exception):
    pass


def _invoke_with_deadline(
    chat: Runnable[Any, BaseMessage], messages: list[BaseMessage], seconds: float
) -> BaseMessage:
    # A daemon thread, so a model that never answers cannot hold up the order or the exit.
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["reply"] = chat.invoke(messages)
        except Exception as error:  # re-raised in the caller's thread
            box["error"] = error

    worker = threading.Thread(target=run, name="triage-llm-call", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise _Timeout(f"no reply within {seconds:g}s")
    if "error" in box:
        raise box["error"]
    reply: BaseMessage = box["reply"]
    return reply


def _token_counts(reply: BaseMessage) -> tuple[int | None, int | None]:
    usage = getattr(reply, "usage_metadata", None) or {}
    return usage.get("input_tokens"), usage.get("output_tokens")


class GovernedChat:
    """A chat model behind the governance rules of ``LlmSettings``, logging every call."""

    def __init__(
        self,
        chat: Runnable[Any, BaseMessage],
        *,
        model_name: str,
        settings: LlmSettings,
        log: CallLog | None = None,
        cache: ReplyCache | None = None,
    ) -> None:
        self.chat = chat
        self.model_name = model_name
        self.settings = settings
        self.log = log or CallLog(settings.call_log_path)
        self.cache = cache or ReplyCache(settings.cache_dir)

    def new_budget(self) -> CallBudget:
        """Return a fresh per-document call budget."""
        return CallBudget(remaining=self.settings.max_calls_per_document)

    def verdict(self, prompt: Prompt, purpose: str, doc: str | None, key: str, **kw: Any) -> None:
        """Log what became of an answer (``verdict``, ``detail``, ``value`` keywords)."""
        self.log.write(
            AnswerRecord(
                purpose=purpose,
                prompt_version=prompt.version,
                model=self.model_name,
                document_sha256=doc,
                key=key,
                **kw,
            )
        )

    def ask(
        self,
        prompt: Prompt,
        values: dict[str, str],
        *,
        purpose: str,
        cache_scope: str,
        key: str,
        budget: CallBudget,
        document_sha256: str | None = None,
    ) -> str | None:
        """Return the reply text for ``prompt`` filled with ``values``, or None if none came.

        ``cache_scope`` is the document sha256 (or another content hash) the reply is about.
        """
        base = {
            "purpose": purpose,
            "prompt_version": prompt.version,
            "model": self.model_name,
            "document_sha256": document_sha256,
            "key": key,
        }
        cache_key = (cache_scope, prompt.version, self.model_name, key)
        cached = self.cache.get(cache_key)
        if cached is not None:
            self.log.write(CallRecord(**base, outcome="cached"))
            return cached
        system, user = prompt.render(**values)
        messages: list[BaseMessage] = [SystemMessage(system), HumanMessage(user)]
        for attempt in range(1, self.settings.max_retries + 2):
            if not budget.spend():
                self.log.write(CallRecord(**base, attempt=attempt, outcome="budget_exhausted"))
                return None
            started = time.perf_counter()
            try:
                reply = _invoke_with_deadline(self.chat, messages, self.settings.timeout_s)
            except Exception as error:
                elapsed = (time.perf_counter() - started) * 1000
                outcome = (
                    "timeout"
                    if isinstance(error, _Timeout) or "timeout" in type(error).__name__.lower()
                    else "error"
                )
                self.log.write(
                    CallRecord(
                        **base,
                        attempt=attempt,
                        outcome=outcome,
                        latency_ms=round(elapsed, 1),
                        error=str(error)[:300],
                    )
                )
                if attempt <= self.settings.max_retries:
                    time.sleep(self.settings.retry_backoff_s * 2 ** (attempt - 1))
                continue
            elapsed = (time.perf_counter() - started) * 1000
            tokens_in, tokens_out = _token_counts(reply)
            self.log.write(
                CallRecord(
                    **base,
                    attempt=attempt,
                    outcome="ok",
                    latency_ms=round(elapsed, 1),
                    input_tokens=tokens_in,
                    output_tokens=tokens_out,
                )
            )
            text = reply.text
            self.cache.put(cache_key, text)
            return text
        return None
