"""/metrics keeps a bounded set of series whatever methods and paths callers make up."""

from __future__ import annotations

import secrets


def _series(client) -> list[str]:
    text = client.get("/metrics").text
    return [line for line in text.splitlines() if line.startswith("triage_http_request")]


def _odd_requests(client) -> None:
    client.request("X" + secrets.token_hex(2048), "/healthz")  # a 4 kB method name
    client.request("X" + secrets.token_hex(2048), f"/no/such/{secrets.token_hex(8)}")
    client.get(f"/no/such/{secrets.token_hex(8)}")
    client.get(f"/v1/orders/ord_{secrets.token_hex(10)}")  # unauthenticated: 401


def test_made_up_methods_and_paths_add_no_series(client):
    _odd_requests(client)
    client.get("/metrics")  # its own series, before counting
    before = _series(client)
    for _ in range(20):
        _odd_requests(client)
    after = _series(client)
    labels = {line.split("{", 1)[1].split("}", 1)[0] for line in after if "{" in line}
    assert len(after) == len(before)  # the same series, only their counts grew
    assert all(len(label) < 200 for label in labels)
    assert 'method="other"' in "".join(after)
    assert 'route="/v1/orders/{order_id}"' in "".join(after)
    assert not any("/no/such/" in label or "ord_" in label for label in labels)
