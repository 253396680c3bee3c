"""POST /v1/orders and GET /v1/orders/{id}: stored before answering, replayed on retry."""

from __future__ import annotations

import dataclasses
import re
import threading
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import customer_json, order_parts, quote_json
from tests.api.parts import render_order
from triage.auth import Role
from triage.extraction.pooled import ExtractionFailed
from triage.store import Store
from triage.store.tables import IdempotencyRow, OrderRow


def submit(client: TestClient, headers: dict[str, str], key: str, files: dict[str, Any]) -> Any:
    return client.post("/v1/orders", files=files, headers={**headers, "Idempotency-Key": key})


def count_orders(store: Store) -> int:
    with store.transaction() as session:
        return int(session.scalar(select(func.count()).select_from(OrderRow)) or 0)


def test_new_order_is_created_stored_and_readable(client, auth, store):
    response = submit(client, auth[Role.SERVICE], "k-1", order_parts(45))
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["decision"] == "review"
    assert [e["code"] for e in result["exceptions"]] == ["PAYMENT_TERMS_MISMATCH"]
    assert response.headers["Idempotent-Replayed"] == "false"
    assert response.headers["x-request-id"]
    stored = client.get(f"/v1/orders/{result['order_id']}", headers=auth[Role.SERVICE]).json()
    assert stored["status"] == "in_review"
    assert stored["result"] == result
    assert [e["action"] for e in stored["review_history"]] == ["queued"]
    assert store.blobs.exists(stored["document_sha256"])


def test_retry_with_same_key_and_body_replays_the_stored_result(client, auth, store):
    files = order_parts(30, marker="same")
    first = submit(client, auth[Role.SERVICE], "k-2", files)
    again = submit(client, auth[Role.SERVICE], "k-2", order_parts(30, marker="same"))
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert count_orders(store) == 1
    timing = first.headers["server-timing"]
    assert re.fullmatch(r"queue;dur=\d+\.\d, pipeline;dur=\d+\.\d, store;dur=\d+\.\d", timing)
    assert "server-timing" not in again.headers  # a replay runs no pipeline


def test_same_key_with_a_different_body_is_refused(client, auth, store):
    assert submit(client, auth[Role.SERVICE], "k-3", order_parts(30)).status_code == 201
    reused = submit(client, auth[Role.SERVICE], "k-3", order_parts(60))
    assert reused.status_code == 409
    assert reused.headers["content-type"] == "application/problem+json"
    assert reused.json()["code"] == "idempotency.key_reused"
    assert count_orders(store) == 1


def test_keys_are_scoped_to_the_api_key(client, auth, store):
    from triage.service import create_api_key

    other = {"Authorization": f"Bearer {create_api_key(store, role='service').key}"}
    assert submit(client, auth[Role.SERVICE], "shared", order_parts(30)).status_code == 201
    assert submit(client, other, "shared", order_parts(60)).status_code == 201
    assert count_orders(store) == 2


def test_same_document_under_two_keys_is_stored_once_on_disk(client, auth, store):
    for key in ("a", "b"):
        assert submit(client, auth[Role.SERVICE], key, order_parts(30)).status_code == 201
    blobs = list(store.blobs.root.rglob("*.pdf"))
    assert len(blobs) == 1


def test_concurrent_duplicates_process_the_order_once(client, auth, store):
    statuses: list[int] = []
    bodies: list[dict[str, Any]] = []
    lock = threading.Lock()

    def send() -> None:
        response = submit(client, auth[Role.SERVICE], "race", order_parts(45, marker="race"))
        with lock:
            statuses.append(response.status_code)
            bodies.append(response.json())

    threads = [threading.Thread(target=send) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] * 5 + [201]
    assert all(body == bodies[0] for body in bodies)
    assert count_orders(store) == 1


