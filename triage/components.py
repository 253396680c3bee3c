"""Loading the heavy parts once: reader, extractor, rule pack, risk model, policy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, Self

from triage.comparison import RulePack
from triage.config import Settings
from triage.contract import FIELD_NAMES
from triage.documents.sandbox import SandboxedReader
from triage.extraction import OrderExtractor
from triage.extraction.pooled import PooledExtractor
from triage.llm import with_llm_assistance
from triage.pipeline import DocumentReader, Extractor, RiskScorer, RoutingPolicy, RuleEngine
from triage.routing import RoutingPolicy as Policy
from triage.scoring.scorer import load_promoted_scorer

__all__ = ["LoadedComponents", "load_components"]


class _ChildProcesses(Protocol):
    def close(self) -> None: ...


@dataclass(frozen=True)
class LoadedComponents:
    """The stages of the pipeline, built once and shared by every order."""

    reader: DocumentReader
    extractor: Extractor
    rules: RuleEngine
    scorer: RiskScorer
    policy: RoutingPolicy
    children: tuple[_ChildProcesses, ...] = ()

    def close(self) -> None:
        """Stop the child processes (the reader's, and the extractor's when pooled)."""
        for pool in self.children:
            pool.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def load_components(settings: Settings) -> LoadedComponents:
    """Build every stage from ``settings``; raise ConfigError if a pack or model is bad.

    Extraction runs in ``extract_workers`` child processes when that is above 0 (what
    ``triage serve`` does), else in this process. The extractor is wrapped in LLM
    assistance only when an LLM endpoint is configured; the rule pack's confidence
    thresholds decide which fields it may be asked about.
    """
    rules = RulePack.load(settings.rules_dir / f"{settings.rule_pack}.yaml")
    policy = Policy.load(settings.rules_dir / f"{settings.policy}.yaml")
    base: Extractor
    pooled: PooledExtractor | None = None
    if settings.extract_workers > 0:
        # Children load their models while this process loads the rest.
        base = pooled = PooledExtractor(
            settings.models_dir,
            workers=settings.extract_workers,
            timeout_s=settings.extract_timeout_s,
        )
    else:
        base = OrderExtractor.load(settings.models_dir)
    extractor = with_llm_assistance(
        base,
        settings,
        thresholds={name: rules.thresholds.for_field(name) for name in FIELD_NAMES},
    )
    scorer = load_promoted_scorer(settings.models_dir)
    reader = SandboxedReader.from_settings(settings)
    children: tuple[_ChildProcesses, ...] = (reader,)
    if pooled is not None:
        children += (pooled,)
        pooled.wait_ready()
    return LoadedComponents(
        reader=reader,
        extractor=extractor,
        rules=rules,
        scorer=scorer,
        policy=policy,
        children=children,
    )
