"""Webhooks reach public receivers only: refused at registration and again at send time."""

from __future__ import annotations

import ipaddress
import secrets
from datetime import UTC, datetime

import pytest

from tests.api.webhook_receivers import Receiver, TarPit, queue_events, service_caller
from triage.auth import Role
from triage.service import (
    DestinationPolicy,
    DestinationRefused,
    WebhookSender,
    deliver_due_webhooks,
    register_webhook,
)
from triage.service.delivery import NO_ANSWER, REFUSED, DeliveryLimits
from triage.service.schemas import WebhookCreate
from triage.store import webhooks as hook_rows
from triage.store.tables import WebhookRow

LOOPBACK = DestinationPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))
QUICK = DeliveryLimits(deadline_s=1.5)

HOSTILE = [
    "http://127.0.0.1:{port}/hook",
    "http://localhost:{port}/hook",
    "http://0x7f000001:{port}/hook",
    "http://2130706433:{port}/hook",
    "http://0177.0.0.1:{port}/hook",
    "http://127.1:{port}/hook",
    "http://[::1]:{port}/hook",
    "http://[::ffff:127.0.0.1]:{port}/hook",
    "http://[::ffff:7f00:1]:{port}/hook",
    "http://user:pw@127.0.0.1:{port}/hook",
    "http://user:pw@example.com:{port}/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://192.168.1.1:{port}/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://0.0.0.0:{port}/",
    "http://100.64.0.1/",
    "http://[64:ff9b::7f00:1]:{port}/",
    "http://[2002:7f00:1::1]:{port}/",
]


def test_non_public_destinations_are_refused_and_nothing_is_sent(client, auth, store):
    with Receiver() as receiver:
        for template in HOSTILE:
            url = template.format(port=receiver.port)
            response = client.post("/v1/webhooks", json={"url": url}, headers=auth[Role.SERVICE])
            assert response.status_code == 422, url
            problem = response.json()
            assert problem["code"] == "webhook.destination_refused", url
            assert response.headers["content-type"] == "application/problem+json"
        assert client.get("/v1/webhooks", headers=auth[Role.SERVICE]).json() == []
    assert receiver.received == []


def test_an_allowed_network_lets_a_private_receiver_in(store):
    caller = service_caller(store)
    with Receiver() as receiver:
        hook = register_webhook(
            store, caller, WebhookCreate(url=receiver.url), destinations=LOOPBACK
        )
        with pytest.raises(DestinationRefused):  # the allow-list names 127.0.0.1 only
            register_webhook(
                store,
                caller,
                WebhookCreate(url=f"http://[::1]:{receiver.port}/"),
                destinations=LOOPBACK,
            )
        queue_events(store, hook.id, 1)
        with WebhookSender(LOOPBACK, deadline_s=2) as sender:
            assert deliver_due_webhooks(store, send=sender, limits=QUICK) == 1
    assert len(receiver.received) == 1


class Rebinding:
    """A resolver that answers a public address first and loopback afterwards."""

    def __init__(self, *later: str) -> None:
        self.answers = [["93.184.216.34"], list(later)]
        self.asked = 0

    def __call__(self, host: str, port: int) -> list[str]:
        answer = self.answers[min(self.asked, 1)]
        self.asked += 1
        return answer


@pytest.mark.parametrize("later", [("127.0.0.1",), ("93.184.216.34", "127.0.0.1"), ("::1",)])
def test_dns_rebinding_to_loopback_is_refused_at_send_time(store, later):
    caller = service_caller(store)
    with Receiver() as receiver:
        policy = DestinationPolicy(resolver=Rebinding(*later))
        url = f"http://hooks.rebind.example:{receiver.port}/hook"
        hook = register_webhook(store, caller, WebhookCreate(url=url), destinations=policy)
        (event,) = queue_events(store, hook.id, 1)
        with WebhookSender(policy, deadline_s=2) as sender:
            assert deliver_due_webhooks(store, send=sender, limits=QUICK) == 0
        assert policy.resolver.asked == 2  # type: ignore[attr-defined]
    assert receiver.received == []
    with store.transaction() as session:
        row = hook_rows.get_delivery(session, event)
        assert row is not None and row.last_error == REFUSED and row.status == "pending"


def test_a_name_resolving_to_public_and_private_addresses_is_refused(store):
    policy = DestinationPolicy(resolver=lambda host, port: ["93.184.216.34", "10.1.2.3"])
    with pytest.raises(DestinationRefused, match="not a public address"):
        register_webhook(
            store,
            service_caller(store),
            WebhookCreate(url="https://mixed.example/hook"),
            destinations=policy,
        )


@pytest.mark.parametrize(
    ("stored", "policy"),
    [
        ("http://127.0.0.1:{port}/hook", DestinationPolicy()),
        ("http://localhost:{port}/hook", DestinationPolicy()),
        ("http://user:pw@127.0.0.1:{port}/hook", LOOPBACK),  # even where loopback is allowed
    ],
)
def test_a_stored_url_is_checked_again_when_sent(store, stored, policy):
    """A URL registered before the check existed (or written by hand) is never called."""
    caller = service_caller(store)
    with Receiver() as receiver:
        hook_id = "wh_" + secrets.token_hex(8)
        with store.transaction() as session:
            hook_rows.add_webhook(
                session,
                WebhookRow(
                    id=hook_id,
                    api_key_id=caller.key_id,
                    url=stored.format(port=receiver.port),
                    secret="whsec_" + "A" * 32,
                    active=True,
                    created_at=datetime.now(UTC),
                ),
            )
        (event,) = queue_events(store, hook_id, 1)
        with WebhookSender(policy, deadline_s=2) as sender:
            assert deliver_due_webhooks(store, send=sender, limits=QUICK) == 0
    assert receiver.received == []
    with store.transaction() as session:
        assert hook_rows.get_delivery(session, event).last_error == REFUSED  # type: ignore[union-attr]


def test_delivery_errors_do_not_tell_a_closed_port_from_a_silent_one(store):
    caller = service_caller(store)
    with Receiver() as closing:
        closed_url = closing.url
    # ``closing`` has shut down: its port now refuses connections.
    with TarPit(drip_s=30) as silent:
        hooks = [
            register_webhook(store, caller, WebhookCreate(url=url), destinations=LOOPBACK)
            for url in (closed_url, silent.url)
        ]
        events = [queue_events(store, hook.id, 1)[0] for hook in hooks]
        with WebhookSender(LOOPBACK, deadline_s=1) as sender:
            deliver_due_webhooks(store, send=sender, limits=DeliveryLimits(deadline_s=1))
    with store.transaction() as session:
        errors = [hook_rows.get_delivery(session, e).last_error for e in events]  # type: ignore[union-attr]
    assert errors == [NO_ANSWER, NO_ANSWER]


def test_redirects_are_not_followed(store):
    caller = service_caller(store)
    with Receiver() as target, Receiver([302]) as redirecting:
        redirecting.location = target.url
        hook = register_webhook(
            store, caller, WebhookCreate(url=redirecting.url), destinations=LOOPBACK
        )
        (event,) = queue_events(store, hook.id, 1)
        with WebhookSender(LOOPBACK, deadline_s=2) as sender:
            assert deliver_due_webhooks(store, send=sender, limits=QUICK) == 0
    assert len(redirecting.received) == 1 and target.received == []
    with store.transaction() as session:
        row = hook_rows.get_delivery(session, event)
        assert row is not None and row.last_status_code == 302
        assert "redirects are not followed" in (row.last_error or "")
