"""Rule packs: versioned YAML naming which rule functions run, with which parameters.

A pack is validated as a whole when it is loaded (a ConfigError names the bad rule and
parameter), then evaluated many times. See ``rules/README.md`` for the file format.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from triage.comparison.confidence import CONFIDENCE_RULE
from triage.comparison.config_file import describe_errors, load_config_file
from triage.comparison.context import ConfidenceThresholds, OrderView, RuleContext
from triage.comparison.findings import Finding, display_value
from triage.comparison.playbook import Playbook
from triage.comparison.registry import RULES, RuleFunction
from triage.comparison.rules_clauses import PLAYBOOK_RULES
from triage.config import REPO_ROOT
from triage.contract import (
    BillingException,
    Customer,
    ExceptionCode,
    Extraction,
    Quote,
    Severity,
)
from triage.errors import ConfigError

__all__ = ["CompiledRule", "RulePack"]

_FORMATTER = string.Formatter()
SHIPPED_RULES_DIR = REPO_ROOT / "rules"


class _PackFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["rule-pack"]
    version: Annotated[str, Field(min_length=1, max_length=64)]
    description: str = ""
    playbook: Annotated[str, Field(pattern=r"^[\w.-]+$")] | None = None
    rules: Annotated[list[dict[str, Any]], Field(min_length=1)]


class _RuleEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
    function: str
    code: ExceptionCode
    severity: Severity
    queue: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    message: Annotated[str, Field(min_length=1)]
    params: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class CompiledRule:
    """A validated pack entry: a rule function bound to its code, severity, queue,
    message template and params."""

    id: str
    function: RuleFunction
    severity: Severity
    queue: str
    message: str
    params: BaseModel

    def exception(self, finding: Finding) -> BillingException:
        """Return ``finding`` as the contract's BillingException, message filled in."""
        values = {
            "expected": display_value(finding.expected),
            "found": display_value(finding.found),
            "field": finding.field or "",
            **finding.details,
        }
        return BillingException(
            code=self.function.code,
            severity=finding.severity or self.severity,
            queue=self.queue,
            field=finding.field,
            expected=finding.expected,
            found=finding.found,
            message=_FORMATTER.vformat(self.message, (), values),
            evidence=list(finding.evidence),
            rule=self.function.name,
        )


def _compile(raw: dict[str, Any], index: int) -> CompiledRule:
    name = f"rule {raw.get('id', f'#{index + 1}')!s}"
    try:
        entry = _RuleEntry.model_validate(raw)
    except ValidationError as error:
        raise ConfigError(f"{name}: {describe_errors(error)}") from None
    if entry.function not in RULES:
        known = ", ".join(RULES.names())
        raise ConfigError(f"{name}: unknown rule function {entry.function!r} (known: {known})")
    function = RULES.get(entry.function)
    if entry.code is not function.code:
        raise ConfigError(
            f"{name}: code {entry.code.value} does not match {function.name}, "
            f"which raises {function.code.value}"
        )
    try:
        params = function.params.model_validate(entry.params)
    except ValidationError as error:
        raise ConfigError(f"{name}: {describe_errors(error, prefix='params')}") from None
    _check_template(name, entry.message, function)
    return CompiledRule(entry.id, function, entry.severity, entry.queue, entry.message, params)


def _check_template(name: str, template: str, function: RuleFunction) -> None:
    try:
        fields = [f for _, f, _, _ in _FORMATTER.parse(template) if f is not None]
    except ValueError as error:
        raise ConfigError(f"{name}: message template is malformed ({error})") from None
    for field in fields:
        if field not in function.placeholders:
            allowed = ", ".join("{" + p + "}" for p in sorted(function.placeholders))
            raise ConfigError(
                f"{name}: message placeholder {{{field}}} is unknown to {function.name} "
                f"(allowed: {allowed})"
            )


