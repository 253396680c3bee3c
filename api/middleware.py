"""ASGI middleware: request id + access log + latency metric, body size cap, time limit,
a thread budget for requests that wait long.

They are plain ASGI classes (not ``BaseHTTPMiddleware``) so that they can count body
bytes as they arrive and replace a reply that has not started yet.
"""

from __future__ import annotations

import asyncio
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
    "LongWaitBudgetMiddleware",
    "RequestContextMiddleware",
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


class LongWaitBudgetMiddleware:
    """Lets at most ``slots`` requests of ``routes`` run at once; the rest wait their turn.

    Plain ``def`` handlers share one pool of worker threads (anyio's, 40 by default). A
    new order can hold its thread for a long time (its turn at the admission gate, a
    duplicate waiting for the first request with its Idempotency-Key, the extraction), so
    a burst of orders could take every thread and leave none for the review pages. Here
    the requests beyond ``slots`` wait in the event loop, holding no thread, for at most
    ``wait_s`` (then 503 ``service.busy`` with Retry-After), and the other routes always
    keep the rest of the pool.
    """

    def __init__(
        self, app: ASGIApp, *, routes: frozenset[tuple[str, str]], slots: int, wait_s: float
    ) -> None:
        self.app = app
        self.routes = routes
        self.wait_s = wait_s
        self.size = slots
        self._loop: asyncio.AbstractEventLoop | None = None
        self._slots = asyncio.Semaphore(slots)

    def _slots_of_this_loop(self) -> asyncio.Semaphore:
        # A semaphore belongs to one event loop; an app served again on a new loop (tests
        # open several TestClients on one app) gets a fresh one.
        loop = asyncio.get_running_loop()
        if self._loop is not loop:
            self._loop, self._slots = loop, asyncio.Semaphore(self.size)
        return self._slots

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or (scope["method"], scope["path"]) not in self.routes:
            await self.app(scope, receive, send)
            return
        slots = self._slots_of_this_loop()
        try:
            async with asyncio.timeout(self.wait_s):
                await slots.acquire()
        except TimeoutError:
            response = problem_response(
                503,
                "service.busy",
                "Service busy",
                f"no turn to be checked within admission_wait_s ({self.wait_s:g} s); retry"
                " with the same Idempotency-Key",
                headers={"Retry-After": "1"},
            )
            await response(scope, receive, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            slots.release()
