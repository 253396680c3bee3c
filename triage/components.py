"""Loading the heavy parts once: reader, extractor, rule pack, risk model, policy."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Self

from triage.comparison import RulePack
from triage.config import Settings, usable_cores
from triage.contract import FIELD_NAMES, BillingException, Customer, Extraction, Quote, RiskScore
from triage.documents.renderer import PageRenderer, render_pool
from triage.documents.sandbox import SandboxedReader, parse_pool
from triage.errors import ConfigError
from triage.extraction import OrderExtractor
from triage.extraction.pooled import PooledExtractor, extraction_pool, wait_until_loaded
from triage.llm import with_llm_assistance
from triage.logs import get_logger
from triage.pipeline import DocumentReader, Extractor, RiskScorer, RoutingPolicy, RuleEngine
from triage.routing import RoutingPolicy as Policy
from triage.scoring.registry import ModelRegistry
from triage.scoring.scorer import load_promoted_scorer
from triage.workers import (
    Admission,
    Closing,
    Gate,
    HostStatus,
    PoolHost,
    RemoteGate,
    RemotePool,
)

__all__ = [
    "LoadedComponents",
    "PromotedScorer",
    "admission_gate",
    "load_components",
    "page_renderer",
    "pool_health",
    "start_worker_host",
]


@dataclass(frozen=True)
class LoadedComponents:
    """The stages of the pipeline, built once and shared by every order."""

    reader: DocumentReader
    extractor: Extractor
    rules: RuleEngine
    scorer: RiskScorer
    policy: RoutingPolicy
    children: tuple[Closing, ...] = ()

    def close(self) -> None:
        """Stop the child processes (the reader's, and the extractor's when pooled)."""
        for pool in self.children:
            pool.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


log = get_logger(__name__)
READER_POOL = "reader"
EXTRACTOR_POOL = "extractor"
RENDER_POOL = "renderer"
ORDERS_GATE = "orders"


class PromotedScorer:
    """The promoted risk model, followed: before each order it reads the registry's pointer
    (one small file) and, when another version was promoted or rolled back to, loads that
    version first. So a promotion takes effect for the next order every server process
    scores, without a restart. A newly promoted version that cannot be loaded is logged
    and the loaded one keeps scoring (a broken promotion must not stop orders)."""

    def __init__(self, models_dir: Path) -> None:
        self.models_dir = models_dir
        self._registry = ModelRegistry(models_dir / "risk")
        self._lock = threading.Lock()
        self._pointer = self._registry.promoted()
        self._scorer = load_promoted_scorer(models_dir)
        self.version: str = self._scorer.version

    def _current(self) -> RiskScorer:
        pointer = self._registry.promoted()
        if pointer != self._pointer:
            with self._lock:
                if pointer != self._pointer:
                    self._reload(pointer)
        return self._scorer

    def _reload(self, pointer: str | None) -> None:
        try:
            self._scorer = load_promoted_scorer(self.models_dir)
        except ConfigError as error:
            log.error("promoted risk model not loaded", version=pointer, error=error.detail)
        else:
            self.version = self._scorer.version
            log.info("risk model reloaded", version=self.version)
        self._pointer = pointer  # tried once per promotion, not once per order

    def score(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
        *,
        thresholds: Mapping[str, float] | None = None,
    ) -> RiskScore | None:
        """Return the risk by the version promoted now."""
        return self._current().score(extraction, exceptions, quote, customer, thresholds=thresholds)

    def order_risk(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
    ) -> Mapping[str, float] | None:
        """Return the order's own risk by the version promoted now."""
        return self._current().order_risk(extraction, exceptions, quote, customer)


def admission_gate(settings: Settings) -> Admission:
    """Return the gate new orders pass to be checked: the host's, shared by every server
    process, or this process's own (``orders_in_progress`` places either way)."""
    if settings.worker_host:
        return RemoteGate(settings.worker_host, _host_key(settings), ORDERS_GATE)
    return Gate(settings.resolved_orders_in_progress, name=ORDERS_GATE)


