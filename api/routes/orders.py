"""Orders: submit (idempotent), read, decide, report the outcome."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Path, Response

from api.deps import AnalystCaller, OrderReader, OrderSubmitter, OutcomeReporter, RuntimeDep
from api.forms import ORDER_FORM_OPENAPI, OrderFormDep
from api.observability import count_decision, count_result, observe_admission_wait
from triage.contract import CheckResult
from triage.service import get_order, record_decision, record_outcome, submit_order
from triage.service.schemas import (
    DecisionRecord,
    DecisionRequest,
    OrderRecord,
    OutcomeRecord,
    OutcomeReport,
)

router = APIRouter(prefix="/v1/orders", tags=["orders"])

OrderId = Annotated[str, Path(pattern=r"^ord_[0-9a-f]{20}$", examples=["ord_3f9a0c1b2d4e5f607182"])]
IdempotencyKey = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=1,
        max_length=255,
        description="Unique per order; a retry with the same key and body replays the result.",
        examples=["7d7f6a4e-2c1b-4f3e-9a8d-1c2b3a4d5e6f"],
    ),
]


@router.post(
    "",
    status_code=201,
    response_model=CheckResult,
    openapi_extra=ORDER_FORM_OPENAPI,
    responses={
        200: {"model": CheckResult, "description": "A replay of the stored result."},
        201: {"description": "The order was checked and stored."},
    },
    summary="Check and store one order",
)
def create_order(
    caller: OrderSubmitter,
    form: OrderFormDep,
    runtime: RuntimeDep,
    idempotency_key: IdempotencyKey,
) -> Response:
    """Check the order against its quote and customer; store it before answering."""
    outcome = submit_order(
        runtime.store,
        runtime.parts,
        caller,
        idempotency_key=idempotency_key,
        pdf=form.pdf,
        filename=form.filename,
        quote_json=form.quote,
        customer_json=form.customer,
        policy=runtime.policy,
        admission=runtime.admission,
        admission_timeout_s=runtime.api_settings.admission_wait_s,
    )
    if outcome.result is not None:
        count_result(outcome.result)
    headers = {"Idempotent-Replayed": "true" if outcome.replayed else "false"}
    if outcome.queued_ms is not None:
        observe_admission_wait(outcome.queued_ms / 1000)
        # W3C Server-Timing: where a new order's time went (waiting for a turn; read +
        # extract + rules + score; storing).
        headers["Server-Timing"] = (
            f"queue;dur={outcome.queued_ms:.1f}, pipeline;dur={outcome.pipeline_ms:.1f},"
            f" store;dur={outcome.store_ms:.1f}"
        )
    if outcome.order_id:
        headers["Location"] = f"/v1/orders/{outcome.order_id}"
    return Response(
        outcome.body, status_code=outcome.status, media_type="application/json", headers=headers
    )


@router.get("/{order_id}", response_model=OrderRecord, summary="A stored order")
def read_order(order_id: OrderId, caller: OrderReader, runtime: RuntimeDep) -> OrderRecord:
    """Return the stored result, the order's status and its review history."""
    return get_order(runtime.store, caller, order_id)


@router.post(
    "/{order_id}/decision",
    response_model=DecisionRecord,
    summary="Record an analyst's decision",
)
def decide_order(
    order_id: OrderId, request: DecisionRequest, caller: AnalystCaller, runtime: RuntimeDep
) -> DecisionRecord:
    """Approve, correct or reject an order in review; recorded in its audit trail."""
    record = record_decision(runtime.store, runtime.parts, caller, order_id, request)
    count_decision(record.action.value)
    return record


@router.post(
    "/{order_id}/outcome",
    response_model=OutcomeRecord,
    status_code=201,
    responses={200: {"model": OutcomeRecord, "description": "An earlier outcome was replaced."}},
    summary="Report what happened later (dispute, days late)",
)
def report_outcome(
    order_id: OrderId,
    report: OutcomeReport,
    caller: OutcomeReporter,
    runtime: RuntimeDep,
    response: Response,
) -> OutcomeRecord:
    """Store the outcome billing/ERP reports; it labels the order for retraining."""
    record, created = record_outcome(runtime.store, caller, order_id, report)
    response.status_code = 201 if created else 200
    return record
