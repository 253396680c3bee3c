"""The LLM's knobs, read from ``Settings`` once; the feature is off unless both are set.

``triage.config.Settings`` owns ``llm_base_url`` and ``llm_model``. The other knobs below
have safe defaults here and are read from ``Settings`` when it declares them, so adding
them to ``config.py`` later (as ``TRIAGE_LLM_*`` variables) needs no change in this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from triage.config import Settings

__all__ = ["DEFAULT_CONFIDENCE_CAP", "DEFAULT_LOW_CONFIDENCE_THRESHOLD", "LlmSettings"]

DEFAULT_CONFIDENCE_CAP = 0.4
"""LLM-sourced values never score above this: below every rule's threshold, so they go to review."""

DEFAULT_LOW_CONFIDENCE_THRESHOLD = 0.6
"""A deterministic value below this confidence is re-asked of the LLM."""


@dataclass(frozen=True)
class LlmSettings:
    """Where the chat model is, and the governance limits every call obeys."""

    base_url: str | None = None
    model: str | None = None
    api_key: str = field(default="local", repr=False)
    timeout_s: float = 20.0
    max_retries: int = 1
    retry_backoff_s: float = 0.5
    max_calls_per_document: int = 24
    max_output_tokens: int = 200
    max_document_chars: int = 6000
    temperature: float = 0.0
    confidence_cap: float = DEFAULT_CONFIDENCE_CAP
    low_confidence_threshold: float = DEFAULT_LOW_CONFIDENCE_THRESHOLD
    json_response_format: bool = True
    data_dir: Path | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence_cap < 1.0:
            raise ValueError("confidence_cap must be in [0, 1)")
        if self.confidence_cap >= self.low_confidence_threshold:
            raise ValueError("confidence_cap must stay below the low-confidence threshold")
        if self.timeout_s <= 0 or self.max_retries < 0 or self.max_calls_per_document < 0:
            raise ValueError("timeout_s must be positive; retries and budget non-negative")

    @property
    def enabled(self) -> bool:
        """Return True when both an endpoint and a model name are configured."""
        return bool(self.base_url) and bool(self.model)

    @property
    def call_log_path(self) -> Path | None:
        """Return the append-only JSONL of LLM calls under the data dir, if there is one."""
        return self.data_dir / "llm" / "calls.jsonl" if self.data_dir else None

    @property
    def cache_dir(self) -> Path | None:
        """Return the folder of cached answers under the data dir, if there is one."""
        return self.data_dir / "llm" / "cache" if self.data_dir else None

    @classmethod
    def from_settings(cls, settings: Settings) -> LlmSettings:
        """Return the LLM view of ``settings``; ``llm_*`` attributes it lacks keep defaults."""
        values: dict[str, Any] = {"data_dir": settings.data_dir}
        for spec in fields(cls):
            if spec.name == "data_dir":
                continue
            value = getattr(settings, f"llm_{spec.name}", None)
            if value is not None:
                secret = getattr(value, "get_secret_value", None)
                values[spec.name] = secret() if callable(secret) else value
        return cls(**values)
