"""The clause playbook's file format: pydantic models of ``rules/playbook.yaml``.

For each clause type of the contract the playbook states the provider's standard position
in words, the parameters a clause of that type may state and when a value deviates, the
wording that makes a clause a deviation, and standard exemplars. See ``rules/README.md``.
"""

from __future__ import annotations

import re
import string
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from triage.comparison.clause_terms import QuantityKind
from triage.contract import ClauseType

__all__ = [
    "ClausePosition",
    "CloserLook",
    "Matching",
    "ParameterSpec",
    "PlaybookFile",
    "Restatement",
    "StandardAgreementEntry",
    "WordingDeviation",
]

_FORMATTER = string.Formatter()
Text = Annotated[str, Field(min_length=1)]


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as error:
        raise ValueError(f"not a valid regular expression ({error})") from None
    return value


def _template(value: str, allowed: frozenset[str]) -> str:
    try:
        names = {f for _, f, _, _ in _FORMATTER.parse(value) if f is not None}
    except ValueError as error:
        raise ValueError(f"malformed template ({error})") from None
    unknown = sorted(names - allowed)
    if unknown:
        known = ", ".join("{" + a + "}" for a in sorted(allowed))
        raise ValueError(f"unknown placeholder {{{unknown[0]}}} (allowed: {known})")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ParameterSpec(_Strict):
    """A parameter a clause may state, its standard value and when a value deviates."""

    reads: QuantityKind
    standard: Decimal | None = None
    deviates: Literal["above", "below", "differs", "present"]
    near: str | None = Field(None, description="Regex that must occur near the reading.")
    window: Annotated[int, Field(ge=0, le=400)] = 80
    between: tuple[Decimal, Decimal] | None = None
    says: Text

    @field_validator("near")
    @classmethod
    def _near_is_regex(cls, value: str | None) -> str | None:
        return None if value is None else _regex(value)

    @field_validator("says")
    @classmethod
    def _says_template(cls, value: str) -> str:
        return _template(value, frozenset({"found", "standard"}))

    @model_validator(mode="after")
    def _standard_given(self) -> ParameterSpec:
        if self.deviates != "present" and self.standard is None:
            raise ValueError(f"deviates: {self.deviates} needs a standard value")
        return self

    def deviation(self, value: Decimal) -> bool:
        """Return True when ``value`` departs from the standard as this spec says."""
        if self.deviates == "present":
            return True
        assert self.standard is not None
        if self.deviates == "above":
            return value > self.standard
        if self.deviates == "below":
            return value < self.standard
        return value != self.standard


class WordingDeviation(_Strict):
    """Wording that makes a clause of its type a departure from the standard."""

    pattern: Text
    requires: str | None = Field(
        None, description="Regex that must also occur in the same sentence as the pattern."
    )
    unless: str | None = Field(
        None, description="Regex that, in the same sentence, makes the pattern standard."
    )
    says: Text

    @field_validator("pattern")
    @classmethod
    def _is_regex(cls, value: str) -> str:
        return _regex(value)

    @field_validator("requires", "unless")
    @classmethod
    def _optional_regex(cls, value: str | None) -> str | None:
        return None if value is None else _regex(value)

    @field_validator("says")
    @classmethod
    def _says_template(cls, value: str) -> str:
        return _template(value, frozenset({"found", "standard"}))


class Restatement(_Strict):
    """A term a clause may restate that a rule compares with the quote: when the clause's
    value differs from the quote's and the extracted term (what the rule compared) does not
    carry it, the clause is the only place the difference shows, so it is a deviation."""

    field: Literal["auto_renewal", "renewal_uplift_cap_pct"]
    """A term both the quote and the extraction carry."""
    value: bool | Decimal
    pattern: Text
    says: Text

    @field_validator("pattern")
    @classmethod
    def _is_regex(cls, value: str) -> str:
        return _regex(value)

    @field_validator("says")
    @classmethod
    def _says_template(cls, value: str) -> str:
        return _template(value, frozenset({"found", "quoted"}))


class ClausePosition(_Strict):
    """The provider's standard position on one clause type, and what deviates from it."""

    title: Text
    standard: Text
    compared_by: list[str] = Field(
        [], description="Rule ids of the pack that already compare this term."
    )
    restates: list[Restatement] = []
    parameters: list[ParameterSpec] = []
    deviations: list[WordingDeviation] = []
    standard_phrases: list[str] = Field(
        [], description="Regexes of standard wording, ignored when deviations are sought."
    )
    exemplars: list[Text] = []

    @field_validator("standard_phrases")
    @classmethod
    def _phrases_are_regex(cls, value: list[str]) -> list[str]:
        return [_regex(v) for v in value]


class CloserLook(_Strict):
    """Where new wording is judged against every clause type's deviations, not only the
    type the classifier gave it (and where the classifier is more willing to find one)."""

    headings: list[str] = []
    openers: list[str] = []
    says: Text = "{title} under {section}: {difference}"

    @field_validator("headings", "openers")
    @classmethod
    def _are_regex(cls, value: list[str]) -> list[str]:
        return [_regex(v) for v in value]

    @field_validator("says")
    @classmethod
    def _says_template(cls, value: str) -> str:
        return _template(value, frozenset({"title", "section", "difference"}))


class Matching(_Strict):
    """How closely a sentence must reproduce a standard sentence to count as standard."""

    shingle_words: Annotated[int, Field(ge=1, le=8)] = 3
    min_similarity: Annotated[float, Field(gt=0, le=1)] = 0.7


class StandardAgreementEntry(_Strict):
    """A registered standard agreement: its name and its text file under ``rules/``."""

    name: Text
    file: Annotated[str, Field(pattern=r"^[\w./-]+$")]

    @field_validator("file")
    @classmethod
    def _inside_rules(cls, value: str) -> str:
        if value.startswith("/") or ".." in value.split("/"):
            raise ValueError("must be a path inside the rules folder")
        return value


class PlaybookFile(_Strict):
    """The whole playbook document."""

    kind: Literal["clause-playbook"]
    version: Annotated[str, Field(min_length=1, max_length=64)]
    description: str = ""
    standard_agreements: list[StandardAgreementEntry] = []
    matching: Matching = Matching()
    closer_look: CloserLook = CloserLook()
    clauses: dict[ClauseType, ClausePosition]

    @field_validator("clauses")
    @classmethod
    def _every_type(
        cls, value: dict[ClauseType, ClausePosition]
    ) -> dict[ClauseType, ClausePosition]:
        missing = [t.value for t in ClauseType if t not in value]
        if missing:
            raise ValueError(f"no position for clause type(s): {', '.join(missing)}")
        return value
