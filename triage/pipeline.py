"""One order through every stage: read, extract, compare, score, route. No I/O here.

Each stage is an object built once (see ``triage.components``) and passed in, so the same
code serves the CLI, the API and the training jobs.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Protocol

from triage.contract import (
    BillingException,
    CheckResult,
    Customer,
    Decision,
    Extraction,
    Quote,
    RiskScore,
    Versions,
)
from triage.documents.parsed import ParsedDocument

__all__ = [
    "Components",
    "DocumentReader",
    "Extractor",
    "RiskScorer",
    "RoutingPolicy",
    "RuleEngine",
    "check_extraction",
    "make_order_id",
    "triage_order",
]


class DocumentReader(Protocol):
    """PDF bytes -> ParsedDocument, raising a DocumentError/LimitExceeded on bad input."""

    def read(self, pdf: bytes, *, filename: str) -> ParsedDocument: ...


class Extractor(Protocol):
    """ParsedDocument -> Extraction; ``country`` decides day-first vs month-first dates."""

    version: str

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction: ...


class RuleEngine(Protocol):
    """Extraction x quote x customer -> exceptions, by a versioned rule pack."""

    version: str

    def evaluate(
        self, extraction: Extraction, quote: Quote, customer: Customer
    ) -> list[BillingException]: ...


class RiskScorer(Protocol):
    """Extraction, exceptions and customer -> calibrated risk with its top factors."""

    version: str

    def score(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
        *,
        thresholds: Mapping[str, float] | None = None,
    ) -> RiskScore | None:
        """``thresholds`` (the policy's) choose which target the top factors explain."""
        ...

    def order_risk(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
    ) -> Mapping[str, float] | None:
        """The risk of the same order at a typical payment history (None without a model)."""
        ...


class RoutingPolicy(Protocol):
    """Exceptions and risk -> pass or review, with the reasons in plain words."""

    version: str

    @property
    def risk_thresholds(self) -> Mapping[str, float]:
        """Each risk target's threshold: a score strictly above it sends to review."""
        ...

    def needs_order_risk(self, risk: RiskScore) -> bool:
        """Whether ``decide`` would heed the order's own risk for this ``risk``."""
        ...

    def assign_queues(self, exceptions: list[BillingException]) -> list[BillingException]: ...

    def decide(
        self,
        exceptions: list[BillingException],
        risk: RiskScore | None,
        *,
        order_risk: Mapping[str, float] | None = None,
    ) -> tuple[Decision, list[str]]: ...


class Components(Protocol):
    """The heavy parts, loaded once at start-up (read-only to the pipeline)."""

    @property
    def reader(self) -> DocumentReader: ...
    @property
    def extractor(self) -> Extractor: ...
    @property
    def rules(self) -> RuleEngine: ...
    @property
    def scorer(self) -> RiskScorer: ...
    @property
    def policy(self) -> RoutingPolicy: ...


def make_order_id(document_sha256: str, quote: Quote) -> str:
    """Return a stable order id for one document checked against one quote."""
    digest = hashlib.sha256(f"{document_sha256}:{quote.quote_id}:{quote.account_id}".encode())
    return "ord_" + digest.hexdigest()[:20]


def triage_order(
    pdf: bytes,
    quote: Quote,
    customer: Customer,
    *,
    parts: Components,
    filename: str = "order.pdf",
    order_id: str | None = None,
) -> CheckResult:
    """Run one order through every stage and return its check result."""
    document = parts.reader.read(pdf, filename=filename)
    extraction = parts.extractor.extract(document, country=customer.country)
    return check_extraction(
        extraction,
        quote,
        customer,
        parts=parts,
        order_id=order_id or make_order_id(extraction.document.sha256, quote),
        extractor_version=parts.extractor.version,
    )


def check_extraction(
    extraction: Extraction,
    quote: Quote,
    customer: Customer,
    *,
    parts: Components,
    order_id: str,
    extractor_version: str | None,
    notes: tuple[str, ...] = (),
) -> CheckResult:
    """Return the check result of an extraction: rules, queues, risk, decision and the
    versions that made them - the tail of the pipeline, shared by a new order and an
    analyst's correction (whose ``notes`` join the reasons), so a corrected result is
    scored and decided like any other and names the versions that did it."""
    exceptions = parts.policy.assign_queues(parts.rules.evaluate(extraction, quote, customer))
    risk = parts.scorer.score(
        extraction, exceptions, quote, customer, thresholds=parts.policy.risk_thresholds
    )
    order_risk = (
        parts.scorer.order_risk(extraction, exceptions, quote, customer)
        if risk is not None and parts.policy.needs_order_risk(risk)
        else None
    )
    decision, reasons = parts.policy.decide(exceptions, risk, order_risk=order_risk)
    return CheckResult(
        order_id=order_id,
        decision=decision,
        exceptions=exceptions,
        risk=risk,
        reasons=[*reasons, *notes],
        extraction=extraction,
        versions=Versions(
            rules=parts.rules.version,
            policy=parts.policy.version,
            model=risk.model_version if risk else None,
            extractor=extractor_version,
            # optional on a RuleEngine: an engine without a clause playbook has none
            playbook=getattr(parts.rules, "playbook_version", None),
        ),
    )
