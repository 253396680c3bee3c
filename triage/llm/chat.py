"""The chat-model factory: ChatOpenAI against the configured endpoint, or an injected model.

Only an OpenAI-compatible endpoint is built here (vLLM, llama.cpp's server, Ollama all
speak it). Tests and callers may inject any LangChain ``BaseChatModel`` instead; the
governance wrapper is the same either way.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import httpx
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage
from langchain_core.runnables import Runnable
from pydantic import SecretStr

from triage.llm.cache import ReplyCache
from triage.llm.calllog import CallLog
from triage.llm.runner import GovernedChat
from triage.llm.settings import LlmSettings

if TYPE_CHECKING:  # langchain_openai costs half a second of import: only when the LLM is on
    from langchain_openai import ChatOpenAI

__all__ = ["build_chat_model", "build_governed_chat"]


def build_chat_model(settings: LlmSettings) -> ChatOpenAI | None:
    """Return a ChatOpenAI for the configured endpoint, or None when the LLM is off.

    Retries are left to ``GovernedChat`` so that each attempt is logged; the HTTP client
    ignores proxy variables because the endpoint is a local or in-cluster server.
    """
    if not settings.enabled or settings.base_url is None or settings.model is None:
        return None
    from langchain_openai import ChatOpenAI

    http_client = httpx.Client(trust_env=False, timeout=settings.timeout_s)
    return ChatOpenAI(
        model=settings.model,
        base_url=settings.base_url,
        api_key=SecretStr(settings.api_key),
        temperature=settings.temperature,
        max_completion_tokens=settings.max_output_tokens,
        # Servers of the older protocol (llama.cpp's, vLLM's, Ollama's) read only
        # ``max_tokens``; without it a small model in JSON mode can pad with whitespace
        # until its context is full.
        extra_body={"max_tokens": settings.max_output_tokens},
        timeout=settings.timeout_s,
        max_retries=0,
        http_client=http_client,
    )


def _is_openai_client(model: BaseChatModel) -> bool:
    """Return whether ``model`` is a ChatOpenAI (built here or injected), without importing
    langchain_openai: a ChatOpenAI exists only once its module is loaded."""
    module = sys.modules.get("langchain_openai")
    return module is not None and isinstance(model, module.ChatOpenAI)


def build_governed_chat(
    settings: LlmSettings,
    *,
    chat: BaseChatModel | None = None,
    model_name: str | None = None,
    log: CallLog | None = None,
    cache: ReplyCache | None = None,
) -> GovernedChat | None:
    """Return the governed chat for ``settings`` (or around an injected ``chat``), or None.

    With no injected model this is None unless both base URL and model name are set.
    """
    model: BaseChatModel | None = chat if chat is not None else build_chat_model(settings)
    if model is None:
        return None
    runnable: Runnable[Any, BaseMessage] = model
    if _is_openai_client(model) and settings.json_response_format:
        # JSON mode: llama.cpp and vLLM then constrain decoding to a JSON object.
        runnable = model.bind(response_format={"type": "json_object"})
    name = model_name or settings.model or type(model).__name__
    return GovernedChat(runnable, model_name=name, settings=settings, log=log, cache=cache)
