"""Webhooks: signed order.decided events, retried with backoff, deliveries visible."""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import json
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest

from tests.api.fixtures import order_parts, settings_for
from tests.api.webhook_receivers import Receiver, TarPit, queue_events, service_caller
from triage.auth import Role
from triage.config import Settings
from triage.service import (
    DeliveryLimits,
    DestinationPolicy,
    WebhookSender,
    deliver_due_webhooks,
    register_webhook,
)
from triage.service.delivery import NO_ANSWER
from triage.service.schemas import WebhookCreate
from triage.service.webhooks import BACKOFF
from triage.store import webhooks as hook_rows

LOOPBACK = DestinationPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))


@pytest.fixture
def settings(tmp_path, database_url) -> Settings:
    """The test settings, with the local receivers' network allowed."""
    allowed = {"webhook_private_networks": "127.0.0.1/32"}
    return settings_for(tmp_path, database_url).model_copy(update=allowed)


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
        with WebhookSender(LOOPBACK) as send:
            assert deliver_due_webhooks(store, send=send, now=now) == 0  # 500 first
            later = now + BACKOFF[0] / 2
            assert deliver_due_webhooks(store, send=send, now=later) == 0  # not due yet
            later = now + BACKOFF[0] + timedelta(seconds=1)
            assert deliver_due_webhooks(store, send=send, now=later) == 1

        assert len(receiver.received) == 2
        headers, body, _ = receiver.received[-1]
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


def _hook(store, url: str) -> str:
    return register_webhook(
        store, service_caller(store), WebhookCreate(url=url), destinations=LOOPBACK
    ).id


def _delivery(store, delivery_id: str):
    with store.transaction() as session:
        return hook_rows.get_delivery(session, delivery_id)


@pytest.mark.slow
def test_a_tar_pit_receiver_is_cut_off_and_holds_back_no_one_else(store):
    """A receiver dripping one byte every 0.5 s would hold an attempt ~20 s per read timeout.

    The attempt ends at the whole-request deadline, and another receiver's event, due later
    in the same batch, is delivered while the tar pit is still being waited on.
    """
    limits = DeliveryLimits(deadline_s=2.0)
    with TarPit(drip_s=0.5) as pit, Receiver() as fast:
        (slow_event,) = queue_events(store, _hook(store, pit.url), 1)
        later = datetime.now(UTC) + timedelta(milliseconds=5)
        queue_events(store, _hook(store, fast.url), 1, at=later)
        with WebhookSender(LOOPBACK, deadline_s=limits.deadline_s) as send:
            delivered = deliver_due_webhooks(store, send=send, now=later, limits=limits)
    assert delivered == 1
    row = _delivery(store, slow_event)
    assert row.status == "pending" and row.last_error == NO_ANSWER and row.attempts == 1
    assert len(fast.received) == 1
    assert fast.received[0][2] < pit.closed[0]  # the fast one did not wait for the tar pit


def test_one_receiver_gets_at_most_per_receiver_events_at_once(store):
    limits = DeliveryLimits(per_receiver=2, in_flight=8)
    with Receiver(delay_s=1.0) as busy, Receiver() as other:
        busy_events = queue_events(store, _hook(store, busy.url), 5)
        queue_events(store, _hook(store, busy.url), 3)  # a second webhook, same receiver
        other_events = queue_events(store, _hook(store, other.url), 1)
        with WebhookSender(LOOPBACK) as send:
            first = deliver_due_webhooks(store, send=send, limits=limits)
            assert first == 3 and busy.most_busy == 2 and other.ids() == other_events
            while deliver_due_webhooks(store, send=send, limits=limits):
                pass
    assert busy.most_busy == 2
    assert sorted(busy.ids()) == sorted(set(busy.ids())) and len(busy.ids()) == 8
    assert set(busy_events) <= set(busy.ids())


def test_each_attempt_signs_with_the_time_it_is_sent(store):
    with Receiver(delay_s=1.2) as slow:
        queue_events(store, _hook(store, slow.url), 3)
        with WebhookSender(LOOPBACK) as send:
            limits = DeliveryLimits(per_receiver=1)
            while deliver_due_webhooks(store, send=send, limits=limits):
                pass
    assert len(slow.received) == 3
    for headers, _, arrived in slow.received:
        assert abs(int(headers["webhook-timestamp"]) - arrived) <= 1.5  # whole seconds


def test_connections_to_a_receiver_are_reused(store):
    with Receiver() as receiver:
        hook = _hook(store, receiver.url)
        with WebhookSender(LOOPBACK) as send:
            for _ in range(3):
                queue_events(store, hook, 1, at=datetime.now(UTC))
                assert deliver_due_webhooks(store, send=send) == 1
    assert len(receiver.received) == 3 and receiver.connections == 1


@pytest.mark.slow
def test_a_claim_does_not_expire_while_its_sender_waits(store):
    """Two workers poll the outbox with the real clock while every receiver stalls.

    Each event is sent exactly once per attempt: the second worker never takes over a
    delivery the first is still sending (the claim outlives the whole-request deadline).
    """
    limits = DeliveryLimits(deadline_s=1.0, per_receiver=2, in_flight=8, lease_margin_s=0.5)
    with TarPit(drip_s=5) as first, TarPit(drip_s=5) as second, Receiver() as fine:
        for url in (first.url, second.url, fine.url):
            queue_events(store, _hook(store, url), 3)
        stop = time.monotonic() + 4.0

        def worker() -> None:
            with WebhookSender(LOOPBACK, deadline_s=limits.deadline_s) as send:
                while time.monotonic() < stop:
                    deliver_due_webhooks(store, send=send, limits=limits)
                    time.sleep(0.05)

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        connections = len(first.accepted) + len(second.accepted)
    assert len(fine.ids()) == 3 == len(set(fine.ids()))
    with store.transaction() as session:
        rows = hook_rows.due_deliveries(session, datetime.now(UTC) + timedelta(days=1), 50)
        attempts = [r.attempts for r in rows]
    # every connection to a tar pit is one recorded attempt, and each of the six stalled
    # events was attempted once (the next try is 5 s of backoff away), never twice at once
    assert attempts == [1] * 6 and connections == 6
