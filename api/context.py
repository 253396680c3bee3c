"""The id of the request being served, visible to logs and error bodies."""

from __future__ import annotations

from contextvars import ContextVar

__all__ = ["current_request_id", "request_id_var"]

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


def current_request_id() -> str | None:
    """Return the id of the request this code runs for, or None outside a request."""
    return request_id_var.get()
