"""Posting webhook events: checked destinations, a whole-request deadline, reused connections.

``WebhookSender`` is one httpcore connection pool whose network backend resolves each host
itself, checks every address (``triage.service.destinations``) and connects to a checked
one, so the address judged is the address called. Every socket operation of a request is
given only the time left until the request's deadline, so a receiver that drips a byte
every few seconds cannot hold an attempt past it. Redirects are never followed (httpcore
does not follow them), proxies from the environment are not used, and connections are kept
alive between events to the same receiver.
"""

from __future__ import annotations

import ssl
import time
import typing
from contextvars import ContextVar
from urllib.parse import urlsplit

import httpcore

from triage.service.destinations import DestinationPolicy, DestinationRefused, resolve_destination

__all__ = ["DeadlineExceeded", "WebhookSender"]

MAX_RESPONSE_BYTES = 64 * 1024
_deadline: ContextVar[float | None] = ContextVar("webhook_deadline", default=None)


class DeadlineExceeded(httpcore.TimeoutException):
    """The request ran past its whole-request deadline."""


def _time_left(timeout: float | None) -> float | None:
    deadline = _deadline.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise DeadlineExceeded("the webhook request ran past its deadline")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose reads and writes never wait past the current request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, _time_left(timeout))
        )

    def get_extra_info(self, info: str) -> typing.Any:
        return self._inner.get_extra_info(info)


class _CheckedNetwork(httpcore.NetworkBackend):
    """Opens TCP connections only to addresses the destination policy allows."""

    def __init__(self, policy: DestinationPolicy) -> None:
        self._policy = policy
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = resolve_destination(host, port, self._policy)
        failure: Exception | None = None
        for address in addresses:
            try:
                stream = self._inner.connect_tcp(
                    str(address), port, _time_left(timeout), local_address, socket_options
                )
            except httpcore.ConnectError as error:
                failure = error
                continue
            return _DeadlineStream(stream)
        assert failure is not None
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise DestinationRefused("webhooks are not sent over Unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class WebhookSender:
    """Posts events to checked destinations within ``deadline_s``; a ``Sender`` callable."""

    def __init__(
        self, policy: DestinationPolicy, *, deadline_s: float = 10.0, max_connections: int = 16
    ) -> None:
        self.deadline_s = deadline_s
        self._pool = httpcore.ConnectionPool(
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30.0,
            retries=0,
            network_backend=_CheckedNetwork(policy),
        )

    def __call__(self, url: str, headers: dict[str, str], body: bytes) -> int:
        """POST ``body`` and return the status; raise if no answer came within the deadline.

        DestinationRefused for a URL that is not plain http(s) without credentials (one
        stored before registration checked it) or whose host is not allowed.
        """
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or "@" in parts.netloc:
            raise DestinationRefused("webhook URLs are http(s) without credentials")
        token = _deadline.set(time.monotonic() + self.deadline_s)
        limit = self.deadline_s
        try:
            with self._pool.stream(
                "POST",
                url,
                headers=list(headers.items()),
                content=body,
                extensions={
                    "timeout": {"connect": limit, "read": limit, "write": limit, "pool": limit}
                },
            ) as response:
                read = 0
                for chunk in response.iter_stream():  # drained so the connection is reused
                    read += len(chunk)
                    if read > MAX_RESPONSE_BYTES:
                        break
                return response.status
        finally:
            _deadline.reset(token)

    def close(self) -> None:
        """Close every kept-alive connection."""
        self._pool.close()

    def __enter__(self) -> WebhookSender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
