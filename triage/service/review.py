"""The review queue and analysts' decisions (approve, correct, reject) with an audit trail."""

from __future__ import annotations

import base64
import binascii
import json
import math
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from triage.auth import Caller
from triage.contract import CheckResult, Customer, Quote
from triage.errors import Conflict, InputError, NotFound
from triage.pipeline import Components
from triage.service.assignment import ItemLocked
from triage.service.corrections import apply_corrections
from triage.service.orders import exception_rows, order_risk
from triage.service.schemas import (
    DecisionRecord,
    DecisionRequest,
    OrderStatus,
    ReviewAction,
    ReviewItem,
    ReviewPage,
)
from triage.service.webhooks import queue_order_event
from triage.store import Store, worklist
from triage.store import orders as order_rows
from triage.store.queue import (
    CLOSED,
    OPEN,
    QueueFilter,
    QueueSort,
    exceptions_for,
    list_open_items,
    sort_value,
)
from triage.store.tables import OrderRow, ReviewEventRow

__all__ = ["OrderNotInReview", "list_review_queue", "record_decision"]

MAX_PAGE = 200
_STATUS_AFTER = {
    ReviewAction.APPROVE: OrderStatus.APPROVED,
    ReviewAction.CORRECT: OrderStatus.CORRECTED,
    ReviewAction.REJECT: OrderStatus.REJECTED,
}


class OrderNotInReview(Conflict):
    """The order has no open review item (never queued, or already decided)."""

    code = "review.not_open"
    title = "Order is not awaiting review"


def _encode_cursor(sort: QueueSort, value: Any, order_id: str) -> str:
    raw = value.isoformat() if isinstance(value, datetime) else value
    text = json.dumps({"sort": sort.value, "value": raw, "id": order_id})
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


MAX_CURSOR_CENTS = 2**63 - 1


def _cursor_value(raw: Any, sort: QueueSort) -> Any:
    """Return the cursor's sort value, checked to be one the queue itself could have made:
    an aware timestamp, cents within int64, or a finite risk (ValueError otherwise)."""
    if sort is QueueSort.AGE:
        moment = datetime.fromisoformat(raw)
        if moment.tzinfo is None:
            raise ValueError("a cursor's time carries its UTC offset")
        return moment
    if sort is QueueSort.AMOUNT:
        if isinstance(raw, bool) or not isinstance(raw, int) or abs(raw) > MAX_CURSOR_CENTS:
            raise ValueError("a cursor's amount is a whole number of cents within int64")
        return raw
    risk = float(raw)
    if not math.isfinite(risk):
        raise ValueError("a cursor's risk is a finite number")
    return risk


def _decode_cursor(cursor: str, sort: QueueSort) -> tuple[Any, str]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if data["sort"] != sort.value:
            raise InputError(f"cursor: was made for sort={data['sort']}, not sort={sort.value}")
        return _cursor_value(data["value"], sort), str(data["id"])
    except (ValueError, KeyError, TypeError, OverflowError, binascii.Error, UnicodeDecodeError):
        raise InputError("cursor: not a cursor this service returned") from None


def list_review_queue(
    store: Store,
    caller: Caller,
    filters: QueueFilter,
    *,
    sort: QueueSort = QueueSort.RISK,
    cursor: str | None = None,
    limit: int = 50,
) -> ReviewPage:
    """Return one page of the caller's tenant's open review items matching ``filters``, in
    ``sort`` order."""
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit: must be between 1 and {MAX_PAGE}")
    after = _decode_cursor(cursor, sort) if cursor else None
    now = datetime.now(UTC)
    with store.transaction() as session:
        rows = list_open_items(
            session, filters, sort, tenant_id=caller.tenant_id, after=after, limit=limit + 1
        )
        page = rows[:limit]
        found = exceptions_for(session, [item.order_id for item, _ in page])
    items = [
        ReviewItem(
            order_id=item.order_id,
            quote_id=order.quote_id,
            account_id=order.account_id,
            currency=order.currency,
            amount=format(Decimal(item.amount_cents) / 100, ".2f"),
            risk=item.risk,
            queues=sorted({e.queue for e in found[item.order_id]}),
            codes=sorted({e.code for e in found[item.order_id]}),
            created_at=item.created_at,
            age_seconds=max(0.0, (now - item.created_at).total_seconds()),
            assigned_to=item.assigned_to,
        )
        for item, order in page
    ]
    next_cursor = None
    if len(rows) > limit:
        last = page[-1][0]
        next_cursor = _encode_cursor(sort, sort_value(last, sort), last.order_id)
    return ReviewPage(items=items, next_cursor=next_cursor)