def test_a_failed_request_releases_its_key_for_the_retry(client, auth, store):
    bad = {**order_parts(30), "document": ("order.pdf", b"%PDF-1.7 broken", "application/pdf")}
    first = submit(client, auth[Role.SERVICE], "k-fail", bad)
    assert first.status_code == 422
    assert first.json()["code"].startswith("document")
    with store.transaction() as session:
        assert session.scalar(select(func.count()).select_from(IdempotencyRow)) == 0
    assert submit(client, auth[Role.SERVICE], "k-fail", order_parts(30)).status_code == 201


def test_missing_idempotency_key_is_a_problem_naming_the_header(client, auth):
    response = client.post("/v1/orders", files=order_parts(30), headers=auth[Role.SERVICE])
    assert response.status_code == 422
    assert "Idempotency-Key" in response.json()["detail"]


def test_unknown_order_is_404_problem(client, auth):
    response = client.get("/v1/orders/ord_00000000000000000000", headers=auth[Role.SERVICE])
    assert response.status_code == 404
    assert response.json()["type"].endswith("/not_found")


def test_pass_order_is_not_queued(client, auth):
    result = submit(client, auth[Role.SERVICE], "k-pass", order_parts(30)).json()
    assert result["decision"] == "pass"
    stored = client.get(f"/v1/orders/{result['order_id']}", headers=auth[Role.SERVICE]).json()
    assert stored["status"] == "passed"
    assert stored["review_history"] == []


def test_quote_may_be_sent_as_a_file_part(client, auth):
    files = {
        "document": ("order.pdf", render_order(30), "application/pdf"),
        "quote": ("quote.json", quote_json().encode(), "application/json"),
        "customer": ("customer.json", customer_json().encode(), "application/json"),
    }
    assert submit(client, auth[Role.SERVICE], "k-files", files).status_code == 201


def test_an_order_without_a_turn_in_time_is_503_busy_and_its_retry_succeeds(
    settings, store, parts, auth
):
    app = create_app(
        settings.model_copy(update={"orders_in_progress": 1}),
        ApiSettings(background_jobs=False, admission_wait_s=0.3),
        store=store,
        parts=parts,
    )
    with TestClient(app) as client:
        gate = app.state.runtime.admission
        files = order_parts(33, marker="busy")
        with gate.turn():  # another order holds the only place
            busy = submit(client, auth[Role.SERVICE], "k-busy", files)
        assert busy.status_code == 503, busy.text
        assert busy.headers["content-type"] == "application/problem+json"
        assert busy.headers["retry-after"] == "1"
        assert busy.json()["code"] == "service.busy"
        assert "Idempotency-Key" in busy.json()["detail"]
        assert count_orders(store) == 0
        retry = submit(client, auth[Role.SERVICE], "k-busy", files)
        assert retry.status_code == 201, retry.text
        assert count_orders(store) == 1


class _BrokenExtractor:
    version = "broken"

    def extract(self, document: object, *, country: str | None = None) -> object:
        raise ExtractionFailed("extraction failed in its child process: a bug")


def test_an_unexpected_failure_is_a_500_problem_naming_its_request_id(settings, store, parts, auth):
    app = create_app(
        settings,
        ApiSettings(background_jobs=False),
        store=store,
        parts=dataclasses.replace(parts, extractor=_BrokenExtractor()),
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        files = order_parts(31, marker="broken")
        failed = submit(client, auth[Role.SERVICE], "k-broken", files)
        assert failed.status_code == 500
        assert failed.headers["content-type"] == "application/problem+json"
        body = failed.json()
        assert body["code"] == "internal" and "Traceback" not in failed.text
        assert body["request_id"] == failed.headers["x-request-id"]
        assert count_orders(store) == 0
    healthy = create_app(settings, ApiSettings(background_jobs=False), store=store, parts=parts)
    with TestClient(healthy) as client:
        retried = submit(client, auth[Role.SERVICE], "k-broken", files)
        assert retried.status_code == 201  # the failed request released its key
