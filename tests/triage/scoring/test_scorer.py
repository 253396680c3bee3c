"""The service's scorer: calibrated probabilities, its version, and faithful top factors."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tests.triage.scoring.orders import customer, exception, extraction, quote
from triage.config import REPO_ROOT
from triage.contract import ClauseType, ExceptionCode, RiskScore, Severity
from triage.errors import ConfigError
from triage.scoring.features import OrderFeatures, order_features
from triage.scoring.scorer import RiskModelScorer, load_promoted_scorer
from triage.scoring.unscored import Unscored

RISKY = [
    exception(ExceptionCode.LINE_NOT_IN_QUOTE),
    exception(ExceptionCode.PRICE_MISMATCH),
    exception(ExceptionCode.PO_MISSING, Severity.MEDIUM),
]


def _risky_order() -> tuple[object, ...]:
    order = extraction(clauses=(ClauseType.ACCEPTANCE_CLAUSE,))
    return order, RISKY, quote(), customer(invoices=10, disputed=4, late=14.0)


def test_a_score_is_a_pair_of_probabilities_with_the_model_version(
    shipped_scorer: RiskModelScorer,
) -> None:
    risk = shipped_scorer.score(extraction(), [], quote(), customer())
    assert 0 <= risk.dispute <= 1 and 0 <= risk.delay <= 1
    assert risk.model_version == shipped_scorer.version


def test_exceptions_and_a_poor_history_raise_the_dispute_risk(
    shipped_scorer: RiskModelScorer,
) -> None:
    clean = shipped_scorer.score(extraction(), [], quote(), customer(disputed=0, late=0.0))
    risky = shipped_scorer.score(*_risky_order())  # type: ignore[arg-type]
    assert risky.dispute > clean.dispute + 0.1


def _without(scorer: RiskModelScorer, features: OrderFeatures, feature: str) -> RiskScore:
    """The risk of the order with ``feature`` set back to its reference value."""
    column = features.names.index(feature)
    undone = features.values.copy()
    undone[column] = np.asarray(scorer.metadata.reference)[column]
    return scorer.score_features(OrderFeatures(features.names, undone))


def test_each_top_factor_moves_the_score_by_its_stated_amount(
    shipped_scorer: RiskModelScorer,
) -> None:
    features = order_features(*_risky_order())  # type: ignore[arg-type]
    risk = shipped_scorer.score_features(features)
    assert risk.top_factors, "a risky order must have top factors"
    for factor in risk.top_factors:
        rescored = _without(shipped_scorer, features, factor.feature)
        assert rescored.dispute == pytest.approx(risk.dispute - factor.contribution, abs=2e-4)


def test_removing_a_top_exception_lowers_the_dispute_risk(
    shipped_scorer: RiskModelScorer,
) -> None:
    order, raised, offer, buyer = _risky_order()
    risk = shipped_scorer.score(order, raised, offer, buyer)  # type: ignore[arg-type]
    codes = {e.code.value.lower(): e for e in RISKY}
    top = next(f for f in risk.top_factors if f.feature in codes and f.contribution > 0)
    kept = [e for e in RISKY if e is not codes[top.feature]]
    assert shipped_scorer.score(order, kept, offer, buyer).dispute < risk.dispute  # type: ignore[arg-type]


def test_no_promoted_version_means_unscored(tmp_path: Path) -> None:
    assert isinstance(load_promoted_scorer(tmp_path), Unscored)


def test_a_tampered_artifact_is_refused(tmp_path: Path, shipped_scorer: RiskModelScorer) -> None:
    source = REPO_ROOT / "models" / "risk" / shipped_scorer.version
    copy = tmp_path / shipped_scorer.version
    shutil.copytree(source, copy)
    with (copy / "model.skops").open("ab") as artifact:
        artifact.write(b"\0")
    with pytest.raises(ConfigError, match="does not match"):
        RiskModelScorer.load(copy)


def test_a_model_of_another_feature_set_is_refused(shipped_scorer: RiskModelScorer) -> None:
    stale = shipped_scorer.metadata.model_copy(
        update={"feature_names": shipped_scorer.metadata.feature_names[:-1]}
    )
    with pytest.raises(ConfigError, match="feature set"):
        RiskModelScorer({}, stale)


def test_the_top_factors_explain_the_target_that_stands_highest_over_its_threshold(
    shipped_scorer: RiskModelScorer,
) -> None:
    # A customer who pays late but rarely disputes: the delay score is the one to explain.
    late_payer = (extraction(), [], quote(), customer(invoices=10, disputed=0, late=25.0))
    plain = shipped_scorer.score(*late_payer)  # type: ignore[arg-type]
    thresholds = {"dispute": 0.30, "delay": min(0.99, plain.delay / 2)}
    routed = shipped_scorer.score(*late_payer, thresholds=thresholds)  # type: ignore[arg-type]
    assert (routed.dispute, routed.delay) == (plain.dispute, plain.delay)
    assert routed.top_factors[0].feature == "history_avg_days_late_12m"
    features = order_features(*late_payer)  # type: ignore[arg-type]
    for factor in routed.top_factors:
        rescored = _without(shipped_scorer, features, factor.feature)
        assert rescored.delay == pytest.approx(routed.delay - factor.contribution, abs=2e-4)


def test_the_order_risk_holds_the_payment_history_at_the_reference(
    shipped_scorer: RiskModelScorer,
) -> None:
    late_payer = (extraction(), [], quote(), customer(invoices=2, disputed=2, late=23.0))
    typical = (extraction(), [], quote(), customer(invoices=8, disputed=1, late=4.8))
    full = shipped_scorer.score(*late_payer)  # type: ignore[arg-type]
    own = shipped_scorer.order_risk(*late_payer)  # type: ignore[arg-type]
    assert own["delay"] < full.delay and own["dispute"] < full.dispute
    # the order's own risk does not depend on the history it replaces
    assert own == shipped_scorer.order_risk(*typical)  # type: ignore[arg-type]
    at_reference = shipped_scorer.score(*typical)  # type: ignore[arg-type]
    assert own == {"dispute": at_reference.dispute, "delay": at_reference.delay}
    # exceptions on the order still raise it
    assert shipped_scorer.order_risk(*_risky_order())["dispute"] > own["dispute"]  # type: ignore[arg-type]