def _load_playbook(name: str, folder: Path | None) -> Playbook:
    for place in (folder, SHIPPED_RULES_DIR):
        if place is not None and (place / f"{name}.yaml").is_file():
            return Playbook.load(place / f"{name}.yaml")
    looked = folder or SHIPPED_RULES_DIR
    raise ConfigError(f"playbook {name!r}: no file {looked / (name + '.yaml')}")


def _check_playbook(rules: list[CompiledRule], playbook: Playbook | None) -> None:
    needing = [r.id for r in rules if r.function.name in PLAYBOOK_RULES]
    if needing and playbook is None:
        raise ConfigError(f"rule {needing[0]}: needs a clause playbook; name one (playbook: NAME)")
    if playbook is None:
        return
    ids = {r.id for r in rules}
    unknown = sorted(playbook.compared_by() - ids)
    if unknown:
        raise ConfigError(
            f"playbook {playbook.version} leaves clauses to rule(s) the pack does not have: "
            f"{', '.join(unknown)}"
        )


def _exception_order(exception: BillingException) -> tuple[int, str, str, str]:
    found = json.dumps(exception.found, sort_keys=True, default=str)
    return (-exception.severity.rank, exception.code.value, exception.field or "", found)


class RulePack:
    """A loaded, validated rule pack; ``evaluate`` satisfies the pipeline's RuleEngine."""

    def __init__(
        self,
        version: str,
        rules: list[CompiledRule],
        description: str = "",
        playbook: Playbook | None = None,
    ) -> None:
        confidence = [r for r in rules if r.function.name == CONFIDENCE_RULE]
        if len(confidence) != 1:
            raise ConfigError(
                f"a pack needs exactly one {CONFIDENCE_RULE} rule (found {len(confidence)}): "
                "without it unreadable terms would pass silently"
            )
        ids = [r.id for r in rules]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ConfigError(f"rule id(s) used more than once: {', '.join(duplicates)}")
        _check_playbook(rules, playbook)
        self.version = version
        self.description = description
        self.rules = tuple(rules)
        self.playbook = playbook
        self._confidence = confidence[0]
        self._checks = tuple(r for r in rules if r is not self._confidence)
        assert isinstance(self._confidence.params, ConfidenceThresholds)
        self._thresholds: ConfidenceThresholds = self._confidence.params

    @property
    def thresholds(self) -> ConfidenceThresholds:
        """Return the pack's confidence thresholds (the confidence rule's params)."""
        return self._thresholds

    @property
    def playbook_version(self) -> str | None:
        """Return the version of the clause playbook the pack judges clauses by, if any."""
        return self.playbook.version if self.playbook else None

    @classmethod
    def load(cls, path: Path) -> RulePack:
        """Read and validate the pack at ``path``; raise ConfigError naming what is wrong."""
        return load_config_file(path, lambda data: cls.from_mapping(data, path.parent))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], folder: Path | None = None) -> RulePack:
        """Validate an already-parsed pack document and return the pack.

        A playbook the pack names is read from ``folder`` (the pack's own), else from the
        shipped ``rules/`` folder.
        """
        try:
            document = _PackFile.model_validate(data)
        except ValidationError as error:
            raise ConfigError(describe_errors(error)) from None
        rules = [_compile(raw, index) for index, raw in enumerate(document.rules)]
        playbook = _load_playbook(document.playbook, folder) if document.playbook else None
        return cls(document.version, rules, document.description, playbook)

    def evaluate(
        self, extraction: Extraction, quote: Quote, customer: Customer
    ) -> list[BillingException]:
        """Return every exception the pack's rules find, ordered by severity, code, field."""
        order = OrderView(extraction, quote, customer, self._thresholds, self.playbook)
        exceptions: list[BillingException] = []
        for rule in self._checks:
            context: RuleContext[Any] = RuleContext(order, rule.params)
            findings = rule.function(context)
            order.collect_unreadable(rule.id, context.unreadable)
            exceptions.extend(rule.exception(finding) for finding in findings)
        context = RuleContext(order, self._thresholds)
        exceptions.extend(self._confidence.exception(f) for f in self._confidence.function(context))
        return sorted(exceptions, key=_exception_order)