def _check_request(request: DecisionRequest) -> None:
    if request.action is ReviewAction.CORRECT and not request.corrections:
        raise InputError("corrections: required when action is 'correct'")
    if request.action is not ReviewAction.CORRECT and request.corrections:
        raise InputError("corrections: only allowed when action is 'correct'")


def record_decision(
    store: Store, parts: Components, caller: Caller, order_id: str, request: DecisionRequest
) -> DecisionRecord:
    """Record an analyst's decision on an order in review and close its review item.

    ``correct`` re-runs the rules on the corrected values; the audit entry keeps the
    exceptions and field values before and after. Webhook events are queued in the same
    transaction. Raises NotFound, OrderNotInReview or InputError.
    """
    _check_request(request)
    with store.transaction() as session:
        order = order_rows.get_order(session, order_id, tenant_id=caller.tenant_id)
        if order is None:
            raise NotFound(f"order {order_id!r} does not exist")
        before = CheckResult.model_validate_json(order.result_json)
        quote = Quote.model_validate_json(order.quote_json)
        customer = Customer.model_validate_json(order.customer_json)
    after = before
    if request.action is ReviewAction.CORRECT and request.corrections:
        after = apply_corrections(parts, before, quote, customer, request.corrections)
    status = _STATUS_AFTER[request.action]
    now = datetime.now(UTC)
    changed = sorted(request.corrections or {})
    with store.transaction() as session:
        order = order_rows.lock_order(session, order_id, tenant_id=caller.tenant_id)
        item = order_rows.get_review_item(session, order_id)
        if order is None or item is None or item.state != OPEN:
            raise OrderNotInReview(f"order {order_id!r} is not waiting in the review queue")
        if worklist.lock_holder(item, now) not in (None, caller.key_id):
            raise ItemLocked(
                f"order {order_id!r} is locked by another analyst until "
                f"{item.locked_until:%Y-%m-%d %H:%M} UTC"
            )
        item.state, item.closed_at, item.locked_until = CLOSED, now, None
        _store_result(session, order, after)
        order.status, order.updated_at = status.value, now
        order_rows.add_review_event(
            session,
            ReviewEventRow(
                order_id=order_id,
                action=request.action.value,
                reason_code=request.reason_code,
                comment=request.comment,
                actor_key_id=caller.key_id,
                actor_name=caller.name,
                before_json=json.dumps(_snapshot(before, changed), default=str),
                after_json=json.dumps(_snapshot(after, changed), default=str),
                created_at=now,
            ),
        )
        queue_order_event(
            session, order, action=request.action.value, now=now, reason_code=request.reason_code
        )
    return DecisionRecord(
        order_id=order_id,
        status=status,
        action=request.action,
        exceptions_before=[e.code.value for e in before.exceptions],
        exceptions_after=[e.code.value for e in after.exceptions],
        result=after,
    )


def _store_result(session: Session, order: OrderRow, result: CheckResult) -> None:
    """Make the stored order agree with ``result``: its JSON, risk, versions and exception
    rows (so queue filters, the summary and the dashboard count what it has now). The
    ``decision`` column keeps how the order was routed when it arrived (the touchless rate
    counts arrivals)."""
    order.result_json = result.model_dump_json()
    order.risk = order_risk(result)
    order.rules_version = result.versions.rules
    order.policy_version = result.versions.policy
    order.model_version = result.versions.model
    order_rows.replace_exceptions(session, order.order_id, exception_rows(result))


def _snapshot(result: CheckResult, fields: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if result.extraction is not None:
        for name in fields:
            values[name] = result.extraction.fields.get(name).model_dump(mode="json")["value"]
    return {"exceptions": [e.code.value for e in result.exceptions], "fields": values}
