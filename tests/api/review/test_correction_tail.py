"""A correction stores a result that agrees with itself, and a promotion reaches every
process: the tail of the pipeline (rules, queues, risk, decision, versions) runs again on
the corrected values, the order's exception rows are rewritten in the same transaction,
and the scorer follows the registry's pointer without a restart."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import order_parts
from tests.api.parts import HistoryScorer, TestParts
from triage.auth import Caller
from triage.components import PromotedScorer
from triage.config import REPO_ROOT, Settings
from triage.contract import RiskScore
from triage.scoring.registry import ModelRegistry
from triage.service import create_api_key, get_order, metrics_summary, record_decision
from triage.service.schemas import DecisionRequest, ReviewAction
from triage.store import Store
from triage.store.tables import OrderExceptionRow, OrderRow


class RetrainedScorer(HistoryScorer):
    """A later risk model: another version, another score."""

    version = "test-risk.2"

    def score(self, *args: Any, **options: Any) -> RiskScore | None:
        """Return a fixed, different risk."""
        return RiskScore(dispute=0.05, delay=0.01, model_version=self.version)


def _correct(store: Store, parts: Any, caller: Caller, order_id: str, days: int) -> None:
    request = DecisionRequest(
        action=ReviewAction.CORRECT,
        reason_code="EXTRACTION_ERROR",
        corrections={"payment_terms_days": days},
    )
    record_decision(store, parts, caller, order_id, request)


def test_a_correction_rescores_and_rewrites_the_exception_rows(
    store: Store, parts: TestParts, submit: Any, alice: Caller
) -> None:
    fixed, kept = submit("tail-1")["order_id"], submit("tail-2")["order_id"]
    later = dataclasses.replace(parts, scorer=RetrainedScorer())
    _correct(store, later, alice, fixed, 30)  # Net 30 = the customer's terms: no exception
    _correct(store, later, alice, kept, 60)  # still differs
    for order_id, codes in ((fixed, []), (kept, ["PAYMENT_TERMS_MISMATCH"])):
        result = get_order(store, alice, order_id).result
        assert [e.code.value for e in result.exceptions] == codes
        assert result.risk is not None and result.risk.model_version == "test-risk.2"
        assert result.versions.model == "test-risk.2"
        with store.transaction() as session:
            row = session.get(OrderRow, order_id)
            assert row is not None
            assert row.model_version == "test-risk.2" and row.risk == 0.05
            stored = session.query(OrderExceptionRow).filter_by(order_id=order_id).all()
            assert [r.code for r in stored] == codes
    summary = metrics_summary(store, alice)
    assert summary.exception_rate_by_code == {"PAYMENT_TERMS_MISMATCH": 0.5}


def _two_versions(tmp_path: Path) -> tuple[Path, str, str]:
    """A registry with the shipped version promoted and a copy of it under a later name."""
    models_dir = tmp_path / "models"
    shutil.copytree(REPO_ROOT / "models" / "risk", models_dir / "risk")
    registry = ModelRegistry(models_dir / "risk")
    shipped = registry.promoted()
    assert shipped is not None
    later = "risk-2099.1.1"
    shutil.copytree(registry.root / shipped, registry.root / later)
    meta = json.loads((registry.root / later / "metadata.json").read_text())
    meta["version"] = later
    (registry.root / later / "metadata.json").write_text(json.dumps(meta))
    return models_dir, shipped, later


def test_a_promotion_reaches_every_server_process_without_a_restart(
    tmp_path: Path, settings: Settings, store: Store, parts: TestParts
) -> None:
    models_dir, shipped, later = _two_versions(tmp_path)
    own = settings.model_copy(update={"models_dir": models_dir})
    clients = [  # two server processes: each loads its own scorer, they share only the disk
        TestClient(
            create_app(
                own,
                ApiSettings(background_jobs=False),
                store=store,
                parts=dataclasses.replace(parts, scorer=PromotedScorer(models_dir)),
            )
        )
        for _ in range(2)
    ]
    service = {"Authorization": f"Bearer {create_api_key(store, role='service').key}"}
    scientist = {"Authorization": f"Bearer {create_api_key(store, role='data_scientist').key}"}

    def model_of(client: TestClient, key: str) -> str:
        created = client.post(
            "/v1/orders",
            files=order_parts(45, marker=key),
            headers={**service, "Idempotency-Key": key},
        )
        assert created.status_code == 201, created.text
        version: str = created.json()["versions"]["model"]
        return version

    with clients[0], clients[1]:
        assert [model_of(c, f"before-{n}") for n, c in enumerate(clients)] == [shipped] * 2
        promoted = clients[0].post(f"/v1/models/{later}/promote", headers=scientist)
        assert promoted.status_code == 200 and promoted.json()["active"] == later
        assert [model_of(c, f"after-{n}") for n, c in enumerate(clients)] == [later] * 2
