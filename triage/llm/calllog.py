"""Every LLM call and every verdict on an answer, as log records and an append-only JSONL.

Two kinds of record share one file: ``llm.call`` (one per attempt or cache hit: prompt
version, model, latency, token counts, outcome) and ``llm.answer`` (what became of an
answer: accepted, or discarded and why). Records are never rewritten.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from triage.logs import get_logger

__all__ = ["AnswerRecord", "CallLog", "CallRecord"]

_log = get_logger("triage.llm")

CallOutcome = Literal["ok", "cached", "timeout", "error", "budget_exhausted"]
AnswerVerdict = Literal["accepted", "malformed", "ungrounded", "unsupported", "invalid", "empty"]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    ts: str = Field(default_factory=_now)
    purpose: str
    prompt_version: str
    model: str
    document_sha256: str | None = None
    key: str


class CallRecord(_Record):
    """One attempt to get a reply (or a cache hit, or a call refused by the budget)."""

    event: Literal["llm.call"] = "llm.call"
    attempt: int = 1
    outcome: CallOutcome
    latency_ms: float = 0.0
    input_tokens: int | None = None
    output_tokens: int | None = None
    error: str | None = None


class AnswerRecord(_Record):
    """What became of a reply: accepted, or discarded with the reason."""

    event: Literal["llm.answer"] = "llm.answer"
    verdict: AnswerVerdict
    detail: str | None = None
    value: Any = None


class CallLog:
    """Writes records to the ``triage.llm`` logger and appends them to a JSONL file."""

    def __init__(self, path: Path | None, *, keep_last: int = 2000) -> None:
        self.path = path
        self.recent: deque[CallRecord | AnswerRecord] = deque(maxlen=keep_last)
        self._lock = threading.Lock()

    def write(self, record: CallRecord | AnswerRecord) -> None:
        """Log ``record``, keep it among the recent ones, and append it to the JSONL file."""
        payload = record.model_dump(mode="json")
        event = payload.pop("event")
        quiet = isinstance(record, CallRecord) and record.outcome in ("ok", "cached")
        accepted = isinstance(record, AnswerRecord) and record.verdict == "accepted"
        level = _log.info if quiet or accepted else _log.warning
        level(event, **payload)
        with self._lock:
            self.recent.append(record)
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with self.path.open("a", encoding="utf-8") as handle:
                    handle.write(json.dumps({"event": event, **payload}, default=str) + "\n")

    def calls(self) -> list[CallRecord]:
        """Return the recent call records, oldest first."""
        with self._lock:
            return [r for r in self.recent if isinstance(r, CallRecord)]

    def answers(self) -> list[AnswerRecord]:
        """Return the recent answer records, oldest first."""
        with self._lock:
            return [r for r in self.recent if isinstance(r, AnswerRecord)]
