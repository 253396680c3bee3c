"""The cue lexicon of prose: which phrases introduce which field, and what entity follows.

Two kinds of rule. A *cue* rule takes the first entity of the right label within a few
tokens after a cue phrase ("shall commence on" DATE). A *sentence* rule takes the first
entity of the right label in a sentence whose words show what it is about ("invoice",
"payable" ... DAYS). ``forbids`` keeps a rule out of sentences about something else.
*Statements* are what a sentence says in words rather than with a value ("renews
automatically", "billing starts with the subscription"), each a named pattern
(``STATEMENTS``).

The rules are data, ``models/extraction/cues.yaml``, read once per process and validated:
a malformed file stops start-up with a message naming the problem. The file's hash is part
of the extractor version (``models_fingerprint``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, NamedTuple

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from triage.extraction.lexicon_data import FIELDS, read_data_file

__all__ = [
    "CUES_PATH",
    "CUE_RULES",
    "SENTENCE_RULES",
    "STATEMENTS",
    "STATEMENT_NAMES",
    "CueLexicon",
    "CueRule",
    "SentenceRule",
    "load_cues",
]

CUES_PATH = Path(__file__).resolve().parents[3] / "models" / "extraction" / "cues.yaml"
"""The cue lexicon shipped with the repository's models."""

_ENTITY_LABELS = frozenset({"DATE", "MONEY", "DURATION", "DAYS", "PERCENT", "FREQ"})

STATEMENT_NAMES = frozenset(
    {
        "renews_automatically",
        "does_not_renew",
        "about_billing",
        "starts_with_the_term",
        "at_the_term_start",
        "renews_as_the_term",
        "same_as_the_term",
    }
)
"""The statements the extractor asks for by name; the cue file must define exactly these."""


@dataclass(frozen=True, slots=True)
class CueRule:
    """Cue phrases, the entity label expected after them, how far, and a rule score."""

    field: str
    phrases: tuple[str, ...]
    label: str
    score: float
    reach: int = 4
    forbids: re.Pattern[str] | None = None
    not_after: re.Pattern[str] | None = None  # must not match the words right before the cue


@dataclass(frozen=True, slots=True)
class SentenceRule:
    """Every ``requires`` pattern present and ``forbids`` absent: take the entity."""

    field: str
    requires: tuple[re.Pattern[str], ...]
    label: str
    score: float
    forbids: re.Pattern[str] | None = None
    follows: re.Pattern[str] | None = None  # must match the entity and the words after it


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _checked(pattern: str) -> str:
    try:
        _rx(pattern)
    except re.error as error:
        raise ValueError(f"{pattern!r} is not a regular expression: {error}") from error
    return pattern


_Regex = Annotated[str, AfterValidator(_checked)]


class _Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    field: str
    label: str
    score: float = Field(gt=0.0, le=1.0)
    forbids: _Regex | None = None

    @field_validator("field")
    @classmethod
    def _known_field(cls, name: str) -> str:
        if name not in FIELDS:
            raise ValueError(f"unknown field {name!r}")
        return name

    @field_validator("label")
    @classmethod
    def _known_label(cls, label: str) -> str:
        if label not in _ENTITY_LABELS:
            raise ValueError(f"unknown entity label {label!r}; one of {sorted(_ENTITY_LABELS)}")
        return label


class _CueRuleData(_Rule):
    phrases: tuple[str, ...] = Field(min_length=1)
    reach: int = Field(default=4, ge=1, le=20)
    not_after: _Regex | None = None


class _SentenceRuleData(_Rule):
    requires: tuple[_Regex, ...] = Field(min_length=1)
    follows: _Regex | None = None


class _Cues(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    cue_rules: tuple[_CueRuleData, ...]
    sentence_rules: tuple[_SentenceRuleData, ...]
    statements: dict[str, tuple[_Regex, ...]]

    @field_validator("statements")
    @classmethod
    def _the_named_statements(
        cls, statements: dict[str, tuple[str, ...]]
    ) -> dict[str, tuple[str, ...]]:
        unknown = sorted(set(statements) - STATEMENT_NAMES)
        missing = sorted(STATEMENT_NAMES - set(statements))
        if unknown:
            raise ValueError(f"unknown statement {unknown[0]!r}; one of {sorted(STATEMENT_NAMES)}")
        if missing:
            raise ValueError(f"statement {missing[0]!r} is missing")
        empty = [name for name, patterns in statements.items() if not patterns]
        if empty:
            raise ValueError(f"statement {empty[0]!r} has no pattern")
        return statements


class CueLexicon(NamedTuple):
    """The cue file, loaded: cue rules, sentence rules and named statements."""

    cue_rules: tuple[CueRule, ...]
    sentence_rules: tuple[SentenceRule, ...]
    statements: Mapping[str, re.Pattern[str]]


@lru_cache(maxsize=4)
def load_cues(path: Path = CUES_PATH) -> CueLexicon:
    """Return the rules and statements at ``path``; raise ConfigError naming what is wrong."""
    data = read_data_file(path, _Cues, "prose cue lexicon")

    def optional(pattern: str | None) -> re.Pattern[str] | None:
        return None if pattern is None else _rx(pattern)

    cues = tuple(
        CueRule(
            r.field,
            r.phrases,
            r.label,
            r.score,
            r.reach,
            optional(r.forbids),
            optional(r.not_after),
        )
        for r in data.cue_rules
    )
    sentences = tuple(
        SentenceRule(
            r.field,
            tuple(_rx(p) for p in r.requires),
            r.label,
            r.score,
            optional(r.forbids),
            optional(r.follows),
        )
        for r in data.sentence_rules
    )
    statements = {
        name: _rx("|".join(f"(?:{pattern})" for pattern in patterns))
        for name, patterns in data.statements.items()
    }
    return CueLexicon(cues, sentences, MappingProxyType(statements))


CUE_RULES, SENTENCE_RULES, STATEMENTS = load_cues()
