"""Review sessions live on the server: logout, expiry, revocation and a new login end
them; the login form refuses cross-site posts; the signing key is never read half-written."""

from __future__ import annotations

import multiprocessing
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.review.login import log_in
from triage.auth import Role
from triage.store import Store
from triage.store import keys as key_rows
from triage.store.tables import ApiKeyRow

CSRF = 'name="csrf_token" value="'


def _csrf(client: TestClient) -> str:
    page = client.get("/review").text
    return page.split(CSRF, 1)[1].split('"', 1)[0]


def _stranger(client: TestClient, cookie: str) -> TestClient:
    """A second browser that only has a copy of ``cookie`` (e.g. stolen before logout)."""
    other = TestClient(client.app)
    other.cookies.set("triage_review", cookie, path="/review")
    return other


def _logged_in(client: TestClient, key: str) -> str:
    assert log_in(client, key).status_code == 303
    return str(client.cookies.get("triage_review"))


def test_logout_ends_the_session_for_every_copy_of_the_cookie(
    client: TestClient, keys: dict[Role, str], submit: Any
) -> None:
    order_id = submit("s-1")["order_id"]
    cookie = _logged_in(client, keys[Role.ANALYST])
    token = _csrf(client)
    copy = _stranger(client, cookie)
    assert copy.get("/review", follow_redirects=False).status_code == 200
    assert client.post("/review/logout", data={"csrf_token": token}).status_code == 200
    assert copy.get("/review", follow_redirects=False).status_code == 303
    decided = copy.post(
        f"/review/orders/{order_id}/decision",
        data={"csrf_token": token, "action": "approve", "reason_code": "FALSE_POSITIVE"},
        follow_redirects=False,
    )
    assert decided.status_code == 303 and decided.headers["location"] == "/review/login"
    assert (
        client.get(f"/v1/orders/{order_id}", headers=_bearer(keys[Role.SERVICE])).json()["status"]
        == "in_review"
    )


def _bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_a_login_starts_a_new_session_and_ends_the_old_one(
    client: TestClient, keys: dict[Role, str]
) -> None:
    first = _logged_in(client, keys[Role.ANALYST])
    second = _logged_in(client, keys[Role.ANALYST])
    assert first != second
    assert _stranger(client, first).get("/review", follow_redirects=False).status_code == 303
    assert _stranger(client, second).get("/review", follow_redirects=False).status_code == 200


def test_a_session_expires_and_a_revoked_key_ends_it(
    client: TestClient, store: Store, keys: dict[Role, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TRIAGE_REVIEW_SESSION_HOURS", str(1.5 / 3600))
    cookie = _logged_in(client, keys[Role.ANALYST])
    assert client.get("/review", follow_redirects=False).status_code == 200
    time.sleep(2.2)
    assert _stranger(client, cookie).get("/review", follow_redirects=False).status_code == 303
    monkeypatch.setenv("TRIAGE_REVIEW_SESSION_HOURS", "12")
    client.app.state.review_settings = None  # re-read the settings
    _logged_in(client, keys[Role.ANALYST])
    assert client.get("/review", follow_redirects=False).status_code == 200
    with store.transaction() as session:
        row = session.query(ApiKeyRow).filter_by(role="analyst").one()
        key_rows.revoke_key(session, row.id, datetime.now(UTC))
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_a_forged_cookie_is_refused(client: TestClient) -> None:
    forged = _stranger(client, "eyJrIjoia2V5X2FkbWluIn0.forged.signature")
    assert forged.get("/review", follow_redirects=False).status_code == 303


def test_the_login_form_refuses_cross_site_and_foreign_posts(
    client: TestClient, keys: dict[Role, str]
) -> None:
    key = keys[Role.ANALYST]
    bare = client.post("/review/login", data={"api_key": key}, follow_redirects=False)
    assert bare.status_code == 403 and "triage_review" not in bare.headers.get("set-cookie", "")
    form = client.get("/review/login").text
    token = form.split('name="login_token" value="', 1)[1].split('"', 1)[0]
    cross = client.post(
        "/review/login",
        data={"api_key": key, "login_token": token},
        headers={"Origin": "https://attacker.example"},
        follow_redirects=False,
    )
    assert cross.status_code == 403 and "another site" in cross.text
    other_browser = TestClient(client.app)
    other_browser.get("/review/login")  # its own nonce cookie
    foreign = other_browser.post(
        "/review/login", data={"api_key": key, "login_token": token}, follow_redirects=False
    )
    assert foreign.status_code == 403
    assert log_in(client, key).status_code == 303  # our own form, our own cookie


def _read_key(folder: str, start: Any, out: Any) -> None:
    from api.review.settings import ReviewSettings

    start.wait()
    out.put(ReviewSettings().signing_key(Path(folder)).decode())


def test_processes_starting_at_once_all_read_the_same_whole_key(tmp_path: Path) -> None:
    context = multiprocessing.get_context("fork")
    for trial in range(10):
        folder = tmp_path / f"trial-{trial}"
        start, out = context.Event(), context.Queue()
        workers = [
            context.Process(target=_read_key, args=(str(folder), start, out)) for _ in range(8)
        ]
        for worker in workers:
            worker.start()
        start.set()
        keys = {out.get(timeout=30) for _ in workers}
        for worker in workers:
            worker.join(10)
        assert len(keys) == 1 and len(keys.pop()) == 64, trial


def test_dead_sessions_are_purged_and_live_ones_kept(
    client: TestClient, store: Store, keys: dict[Role, str]
) -> None:
    from triage.service.sessions import purge_dead_sessions

    _logged_in(client, keys[Role.ANALYST])
    client.post("/review/logout", data={"csrf_token": _csrf(client)})
    _logged_in(client, keys[Role.ANALYST])
    assert purge_dead_sessions(store) == 1
    assert client.get("/review", follow_redirects=False).status_code == 200
