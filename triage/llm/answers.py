"""The shapes an LLM must answer in, and the strict reading of its reply text into them.

A reply is accepted only as one JSON object (optionally inside a Markdown code fence) that
validates against the expected shape; anything else is a ``MalformedAnswer``, which the
caller logs and discards. Nothing is repaired or guessed.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

__all__ = [
    "ClauseAnswer",
    "FieldAnswer",
    "MalformedAnswer",
    "SummaryAnswer",
    "read_answer",
]

AnswerT = TypeVar("AnswerT", bound=BaseModel)


class MalformedAnswer(ValueError):
    """The reply was not one JSON object of the expected shape."""


class _Answer(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class FieldAnswer(_Answer):
    """A proposed value for one field and the document passage that states it."""

    value: str | int | float | bool | None = None
    quote: str | None = None


class ClauseAnswer(_Answer):
    """A clause type (or ``standard``) for a passage and the words that show it."""

    type: str
    quote: str | None = None


class SummaryAnswer(_Answer):
    """A short plain-language explanation of a check result."""

    summary: str


def _json_object_text(reply: str) -> str:
    text = reply.strip()
    if text.startswith("```"):
        text = text.strip("`")
        text = text.removeprefix("json").strip()
    start = text.find("{")
    if start < 0:
        raise MalformedAnswer("the reply holds no JSON object")
    depth, in_string, escaped = 0, False, False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return text[start : index + 1]
    raise MalformedAnswer("the reply's JSON object is not closed")


def read_answer(reply: str, shape: type[AnswerT]) -> AnswerT:
    """Return ``reply`` read as ``shape``; raise MalformedAnswer if it is not exactly that."""
    try:
        payload: Any = json.loads(_json_object_text(reply))
    except json.JSONDecodeError as error:
        raise MalformedAnswer(f"the reply is not valid JSON: {error.msg}") from None
    if not isinstance(payload, dict):
        raise MalformedAnswer("the reply is not a JSON object")
    try:
        return shape.model_validate(payload)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "answer"
        raise MalformedAnswer(f"{where}: {first['msg']}") from None
