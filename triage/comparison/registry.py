"""The registry of rule functions, each under a versioned name such as ``"payment_terms.v1"``.

A rule function is small and pure: it takes a ``RuleContext`` (the order and its own
validated params) and returns findings. Registering it declares the exception code it
raises, the pydantic model of its params, and the extra placeholders its findings fill in
a message template, so a pack can be checked against it before any order is evaluated.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from triage.comparison.context import RuleContext
from triage.comparison.findings import Finding
from triage.contract import ExceptionCode

__all__ = ["RULES", "NoParams", "RuleFunction", "RuleRegistry"]

P = TypeVar("P", bound=BaseModel)
RuleBody = Callable[[RuleContext[Any]], list[Finding]]

STANDARD_PLACEHOLDERS = frozenset({"expected", "found", "field"})


class NoParams(BaseModel):
    """The params of a rule that takes none: any param given is refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True, slots=True)
class RuleFunction:
    """A registered rule: its versioned name, code, params model, placeholders and body."""

    name: str
    code: ExceptionCode
    params: type[BaseModel]
    placeholders: frozenset[str]
    body: RuleBody
    summary: str

    def __call__(self, context: RuleContext[Any]) -> list[Finding]:
        """Run the rule on ``context`` and return its findings."""
        return self.body(context)


class RuleRegistry:
    """Rule functions by versioned name."""

    def __init__(self) -> None:
        self._rules: dict[str, RuleFunction] = {}

    def register(
        self,
        name: str,
        *,
        code: ExceptionCode,
        params: type[P],
        placeholders: tuple[str, ...] = (),
    ) -> Callable[[Callable[[RuleContext[P]], list[Finding]]], RuleFunction]:
        """Return a decorator that registers a rule body under ``name``."""

        def decorate(body: Callable[[RuleContext[P]], list[Finding]]) -> RuleFunction:
            if name in self._rules:
                raise ValueError(f"rule function {name!r} is already registered")
            rule = RuleFunction(
                name=name,
                code=code,
                params=params,
                placeholders=STANDARD_PLACEHOLDERS | frozenset(placeholders),
                body=body,
                summary=(body.__doc__ or "").strip().splitlines()[0] if body.__doc__ else "",
            )
            self._rules[name] = rule
            return rule

        return decorate

    def get(self, name: str) -> RuleFunction:
        """Return the rule registered as ``name``; raise KeyError if there is none."""
        return self._rules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[RuleFunction]:
        return iter(sorted(self._rules.values(), key=lambda rule: rule.name))

    def names(self) -> list[str]:
        """Return every registered name, sorted."""
        return sorted(self._rules)


RULES = RuleRegistry()
"""The rule functions shipped with the product; rule modules register into it on import."""
