"""Dependencies of the route handlers, as ``Annotated`` aliases.

Permission checks live here (and in ``triage.auth``), never in the handlers: each
``...Caller`` alias authenticates the bearer key and requires one permission.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api.runtime import Runtime
from triage.auth import Caller, Permission, require
from triage.pipeline import Components
from triage.service import authenticate
from triage.store import Store

__all__ = [
    "AnalystCaller",
    "CallerDep",
    "MetricsReader",
    "ModelPromoter",
    "ModelReader",
    "OrderReader",
    "OrderSubmitter",
    "OutcomeReporter",
    "PartsDep",
    "RuntimeDep",
    "StoreDep",
    "WebhookManager",
]

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer tri_…`")


def get_runtime(request: Request) -> Runtime:
    """Return the process's runtime, set up by the app's lifespan."""
    runtime: Runtime = request.app.state.runtime
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]


def get_store(runtime: RuntimeDep) -> Store:
    """Return the store."""
    return runtime.store


def get_parts(runtime: RuntimeDep) -> Components:
    """Return the pipeline components."""
    return runtime.parts


StoreDep = Annotated[Store, Depends(get_store)]
PartsDep = Annotated[Components, Depends(get_parts)]


def get_caller(
    store: StoreDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """Return the authenticated caller; raise Unauthenticated (401) without a valid key."""
    header = f"{credentials.scheme} {credentials.credentials}" if credentials else None
    return authenticate(store, header)


CallerDep = Annotated[Caller, Depends(get_caller)]


def allowed(permission: Permission) -> Callable[[Caller], Caller]:
    """Return a dependency that passes only callers whose role grants ``permission``."""

    def check(caller: CallerDep) -> Caller:
        return require(caller, permission)

    check.__name__ = f"require_{permission.name.lower()}"
    return check


OrderSubmitter = Annotated[Caller, Depends(allowed(Permission.SUBMIT_ORDERS))]
OrderReader = Annotated[Caller, Depends(allowed(Permission.READ_ORDERS))]
OutcomeReporter = Annotated[Caller, Depends(allowed(Permission.REPORT_OUTCOMES))]
WebhookManager = Annotated[Caller, Depends(allowed(Permission.MANAGE_WEBHOOKS))]
AnalystCaller = Annotated[Caller, Depends(allowed(Permission.REVIEW))]
MetricsReader = Annotated[Caller, Depends(allowed(Permission.READ_METRICS))]
ModelReader = Annotated[Caller, Depends(allowed(Permission.READ_MODELS))]
ModelPromoter = Annotated[Caller, Depends(allowed(Permission.PROMOTE_MODELS))]
