"""The HTTP/1.1 protocol ``triage serve`` runs: uvicorn's h11 protocol with a header timeout.

uvicorn closes idle keep-alive connections, but a connection that has sent part of a
request line or headers (and then only drips, or nothing) is kept open for as long as
the client likes; a few hundred of them hold file descriptors and memory. Here every
connection must finish its request headers within ``TRIAGE_API_HEADER_TIMEOUT_S`` of
being opened (or of its previous response), or it is closed.
"""

from __future__ import annotations

import asyncio
from functools import cache
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["HeaderTimeoutProtocol"]


@cache
def _header_timeout_s() -> float:
    from api.settings import ApiSettings

    return ApiSettings().header_timeout_s


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol that closes connections slow to send their request headers."""

    header_timeout_s: float | None = None  # None: the setting; tests may set a number

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        limit = self.header_timeout_s or _header_timeout_s()
        self._header_timer = self.loop.call_later(limit, self._headers_too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_too_slow(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.logger.info("closing a connection that did not finish its request headers")
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Accept the connection and start its header clock."""
        super().connection_made(transport)
        self._arm()

    def handle_events(self) -> None:
        """Parse what arrived; the clock stops once a request's headers are complete."""
        super().handle_events()
        if self.conn.their_state is not h11.IDLE:
            self._disarm()

    def on_response_complete(self) -> None:
        """Finish a response; a kept-alive connection's next request gets a new clock."""
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        """Forget the connection and its clock."""
        self._disarm()
        super().connection_lost(exc)
