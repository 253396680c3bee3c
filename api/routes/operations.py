"""Health, Prometheus metrics and the operations summary."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import MetricsReader, RuntimeDep
from api.observability import CONTENT_TYPE_LATEST, render_metrics
from triage.service import metrics_summary
from triage.service.schemas import MetricsSummary

router = APIRouter(tags=["operations"])


@router.get(
    "/healthz",
    summary="Liveness",
    responses={200: {"content": {"application/json": {"example": {"status": "ok"}}}}},
)
async def healthz() -> dict[str, str]:
    """Return ok while the process serves requests (it does no I/O, so it stays cheap)."""
    return {"status": "ok"}


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
