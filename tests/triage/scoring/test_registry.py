"""The registry: listing, promoting, rolling back and comparing versions in a folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.triage.scoring.registry_fixtures import add_version
from triage.errors import Conflict, NotFound
from triage.scoring.registry import ModelRegistry


@pytest.fixture
def registry(tmp_path: Path) -> ModelRegistry:
    for version, auc in [
        ("risk-2026.11.1", 0.70),
        ("risk-2026.11.2", 0.75),
        ("risk-2026.12.1", 0.8),
    ]:
        add_version(tmp_path, version, dispute_auc=auc)
    (tmp_path / "risk-2026.11.3").mkdir()  # no metadata: not a version
    return ModelRegistry(tmp_path)


def test_versions_are_listed_in_version_order(registry: ModelRegistry) -> None:
    assert registry.versions() == ["risk-2026.11.1", "risk-2026.11.2", "risk-2026.12.1"]
    assert registry.next_version(date(2026, 11, 20)) == "risk-2026.11.3"
    assert registry.next_version(date(2027, 1, 5)) == "risk-2027.1.1"


def test_promote_then_rollback_returns_to_the_previous_version(registry: ModelRegistry) -> None:
    assert registry.promoted() is None
    registry.promote("risk-2026.11.1")
    registry.promote("risk-2026.12.1")
    assert registry.promoted() == "risk-2026.12.1"
    event = registry.rollback()
    assert (event.version, event.previous) == ("risk-2026.11.1", "risk-2026.12.1")
    assert registry.promoted() == "risk-2026.11.1"
    assert [e.action for e in registry.history()] == ["promote", "promote", "rollback"]
    with pytest.raises(Conflict, match="nothing to roll back"):
        registry.rollback()


def test_a_committed_pointer_without_history_can_be_rolled_back_to(
    registry: ModelRegistry,
) -> None:
    (registry.root / "PROMOTED").write_text("risk-2026.11.1\n")
    registry.promote("risk-2026.11.2")
    registry.rollback()
    assert registry.promoted() == "risk-2026.11.1"


def test_unknown_or_malformed_versions_are_not_found(registry: ModelRegistry) -> None:
    for bad in ["risk-2030.1.1", "../risk-2026.11.1", "risk-2026.11.3"]:
        with pytest.raises(NotFound):
            registry.promote(bad)
    assert registry.promoted() is None


def test_compare_puts_both_versions_metrics_side_by_side(registry: ModelRegistry) -> None:
    rows = registry.compare("risk-2026.11.1", "risk-2026.12.1")
    auc = next(r for r in rows if (r.target, r.model, r.metric) == ("dispute", "model", "roc_auc"))
    assert (auc.a, auc.b) == (0.70, 0.8)
