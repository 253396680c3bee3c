"""ASGI middleware: request id + access log + latency metric, body size cap, time limit,
security headers.

They are plain ASGI classes (not ``BaseHTTPMiddleware``) so that they can count body
bytes as they arrive and replace a reply that has not started yet.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import re
import time
import uuid
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.context import request_id_var
from api.observability import observe_request
from api.problems import internal_error, problem_response
from triage.logs import get_logger

__all__ = [
    "BodyLimitMiddleware",
    "RequestContextMiddleware",
    "SecurityHeadersMiddleware",
    "TimeoutMiddleware",
]

log = get_logger("triage.api.access")
REQUEST_ID_HEADER = "x-request-id"
_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            text: str = value.decode("latin-1")
            return text
    return None


class RequestContextMiddleware:
    """Gives each request an id (kept from ``X-Request-ID`` if sane), logs and times it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = _header(scope, REQUEST_ID_HEADER.encode())
        request_id = incoming if incoming and _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        status = 500
        replying = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, replying
            if message["type"] == "http.response.start":
                status, replying = message["status"], True
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            try:
                await self.app(scope, receive, send_with_id)
            except Exception as error:
                if replying:
                    raise  # too late for a problem body; the server closes the connection
                # Answered here rather than by the app's outermost handler, so that the 500
                # carries the request id (in its body and header) that names it in the logs.
                await internal_error(error)(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            observe_request(scope["method"], route, status, seconds)
            log.info(
                "request",
                request_id=request_id,
                method=scope["method"][:32],
                path=scope["path"][:512],
                route=route,
                status=status,
                duration_ms=round(seconds * 1000, 2),
            )
            request_id_var.reset(token)


class BodyLimitMiddleware:
    """Refuses bodies over ``max_bytes`` with 413, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, *, max_bytes: int, limit_name: str) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.limit_name = limit_name

    def _refusal(self) -> Any:
        return problem_response(
            413,
            "limit.exceeded",
            "Limit exceeded",
            f"the request body is larger than {self.limit_name} ({self.max_bytes} bytes)",
            limit=self.limit_name,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refusal()(scope, receive, send)
            return
        seen = 0
        overflowed = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, overflowed
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    overflowed = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if overflowed:
                return  # the app's answer to a cut-off body is replaced below
            started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            # The app reads the cut-off body as a client disconnect and may raise for it
            # (Starlette's form parser does); that is our 413, not its error.
            if not overflowed:
                raise
        if overflowed and not started:
            await self._refusal()(scope, receive, send)


class TimeoutMiddleware:
    """Answers 503 naming the limit when a request runs past ``seconds``."""

    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = True
            await send(message)

        try:
            async with asyncio.timeout(self.seconds):
                await self.app(scope, receive, tracking_send)
        except TimeoutError:
            if started:
                raise
            response = problem_response(
                503,
                "limit.request_timeout",
                "Request time limit exceeded",
                f"the request took longer than request_timeout_s ({self.seconds:g} s); "
                "retry with the same Idempotency-Key to get its result",
                limit="request_timeout_s",
                headers={"Retry-After": "1"},
            )
            await response(scope, receive, send)


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
