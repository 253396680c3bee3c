"""The review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.deps import AnalystCaller, RuntimeDep
from triage.contract import ExceptionCode
from triage.service import list_review_queue
from triage.service.schemas import ReviewPage
from triage.store.queue import QueueFilter, QueueSort

router = APIRouter(prefix="/v1/review-queue", tags=["review"])


@router.get("", response_model=ReviewPage, summary="Open review items")
def review_queue(
    caller: AnalystCaller,
    runtime: RuntimeDep,
    queue: Annotated[str | None, Query(max_length=64, examples=["finance-ar"])] = None,
    code: ExceptionCode | None = None,
    min_risk: Annotated[float | None, Query(ge=0, le=1)] = None,
    sort: QueueSort = QueueSort.RISK,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> ReviewPage:
    """Return open items, filtered by queue, exception code and minimum risk, one page."""
    filters = QueueFilter(queue=queue, code=code.value if code else None, min_risk=min_risk)
    return list_review_queue(runtime.store, caller, filters, sort=sort, cursor=cursor, limit=limit)
