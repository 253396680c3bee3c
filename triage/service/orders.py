"""Submitting an order (idempotently) and reading a stored one back."""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from triage.auth import Caller
from triage.contract import CheckResult, Customer, Decision, Quote
from triage.errors import InputError, NotFound, ServiceBusy
from triage.inputs import parse_json_input
from triage.pipeline import Components, triage_order
from triage.service.idempotency import (
    Claim,
    IdempotencyPolicy,
    StoredResponse,
    claim_key,
    release_key,
)
from triage.service.schemas import OrderRecord, OrderStatus, OutcomeRecord, ReviewEvent
from triage.store import Store, sha256_hex
from triage.store import idempotency as claims
from triage.store import orders as order_rows
from triage.store.queue import OPEN
from triage.store.tables import (
    DocumentRow,
    OrderExceptionRow,
    OrderRow,
    ReviewEventRow,
    ReviewItemRow,
)
from triage.workers import Admission, GateClosed, GateTimeout

__all__ = [
    "SubmitOutcome",
    "exception_rows",
    "get_order",
    "order_risk",
    "request_fingerprint",
    "submit_order",
]

CREATED = 201
REPLAYED = 200


@dataclass(frozen=True)
class SubmitOutcome:
    """The response to send: 201 with a new result, or 200 replaying a stored one."""

    status: int
    body: str
    order_id: str | None
    result: CheckResult | None = None
    queued_ms: float | None = None
    pipeline_ms: float | None = None
    store_ms: float | None = None

    @property
    def replayed(self) -> bool:
        """Return True when this response was stored by an earlier request."""
        return self.status == REPLAYED


class _ClaimLost(Exception):
    """Our lease ran out and another request took the key over."""


