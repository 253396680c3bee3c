"""Security headers on every reply: CSP, nosniff, Referrer-Policy, frame denial, HSTS."""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CONTENT_SECURITY_POLICY", "SecurityHeadersMiddleware"]


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages load their bundles from a CDN and start them with an
# inline script; that script is allowed by its hash, computed from the page itself.
DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
DOCS_SOURCES = "https://cdn.jsdelivr.net"
_INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


def _docs_policy(body: bytes) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
        for script in _INLINE_SCRIPT.findall(body)
    )
    return (
        f"default-src 'self'; script-src 'self' {DOCS_SOURCES} {hashes}; "
        f"style-src 'self' 'unsafe-inline' {DOCS_SOURCES} https://fonts.googleapis.com; "
        "font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https:; "
        "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )


def _secure_cookie(value: bytes) -> bytes:
    attributes = [part.strip().lower() for part in value.split(b";")[1:]]
    return value if b"secure" in attributes else value + b"; Secure"


class SecurityHeadersMiddleware:
    """Adds CSP, nosniff, Referrer-Policy and frame denial to every reply.

    Over HTTPS (the request's scheme, which uvicorn takes from ``X-Forwarded-Proto`` of a
    trusted proxy) every cookie set gets the ``Secure`` flag and HSTS is sent.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"
        docs = scope["path"] in DOCS_PATHS
        held: Message | None = None
        body = b""

        def with_headers(message: Message, policy: str) -> Message:
            headers = [
                (k, _secure_cookie(v) if https and k.lower() == b"set-cookie" else v)
                for k, v in message.get("headers", [])
            ]
            headers += [(b"content-security-policy", policy.encode()), *SECURITY_HEADERS]
            if https:
                headers.append((b"strict-transport-security", b"max-age=31536000"))
            return {**message, "headers": headers}

        async def secured_send(message: Message) -> None:
            nonlocal held, body
            if not docs:
                if message["type"] == "http.response.start":
                    message = with_headers(message, CONTENT_SECURITY_POLICY)
                await send(message)
                return
            # A docs page is held whole (it is small) to hash its inline script.
            if message["type"] == "http.response.start":
                held = message
                return
            body += message.get("body", b"")
            if message.get("more_body", False) or held is None:
                return
            await send(with_headers(held, _docs_policy(body)))
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, secured_send)
