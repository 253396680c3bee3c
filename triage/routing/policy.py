"""The routing policy: which orders go to review, and which queue owns which code.

Loaded from versioned YAML (``rules/policy.yaml``; format in ``rules/README.md``). An
order goes to review when it has an exception whose severity is in ``review_severities``,
or (when a risk model scored it) a risk above its threshold; otherwise it passes.

``risk_basis`` says which risk meets the thresholds. ``full``: the order's risk as scored.
``order``: the risk must also stay above its threshold with the customer's payment history
at a typical value (the scorer's ``order_risk``), so a customer's past alone never sends a
clean order to review: reading the order form again cannot change how the customer pays,
and their standing is the credit team's call (``CREDIT_HOLD`` carries it into the rules).
The queue of an exception is set by the rule pack; a code listed under ``queues`` here is
re-assigned to the policy's queue by ``assign_queues`` — the policy wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from triage.comparison.config_file import describe_errors, load_config_file
from triage.contract import BillingException, Decision, ExceptionCode, RiskScore, Severity
from triage.errors import ConfigError
from triage.routing.reasons import exception_reasons, risk_reasons

__all__ = ["PolicyDocument", "RiskBasis", "RiskThresholdSettings", "RoutingPolicy"]

Probability = Annotated[float, Field(ge=0, le=1)]
QueueName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
RiskBasis = Literal["full", "order"]


class RiskThresholdSettings(BaseModel):
    """Risk above which an order goes to review, once a risk model scores orders."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dispute: Probability = 0.30
    delay: Probability = 0.35


class PolicyDocument(BaseModel):
    """The routing policy file, validated; unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["routing-policy"]
    version: Annotated[str, Field(min_length=1, max_length=64)]
    description: str = ""
    review_severities: list[Severity] = [Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL]
    risk_thresholds: RiskThresholdSettings = RiskThresholdSettings()
    # "full" keeps the meaning of a policy file written before the setting existed.
    risk_basis: RiskBasis = "full"
    queues: dict[ExceptionCode, QueueName] = {}


class RoutingPolicy:
    """A loaded policy; ``decide`` satisfies the pipeline's RoutingPolicy protocol."""

    def __init__(self, document: PolicyDocument) -> None:
        self.document = document
        self.version = document.version
        self._review = frozenset(document.review_severities)
        self._thresholds = document.risk_thresholds.model_dump()

    @classmethod
    def load(cls, path: Path) -> RoutingPolicy:
        """Read and validate the policy at ``path``; raise ConfigError naming what is wrong."""
        return load_config_file(path, cls.from_mapping)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> RoutingPolicy:
        """Validate an already-parsed policy document and return the policy."""
        try:
            return cls(PolicyDocument.model_validate(data))
        except ValidationError as error:
            raise ConfigError(describe_errors(error)) from None

    @property
    def risk_thresholds(self) -> Mapping[str, float]:
        """Each risk target's threshold: a score strictly above it sends to review."""
        return MappingProxyType(self._thresholds)

    @property
    def risk_basis(self) -> RiskBasis:
        """Which risk meets the thresholds: ``full``, or ``order`` (see the module doc)."""
        return self.document.risk_basis

    def needs_order_risk(self, risk: RiskScore) -> bool:
        """Whether ``decide`` would heed the order's own risk: on the ``order`` basis, and
        only when some risk is above its threshold (below it, the order risk decides
        nothing, so the pipeline need not score it)."""
        return self.risk_basis == "order" and any(
            float(getattr(risk, target)) > threshold
            for target, threshold in self._thresholds.items()
        )

    def sends_to_review(self, severity: Severity) -> bool:
        """Return True when an exception of ``severity`` alone sends an order to review."""
        return severity in self._review

    def queue_for(self, code: ExceptionCode, default: str) -> str:
        """Return the queue that owns ``code``: the policy's if it names one, else ``default``."""
        return self.document.queues.get(code, default)

    def assign_queues(self, exceptions: list[BillingException]) -> list[BillingException]:
        """Return the exceptions with each queue set as the policy says (the policy wins)."""
        return [
            e
            if self.queue_for(e.code, e.queue) == e.queue
            else e.model_copy(update={"queue": self.queue_for(e.code, e.queue)})
            for e in exceptions
        ]

    def decide(
        self,
        exceptions: list[BillingException],
        risk: RiskScore | None,
        *,
        order_risk: Mapping[str, float] | None = None,
    ) -> tuple[Decision, list[str]]:
        """Return pass or review, and the reasons in plain words.

        ``order_risk`` (the risk at a typical payment history) is heeded when the policy's
        basis is ``order``: a risk then sends to review only when both it and the order's
        own risk are above the threshold.
        """
        blocking = [e for e in exceptions if self.sends_to_review(e.severity)]
        minor = [e for e in exceptions if not self.sends_to_review(e.severity)]
        reasons = exception_reasons(blocking)
        risky: list[str] = []
        within: list[str] = []
        if risk is not None:
            own = order_risk if self.risk_basis == "order" else None
            risky, within = risk_reasons(risk, self._thresholds, order_risk=own)
        reasons.extend(risky)
        if reasons:
            return Decision.REVIEW, reasons
        passing = (
            ["no exceptions"]
            if not minor
            else [f"{reason}, below the review threshold" for reason in exception_reasons(minor)]
        )
        if risk is None:
            passing.append("no risk model was applied")
        else:
            passing.extend(within)
        return Decision.PASS, passing
