"""Refusals are problem+json and name the field or the limit."""

from __future__ import annotations

import json
from collections.abc import Iterator

from tests.api.fixtures import customer_json, order_parts, quote_json
from tests.api.parts import render_order
from triage.auth import Role


def post(client, auth, files, key="lim"):
    return client.post(
        "/v1/orders", files=files, headers={**auth[Role.SERVICE], "Idempotency-Key": key}
    )


def problem(response, status):
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert {"type", "title", "detail"} <= set(body)
    return body


def test_unknown_multipart_part_is_named(client, auth):
    files = {**order_parts(30), "notes": (None, "hello")}
    assert "notes" in problem(post(client, auth, files), 422)["detail"]


def test_missing_part_is_named(client, auth):
    files = order_parts(30)
    del files["customer"]
    assert "customer: missing part" in problem(post(client, auth, files), 422)["detail"]


def test_not_multipart_is_refused(client, auth):
    response = client.post(
        "/v1/orders", json={"document": "x"}, headers={**auth[Role.SERVICE], "Idempotency-Key": "j"}
    )
    assert "multipart" in problem(response, 422)["detail"]


def test_unknown_quote_field_is_named(client, auth):
    files = {
        **order_parts(30),
        "quote": (None, json.dumps({**json.loads(quote_json()), "colour": "red"})),
    }
    assert "quote: colour: unknown field" in problem(post(client, auth, files), 422)["detail"]


def test_non_pdf_document_is_refused(client, auth):
    files = {**order_parts(30), "document": ("order.pdf", b"GIF89a not a pdf", "application/pdf")}
    body = problem(post(client, auth, files), 422)
    assert body["code"] == "document.invalid" and "PDF" in body["detail"]


def test_too_many_pages_names_the_limit(client, auth):
    files = {
        **order_parts(30),
        "document": ("order.pdf", render_order(30, pages=6), "application/pdf"),
    }
    body = problem(post(client, auth, files), 413)
    assert body["limit"] == "max_pages"


def test_too_large_body_names_the_limit(client, auth):
    big = render_order(30) + b"%" + b"x" * (1024 * 1024)
    files = {
        "document": ("order.pdf", big, "application/pdf"),
        "quote": (None, quote_json()),
        "customer": (None, customer_json()),
    }
    body = problem(post(client, auth, files), 413)
    assert body["limit"] == "max_upload_mb"


def test_too_large_chunked_body_is_cut_off_at_the_limit(client, auth):
    """Without a Content-Length the cap is counted as the body streams in."""
    head = (
        b'--B\r\nContent-Disposition: form-data; name="document"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    )

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(64):  # 4 MB, four times the cap
            yield b"x" * 65536

    response = client.post(
        "/v1/orders",
        content=body(),
        headers={
            **auth[Role.SERVICE],
            "Idempotency-Key": "chunked-1",
            "Content-Type": "multipart/form-data; boundary=B",
        },
    )
    assert "content-length" not in response.request.headers
    problem_body = problem(response, 413)
    assert problem_body["limit"] == "max_upload_mb"


def test_request_id_is_echoed_and_generated(client):
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["x-request-id"]
        == "abc-123"
    )
    assert len(client.get("/healthz").headers["x-request-id"]) == 32
