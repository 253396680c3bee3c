"""The OpenAPI document: problem+json error replies on every route, examples, security."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from api.problems import PROBLEM_MEDIA_TYPE, ProblemDetails

__all__ = ["install_openapi"]

_ERRORS = {
    "400": "Malformed request.",
    "401": "No API key, or an unknown one.",
    "403": "The key's role may not use this endpoint.",
    "404": "No such resource.",
    "409": "Conflict (idempotency key reused or in progress, order not in review).",
    "413": "A size or page limit was exceeded; `limit` names it.",
    "422": "Invalid input; `detail` names the field.",
    "503": "The request time limit was exceeded (`limit.request_timeout`), a new order found"
    " no turn to be checked in time (`service.busy`, with Retry-After), or the document"
    " workers are unreachable (`service.unavailable`); retry with the same Idempotency-Key.",
}
_PUBLIC = {"/healthz", "/metrics"}


def _problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}


def build_openapi(app: FastAPI) -> dict[str, Any]:
    """Return the OpenAPI document with every error response typed as a problem."""
    document = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas["ProblemDetails"] = ProblemDetails.model_json_schema(
        ref_template="#/components/schemas/{model}"
    )
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, operations in document.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            codes = dict(_ERRORS) if path not in _PUBLIC else {"500": "Internal error."}
            if path not in _PUBLIC:
                codes["500"] = "Internal error."
            for status, description in codes.items():
                responses[status] = {"description": description, "content": _problem_content()}
    return document


def install_openapi(app: FastAPI) -> None:
    """Make ``app.openapi()`` return (and cache) the document built by ``build_openapi``."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
