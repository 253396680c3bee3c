"""Webhooks: signed order.decided events, retried with backoff, deliveries visible."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from tests.api.fixtures import order_parts
from triage.auth import Role
from triage.service import deliver_due_webhooks
from triage.service.webhooks import BACKOFF


class Receiver:
    """A local HTTP receiver on 127.0.0.1 answering with a scripted list of statuses."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.received: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(receiver.statuses.pop(0) if receiver.statuses else 200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/hook"

    def __enter__(self) -> Receiver:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def verify(secret: str, headers: dict[str, str], body: bytes) -> bool:
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return headers["webhook-signature"] == f"v1,{expected}"


@pytest.mark.slow
def test_decision_event_is_signed_retried_and_visible(client, auth, store):
    with Receiver([500]) as receiver:
        created = client.post(
            "/v1/webhooks", json={"url": receiver.url}, headers=auth[Role.SERVICE]
        )
        assert created.status_code == 201
        hook = created.json()
        files = order_parts(45)
        order = client.post(
            "/v1/orders", files=files, headers={**auth[Role.SERVICE], "Idempotency-Key": "wh"}
        ).json()
        decision = {"action": "approve", "reason_code": "OK"}
        client.post(
            f"/v1/orders/{order['order_id']}/decision", json=decision, headers=auth[Role.ANALYST]
        )

        now = datetime.now(UTC)
        assert deliver_due_webhooks(store, now=now) == 0  # receiver answers 500 first
        assert deliver_due_webhooks(store, now=now + BACKOFF[0] / 2) == 0  # not due yet
        assert deliver_due_webhooks(store, now=now + BACKOFF[0] + timedelta(seconds=1)) == 1

        assert len(receiver.received) == 2
        headers, body = receiver.received[-1]
        assert verify(hook["secret"], headers, body)
        assert not verify(hook["secret"], headers, body + b" ")
        event = json.loads(body)
        assert event["type"] == "order.decided"
        assert event["data"] == {
            **event["data"],
            "order_id": order["order_id"],
            "action": "approve",
        }
        assert receiver.received[0][0]["webhook-id"] == headers["webhook-id"]

    listed = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=auth[Role.SERVICE]).json()
    assert listed[0]["status"] == "delivered" and listed[0]["attempts"] == 2
    assert listed[0]["last_status_code"] == 200
    assert "secret" not in client.get("/v1/webhooks", headers=auth[Role.SERVICE]).json()[0]


def test_another_callers_webhook_is_not_found(client, auth, store):
    from triage.service import create_api_key

    hook = client.post(
        "/v1/webhooks", json={"url": "http://127.0.0.1:9/x"}, headers=auth[Role.SERVICE]
    ).json()
    other = {"Authorization": f"Bearer {create_api_key(store, role='service').key}"}
    assert client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=other).status_code == 404