def _host_key(settings: Settings) -> bytes:
    key = settings.worker_host_key
    return bytes.fromhex(key.get_secret_value()) if key else b""


def start_worker_host(settings: Settings) -> PoolHost:
    """Start the parse, extraction and render children that ``triage serve --workers N``
    shares.

    Extraction gets ``extract_workers`` children (one per core unless set). The servers
    reach them through ``settings.worker_host`` (see ``triage.workers.host``).
    """
    parse = parse_pool(memory_mb=settings.parse_memory_mb, workers=settings.parse_workers)
    extract = extraction_pool(
        settings.models_dir, workers=settings.extract_workers or usable_cores()
    )
    render = render_pool(memory_mb=settings.render_memory_mb, workers=settings.render_workers)
    host = PoolHost(
        {READER_POOL: parse, EXTRACTOR_POOL: extract, RENDER_POOL: render},
        {ORDERS_GATE: Gate(settings.resolved_orders_in_progress, name=ORDERS_GATE)},
    )
    try:
        wait_until_loaded(extract, settings.models_dir)
        parse.wait_ready()
        render.wait_ready()
    except BaseException:
        host.close()
        raise
    return host.start()


def pool_health(settings: Settings) -> dict[str, dict[str, int]] | None:
    """Return the supervisor's pools (live workers and size of each) for ``/healthz``, or
    None when this process runs its own children; raise ServiceUnavailable when the
    supervisor's host cannot be reached."""
    if not settings.worker_host:
        return None
    return HostStatus(settings.worker_host, _host_key(settings), "status").pools()


def page_renderer(settings: Settings) -> PageRenderer:
    """Return the page renderer: the host's render children under ``triage serve``, or
    children of this process's own, started on first use."""
    if settings.worker_host:
        pool = RemotePool(settings.worker_host, _host_key(settings), RENDER_POOL)
        return PageRenderer.from_settings(settings, pool=pool)
    return PageRenderer.from_settings(settings)


def _document_stages(settings: Settings) -> tuple[SandboxedReader, Extractor]:
    """Return the reader and the base extractor, wherever ``settings`` says they run."""
    if settings.worker_host:
        key = _host_key(settings)
        reader = SandboxedReader.from_settings(
            settings, pool=RemotePool(settings.worker_host, key, READER_POOL)
        )
        remote = RemotePool(settings.worker_host, key, EXTRACTOR_POOL)
        return reader, PooledExtractor.from_settings(settings, pool=remote)
    reader = SandboxedReader.from_settings(settings)
    if settings.extract_workers > 0:
        # The children load their models while this process loads the rest.
        return reader, PooledExtractor.from_settings(settings)
    return reader, OrderExtractor.load(settings.models_dir)


def load_components(settings: Settings) -> LoadedComponents:
    """Build every stage from ``settings``; raise ConfigError if a pack or model is bad.

    Extraction runs in this process unless ``extract_workers`` is above 0 (its own
    children) or ``worker_host`` names the children of ``triage serve``'s supervisor. The
    extractor is wrapped in LLM assistance only when an LLM endpoint is configured; the
    rule pack's confidence thresholds decide which fields it may be asked about.
    """
    reader, base = _document_stages(settings)
    children: list[Closing] = [reader]
    rules = RulePack.load(settings.rules_dir / f"{settings.rule_pack}.yaml")
    policy = Policy.load(settings.rules_dir / f"{settings.policy}.yaml")
    extractor = with_llm_assistance(
        base,
        settings,
        thresholds={name: rules.thresholds.for_field(name) for name in FIELD_NAMES},
    )
    scorer = PromotedScorer(settings.models_dir)
    if isinstance(base, PooledExtractor):
        children.append(base)
        base.wait_ready()
    return LoadedComponents(
        reader=reader,
        extractor=extractor,
        rules=rules,
        scorer=scorer,
        policy=policy,
        children=tuple(children),
    )
