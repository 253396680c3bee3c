"""One place that turns every error into an RFC 9457 ``application/problem+json`` reply."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.context import current_request_id
from triage.errors import LimitExceeded, ServiceBusy, TriageError, problem_type
from triage.inputs import describe_error_items
from triage.logs import get_logger

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "ProblemDetails",
    "install_problem_handlers",
    "internal_error",
    "problem_response",
]

PROBLEM_MEDIA_TYPE = "application/problem+json"
log = get_logger(__name__)


class ProblemDetails(BaseModel):
    """An RFC 9457 problem; ``code`` is the stable error code, ``limit`` the limit refused."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "type": problem_type("idempotency.key_reused"),
                    "title": "Idempotency key reused with a different request",
                    "status": 409,
                    "detail": "Idempotency-Key 'k-1' was already used with a different body",
                    "code": "idempotency.key_reused",
                    "request_id": "4f7c2a9e0b1d4c3e",
                }
            ]
        }
    )

    type: str
    title: str
    status: int
    detail: str
    code: str
    limit: str | None = None
    request_id: str | None = None


def problem_response(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    limit: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """Return a problem+json response; the type URI is derived from ``code``."""
    body = ProblemDetails(
        type=problem_type(code),
        title=title,
        status=status,
        detail=detail,
        code=code,
        limit=limit,
        request_id=current_request_id(),
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=dict(headers) if headers else None,
    )


def _triage_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, TriageError)
    if error.status >= 500:
        log.error("request failed", code=error.code, detail=error.detail)
    limit = error.limit if isinstance(error, LimitExceeded) else None
    # A busy service asks the caller to come back soon rather than hammer it.
    headers = {"Retry-After": "1"} if isinstance(error, ServiceBusy) else None
    return problem_response(
        error.status, error.code, error.title, error.detail, limit=limit, headers=headers
    )


def _location(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header"}:
        kind, rest = parts[0], parts[1:]
        return f"{kind}.{'.'.join(rest)}" if rest else kind
    return ".".join(parts)


def _validation_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    detail = describe_error_items(error.errors(), _location) or "the request is not valid"
    return problem_response(422, "input.invalid", "Invalid input", detail)


def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "http.error")
    return problem_response(
        error.status_code, code, str(error.detail), str(error.detail), headers=error.headers
    )


def internal_error(error: BaseException) -> JSONResponse:
    """Log an unexpected error with its traceback and return the 500 problem for it."""
    log.error("unhandled error", exc_info=error, request_id=current_request_id())
    return problem_response(
        500, "internal", "Internal error", "the server failed; the request id names it in the logs"
    )


def _unexpected(_request: Request, error: Exception) -> JSONResponse:
    return internal_error(error)


def install_problem_handlers(app: FastAPI) -> None:
    """Register the handlers that map domain, validation and HTTP errors to problems."""
    app.add_exception_handler(TriageError, _triage_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
