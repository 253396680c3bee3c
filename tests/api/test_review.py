"""Review queue filters, sorting and paging; decisions with their audit trail; outcomes."""

from __future__ import annotations

import shutil
from typing import Any

from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import order_parts
from triage.auth import Role
from triage.config import REPO_ROOT
from triage.scoring.registry import ModelRegistry


def submit(
    client: TestClient, auth: Any, key: str, payment_days: int = 45, **customer: Any
) -> dict[str, Any]:
    files = order_parts(payment_days, marker=key, **customer)
    response = client.post(
        "/v1/orders", files=files, headers={**auth[Role.SERVICE], "Idempotency-Key": key}
    )
    assert response.status_code == 201, response.text
    return response.json()


def history(disputed: int) -> dict[str, Any]:
    return {
        "history": {"invoices_12m": 10, "disputed_invoices_12m": disputed, "avg_days_late_12m": 1}
    }


def test_queue_filters_sorts_and_pages(client, auth):
    low = submit(client, auth, "low", **history(1))
    high = submit(client, auth, "high", **history(8))
    held = submit(client, auth, "held", 30, credit_hold=True, **history(5))
    submit(client, auth, "clean", 30)
    analyst = auth[Role.ANALYST]
    page = client.get("/v1/review-queue", headers=analyst).json()
    assert [i["order_id"] for i in page["items"]] == [
        high["order_id"],
        held["order_id"],
        low["order_id"],
    ]
    credit = client.get("/v1/review-queue", params={"queue": "credit"}, headers=analyst).json()
    assert [i["order_id"] for i in credit["items"]] == [held["order_id"]]
    by_code = client.get(
        "/v1/review-queue", params={"code": "PAYMENT_TERMS_MISMATCH"}, headers=analyst
    ).json()
    assert {i["order_id"] for i in by_code["items"]} == {low["order_id"], high["order_id"]}
    risky = client.get("/v1/review-queue", params={"min_risk": 0.5}, headers=analyst).json()
    assert {i["order_id"] for i in risky["items"]} == {high["order_id"], held["order_id"]}
    oldest = client.get("/v1/review-queue", params={"sort": "age"}, headers=analyst).json()
    assert oldest["items"][0]["order_id"] == low["order_id"]
    seen, cursor = [], None
    while True:
        params = {"limit": 1, "sort": "risk", **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/review-queue", params=params, headers=analyst).json()
        seen += [i["order_id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == [high["order_id"], held["order_id"], low["order_id"]]
    bad = client.get("/v1/review-queue", params={"cursor": "nonsense"}, headers=analyst)
    assert bad.status_code == 422 and "cursor" in bad.json()["detail"]


def test_correct_reruns_the_rules_and_keeps_before_and_after(client, auth):
    order = submit(client, auth, "fix")
    decision = {
        "action": "correct",
        "reason_code": "EXTRACTION_ERROR",
        "comment": "Net 30 on p3",
        "corrections": {"payment_terms_days": 30},
    }
    response = client.post(
        f"/v1/orders/{order['order_id']}/decision", json=decision, headers=auth[Role.ANALYST]
    )
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["exceptions_before"] == ["PAYMENT_TERMS_MISMATCH"]
    assert record["exceptions_after"] == []
    assert record["result"]["extraction"]["fields"]["payment_terms_days"]["source"] == "analyst"
    stored = client.get(f"/v1/orders/{order['order_id']}", headers=auth[Role.ANALYST]).json()
    assert stored["status"] == "corrected"
    audit = stored["review_history"][-1]
    assert audit["action"] == "correct" and audit["reason_code"] == "EXTRACTION_ERROR"
    assert audit["before"]["fields"] == {"payment_terms_days": 45}
    assert audit["after"] == {"exceptions": [], "fields": {"payment_terms_days": 30}}
    assert client.get("/v1/review-queue", headers=auth[Role.ANALYST]).json()["items"] == []
    again = client.post(
        f"/v1/orders/{order['order_id']}/decision", json=decision, headers=auth[Role.ANALYST]
    )
    assert again.status_code == 409 and again.json()["code"] == "review.not_open"


def test_decision_input_errors_name_the_field(client, auth):
    order = submit(client, auth, "bad-decision")
    url = f"/v1/orders/{order['order_id']}/decision"
    cases = [
        (
            {"action": "correct", "reason_code": "X", "corrections": {"colour": 1}},
            "corrections.colour",
        ),
        (
            {
                "action": "correct",
                "reason_code": "X",
                "corrections": {"payment_terms_days": "soon"},
            },
            "payment_terms_days",
        ),
        ({"action": "correct", "reason_code": "X"}, "corrections"),
        ({"action": "approve", "reason_code": "X", "mood": "good"}, "mood"),
    ]
    for body, named in cases:
        response = client.post(url, json=body, headers=auth[Role.ANALYST])
        assert response.status_code == 422, body
        assert named in response.json()["detail"]


def test_approve_and_reject_close_the_item(client, auth):
    for action, status in (("approve", "approved"), ("reject", "rejected")):
        order = submit(client, auth, action)
        body = {"action": action, "reason_code": "OK"}
        assert (
            client.post(
                f"/v1/orders/{order['order_id']}/decision", json=body, headers=auth[Role.ANALYST]
            ).json()["status"]
            == status
        )


def test_outcome_is_recorded_then_replaced(client, auth):
    order = submit(client, auth, "outcome", 30)
    url = f"/v1/orders/{order['order_id']}/outcome"
    report = {"disputed": True, "days_late": 12, "reported_at": "2027-03-02"}
    first = client.post(url, json=report, headers=auth[Role.SERVICE])
    assert first.status_code == 201 and first.json()["days_late"] == 12
    second = client.post(url, json={**report, "days_late": 14}, headers=auth[Role.SERVICE])
    assert second.status_code == 200
    stored = client.get(f"/v1/orders/{order['order_id']}", headers=auth[Role.SERVICE]).json()
    assert stored["outcome"]["days_late"] == 14
    assert (
        client.post(url, json={**report, "extra": 1}, headers=auth[Role.SERVICE]).status_code == 422
    )
    missing = client.post(
        "/v1/orders/ord_00000000000000000000/outcome", json=report, headers=auth[Role.SERVICE]
    )
    assert missing.status_code == 404


def test_metrics_summary_and_prometheus(client, auth):
    submit(client, auth, "m1")
    submit(client, auth, "m2", 30)
    summary = client.get("/v1/metrics/summary", headers=auth[Role.ANALYST]).json()
    assert summary["orders_total"] == 2
    assert summary["touchless_rate"] == 0.5
    assert summary["exception_rate_by_code"] == {"PAYMENT_TERMS_MISMATCH": 0.5}
    assert summary["queue_size"] == 1 and summary["oldest_item_age_seconds"] >= 0
    text = client.get("/metrics").text
    assert "triage_review_queue_size 1.0" in text
    assert 'triage_exceptions_total{code="PAYMENT_TERMS_MISMATCH"}' in text
    assert "triage_http_request_duration_seconds_bucket" in text


def test_models_are_listed_and_promoted_through_the_registry(
    settings, store, parts, auth, tmp_path
):
    models_dir = tmp_path / "models"
    shutil.copytree(REPO_ROOT / "models" / "risk", models_dir / "risk")
    registry = ModelRegistry(models_dir / "risk")
    shipped = registry.promoted()
    assert shipped is not None
    own = settings.model_copy(update={"models_dir": models_dir})
    app = create_app(own, ApiSettings(background_jobs=False), store=store, parts=parts)
    with TestClient(app) as client:
        listed = client.get("/v1/models", headers=auth[Role.DATA_SCIENTIST]).json()
        assert listed["source"] == "registry" and listed["active"] == shipped
        assert [m["version"] for m in listed["models"]] == registry.versions()
        assert all("metrics" in m["metadata"] for m in listed["models"])
        missing = client.post("/v1/models/risk-1999.1.1/promote", headers=auth[Role.DATA_SCIENTIST])
        assert missing.status_code == 404
        assert missing.headers["content-type"].startswith("application/problem+json")
        promoted = client.post(f"/v1/models/{shipped}/promote", headers=auth[Role.DATA_SCIENTIST])
        assert promoted.status_code == 200 and promoted.json()["active"] == shipped
    assert [e.version for e in registry.history()][-1] == shipped