def request_fingerprint(document_sha256: str, quote: Quote, customer: Customer) -> str:
    """Return the SHA-256 identifying a request body (document + canonical quote + customer)."""
    canonical = json.dumps(
        [document_sha256, quote.model_dump(mode="json"), customer.model_dump(mode="json")],
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _cents(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def exception_rows(result: CheckResult) -> list[OrderExceptionRow]:
    """Return the rows by which the queue filters, the summary and the dashboard find the
    result's exceptions (one per exception, in the result's order)."""
    return [
        OrderExceptionRow(
            order_id=result.order_id,
            code=e.code.value,
            severity=e.severity.value,
            queue=e.queue,
            field=e.field,
        )
        for e in result.exceptions
    ]


def order_risk(result: CheckResult) -> float | None:
    """Return the risk the queue sorts by: the larger of dispute and delay, if scored."""
    return max(result.risk.dispute, result.risk.delay) if result.risk else None


def _order_rows(
    result: CheckResult,
    quote: Quote,
    customer: Customer,
    *,
    caller: Caller,
    key: str,
    document_sha256: str,
    filename: str,
    now: datetime,
    result_json: str,
) -> tuple[OrderRow, list[OrderExceptionRow], ReviewItemRow | None]:
    in_review = result.decision is Decision.REVIEW
    risk = order_risk(result)
    amount = _cents(quote.total_contract_value)
    order = OrderRow(
        order_id=result.order_id,
        api_key_id=caller.key_id,
        tenant_id=caller.tenant_id,
        idempotency_key=key,
        document_sha256=document_sha256,
        filename=filename,
        quote_id=quote.quote_id,
        account_id=quote.account_id,
        currency=quote.currency,
        amount_cents=amount,
        decision=result.decision.value,
        status=(OrderStatus.IN_REVIEW if in_review else OrderStatus.PASSED).value,
        risk=risk,
        result_json=result_json,
        quote_json=quote.model_dump_json(),
        customer_json=customer.model_dump_json(),
        rules_version=result.versions.rules,
        policy_version=result.versions.policy,
        model_version=result.versions.model,
        extractor_version=result.versions.extractor,
        created_at=now,
        updated_at=now,
    )
    exceptions = exception_rows(result)
    item = None
    if in_review:
        item = ReviewItemRow(
            order_id=result.order_id, state=OPEN, risk=risk, amount_cents=amount, created_at=now
        )
    return order, exceptions, item


def _store_result(
    store: Store,
    caller: Caller,
    key: str,
    claim: Claim,
    result: CheckResult,
    quote: Quote,
    customer: Customer,
    *,
    pdf: bytes,
    filename: str,
) -> str:
    document_sha256 = store.blobs.put(pdf)
    now = datetime.now(UTC)
    body = result.model_dump_json()
    order, exceptions, item = _order_rows(
        result,
        quote,
        customer,
        caller=caller,
        key=key,
        document_sha256=document_sha256,
        filename=filename,
        now=now,
        result_json=body,
    )
    with store.transaction() as session:
        if not claims.complete_claim(
            session,
            caller.key_id,
            key,
            token=claim.token,
            status=CREATED,
            body=body,
            order_id=result.order_id,
        ):
            raise _ClaimLost
        pages = result.extraction.document.pages if result.extraction else None
        order_rows.add_document_once(
            session,
            DocumentRow(sha256=document_sha256, size_bytes=len(pdf), pages=pages, created_at=now),
        )
        order_rows.add_order(session, order, exceptions, item)
        if item is not None:
            order_rows.add_review_event(
                session,
                ReviewEventRow(
                    order_id=order.order_id,
                    action="queued",
                    actor_key_id=caller.key_id,
                    actor_name=caller.name,
                    comment="; ".join(result.reasons) or None,
                    created_at=now,
                ),
            )
    return body


@contextmanager
def _admitted(admission: Admission | None, timeout_s: float | None) -> Iterator[None]:
    with ExitStack() as stack:
        if admission is not None:
            try:
                stack.enter_context(admission.turn(timeout_s))
            except (GateTimeout, GateClosed):
                raise ServiceBusy(
                    "the service is checking as many orders as it can and this one did not"
                    " get a turn in time; retry with the same Idempotency-Key"
                ) from None
        yield


def submit_order(
    store: Store,
    parts: Components,
    caller: Caller,
    *,
    idempotency_key: str,
    pdf: bytes,
    filename: str,
    quote_json: bytes | str,
    customer_json: bytes | str,
    policy: IdempotencyPolicy | None = None,
    admission: Admission | None = None,
    admission_timeout_s: float | None = None,
) -> SubmitOutcome:
    """Check and store one order once per idempotency key; return the response to send.

    The result is committed, together with the completed key, before this returns. A new
    order is checked only once inside ``admission`` (the server's gate, first come first
    served); waiting there longer than ``admission_timeout_s`` raises ServiceBusy.
    """
    policy = policy or IdempotencyPolicy()
    quote = parse_json_input(quote_json, Quote, source="quote")
    customer = parse_json_input(customer_json, Customer, source="customer")
    if not pdf:
        raise InputError("document: the uploaded file is empty")
    fingerprint = request_fingerprint(sha256_hex(pdf), quote, customer)
    while True:
        claim = claim_key(store, caller.key_id, idempotency_key, fingerprint, policy)
        if isinstance(claim, StoredResponse):
            return SubmitOutcome(status=REPLAYED, body=claim.body, order_id=claim.order_id)
        try:
            arrived = time.perf_counter()
            with _admitted(admission, admission_timeout_s):
                started = time.perf_counter()
                result = triage_order(
                    pdf, quote, customer, parts=parts, filename=filename, order_id=claim.order_id
                )
                checked = time.perf_counter()
                body = _store_result(
                    store,
                    caller,
                    idempotency_key,
                    claim,
                    result,
                    quote,
                    customer,
                    pdf=pdf,
                    filename=filename,
                )
        except _ClaimLost:
            continue  # the request that took over our key has stored it: replay that
        except BaseException:
            release_key(store, caller.key_id, idempotency_key, claim.token)
            raise
        return SubmitOutcome(
            status=CREATED,
            body=body,
            order_id=result.order_id,
            result=result,
            queued_ms=(started - arrived) * 1000,
            pipeline_ms=(checked - started) * 1000,
            store_ms=(time.perf_counter() - checked) * 1000,
        )


def get_order(store: Store, caller: Caller, order_id: str) -> OrderRecord:
    """Return the stored order with its status, audit trail and outcome; raise NotFound
    (also for an order of another tenant than the caller's)."""
    with store.reading() as session:
        order = order_rows.get_order(session, order_id, tenant_id=caller.tenant_id)
        if order is None:
            raise NotFound(f"order {order_id!r} does not exist")
        events = order_rows.list_review_events(session, order_id)
        outcome = order_rows.get_outcome(session, order_id)
    return OrderRecord(
        order_id=order.order_id,
        status=OrderStatus(order.status),
        result=CheckResult.model_validate_json(order.result_json),
        document_sha256=order.document_sha256,
        filename=order.filename,
        review_history=[
            ReviewEvent(
                action=e.action,
                reason_code=e.reason_code,
                comment=e.comment,
                actor=e.actor_name,
                before=json.loads(e.before_json) if e.before_json else None,
                after=json.loads(e.after_json) if e.after_json else None,
                at=e.created_at,
            )
            for e in events
        ],
        outcome=OutcomeRecord(
            order_id=order_id,
            disputed=outcome.disputed,
            days_late=outcome.days_late,
            reported_at=outcome.reported_at,
            recorded_at=outcome.recorded_at,
        )
        if outcome
        else None,
        created_at=order.created_at,
        updated_at=order.updated_at,
    )
