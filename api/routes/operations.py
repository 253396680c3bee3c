"""Health, Prometheus metrics and the operations summary."""

from __future__ import annotations

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from api.deps import MetricsReader, RuntimeDep
from api.observability import CONTENT_TYPE_LATEST, render_metrics
from triage.components import pool_health
from triage.errors import ServiceUnavailable
from triage.service import metrics_summary
from triage.service.schemas import MetricsSummary

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    summary="Liveness and the worker pools",
    responses={
        200: {
            "content": {
                "application/json": {
                    "example": {
                        "status": "ok",
                        "pools": {"reader": {"workers": 2, "size": 2}},
                    }
                }
            }
        },
        503: {"description": "A pool this server depends on is unreachable or has no workers."},
    },
)
def healthz(runtime: RuntimeDep) -> JSONResponse:
    """Return ok with the supervisor's pools (live workers and size of each) when every pool
    this server sends work to can take it; 503 naming what is missing otherwise. A server
    that runs its own children (one worker, the tests) reports ``pools: "in-process"``."""
    try:
        pools = pool_health(runtime.settings)
    except ServiceUnavailable as gone:
        return JSONResponse({"status": "unavailable", "detail": gone.detail}, status_code=503)
    if pools is None:
        return JSONResponse({"status": "ok", "pools": "in-process"})
    empty = sorted(name for name, pool in pools.items() if pool["workers"] == 0)
    if empty:
        detail = f"no live workers in: {', '.join(empty)}"
        body = {"status": "unavailable", "detail": detail, "pools": pools}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "pools": pools})


@router.get(
    "/metrics",
    summary="Prometheus metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}}}},
)
def metrics(runtime: RuntimeDep) -> Response:
    """Return the metrics in the Prometheus text format."""
    return Response(render_metrics(runtime.store), media_type=CONTENT_TYPE_LATEST)


@router.get("/v1/metrics/summary", response_model=MetricsSummary, summary="Operations summary")
def summary(caller: MetricsReader, runtime: RuntimeDep) -> MetricsSummary:
    """Return the touchless rate, exception rate by code, and queue size and age."""
    return metrics_summary(runtime.store, caller)
