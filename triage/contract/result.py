"""What a check returns: exceptions, risk, decision and its reasons."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from triage.contract.extraction import Evidence, Extraction
from triage.contract.types import ContractModel, Decision, ExceptionCode, Severity

__all__ = ["BillingException", "CheckResult", "Problem", "RiskFactor", "RiskScore", "Versions"]

Probability = Annotated[float, Field(ge=0, le=1)]


class BillingException(ContractModel):
    """One discrepancy a rule found, with the evidence of the term it judged."""

    code: ExceptionCode
    severity: Severity
    queue: str
    field: str | None = None
    expected: Any = None
    found: Any = None
    message: str
    evidence: list[Evidence] = []
    rule: str | None = Field(
        default=None, description="The rule that raised it, e.g. 'payment_terms.v1'."
    )


class RiskFactor(ContractModel):
    """A feature and how much it moved the score (positive raises the risk)."""

    feature: str
    contribution: float


class RiskScore(ContractModel):
    """Calibrated probabilities of an invoice dispute and of a billing/payment delay."""

    dispute: Probability
    delay: Probability
    model_version: str
    top_factors: list[RiskFactor] = []


class Problem(ContractModel):
    """An RFC 9457 problem: why an input could not be processed."""

    type: str
    title: str
    detail: str
    status: int | None = None
    code: str | None = None


class Versions(ContractModel):
    """The versions of everything that took part in a decision."""

    rules: str | None = None
    policy: str | None = None
    model: str | None = None
    extractor: str | None = None
    playbook: str | None = Field(
        default=None, description="The clause playbook the clauses were judged by."
    )


class CheckResult(ContractModel):
    """The result of checking one order; ``decision`` is pass, review or reject."""

    order_id: str
    decision: Decision
    exceptions: list[BillingException] = []
    risk: RiskScore | None = None
    reasons: list[str] = []
    extraction: Extraction | None = None
    versions: Versions = Versions()
    error: Problem | None = None
