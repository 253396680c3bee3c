"""Every reply carries the security headers; the review pages need no inline script or style."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from api.security import SecurityHeadersMiddleware
from triage.auth import Role

TEMPLATES = Path(__file__).resolve().parents[2] / "api" / "review" / "templates"
PAGES = ["/review/login", "/healthz", "/metrics", "/v1/models", "/no/such/page", "/openapi.json"]


def _directives(policy: str) -> dict[str, str]:
    return {
        part.strip().split(" ", 1)[0]: part.strip().partition(" ")[2]
        for part in policy.split(";")
        if part.strip()
    }


@pytest.mark.parametrize("path", PAGES)
def test_every_reply_carries_the_security_headers(client, auth, path):
    response = client.get(path, headers=auth[Role.ANALYST])
    policy = _directives(response.headers["content-security-policy"])
    assert policy["frame-ancestors"] == "'none'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in response.headers  # plain HTTP here


def test_the_docs_page_allows_only_its_own_inline_script_by_hash(client):
    response = client.get("/docs")
    assert response.status_code == 200
    (script,) = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    policy = _directives(response.headers["content-security-policy"])
    assert f"'sha256-{digest}'" in policy["script-src"]
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["frame-ancestors"] == "'none'"


def test_review_templates_have_no_inline_script_style_or_handlers():
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text()
        assert not re.search(r"\sstyle\s*=", text), template.name
        assert not re.search(r"<style\b", text), template.name
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template.name
        assert not re.search(r"\son[a-z]+\s*=", text), template.name


def _cookie_app() -> TestClient:
    def set_cookie(request):  # type: ignore[no-untyped-def]
        response = PlainTextResponse("ok")
        response.set_cookie("session", "abc", httponly=True, samesite="strict")
        response.set_cookie("already", "x", secure=True)
        return response

    app = Starlette(routes=[Route("/", set_cookie)])
    app.add_middleware(SecurityHeadersMiddleware)
    return TestClient(app, base_url="https://testserver")


def test_cookies_are_secure_and_hsts_is_sent_over_https():
    response = _cookie_app().get("/")
    cookies = response.headers.get_list("set-cookie")
    assert len(cookies) == 2
    assert all(re.search(r";\s*secure", c, re.IGNORECASE) for c in cookies)
    assert all(len(re.findall(r"secure", c, re.IGNORECASE)) == 1 for c in cookies)
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_cookies_over_plain_http_are_left_alone():
    client = _cookie_app()
    client.base_url = client.base_url.copy_with(scheme="http")
    response = client.get("/")
    session = next(c for c in response.headers.get_list("set-cookie") if "session=" in c)
    assert "secure" not in session.lower()
