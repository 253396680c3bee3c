"""The analysts' worklist: open items with what an analyst triages by, and its filters."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from triage.auth import Caller
from triage.contract import BillingException, CheckResult, Severity
from triage.errors import InputError
from triage.store import Store, worklist
from triage.store.queue import QueueSort
from triage.store.worklist import WorklistFilter

__all__ = [
    "Aging",
    "WorklistItem",
    "WorklistPage",
    "aging_of",
    "list_worklist",
    "top_exception",
]

SEVERITY_RANK = {Severity.CRITICAL: 0, Severity.HIGH: 1, Severity.MEDIUM: 2, Severity.LOW: 3}
MAX_PAGE_SIZE = 100


class Aging(StrEnum):
    """How an item's age compares with the review SLA."""

    FRESH = "fresh"  # under half the SLA
    DUE = "due"  # past half the SLA
    OVERDUE = "overdue"  # past the SLA


@dataclass(frozen=True)
class WorklistItem:
    """One open item as an analyst scans it."""

    order_id: str
    customer: str
    account_id: str
    amount: Decimal
    currency: str
    risk: float | None
    top_exception: BillingException | None
    exception_count: int
    age: timedelta
    aging: Aging
    assignee: str | None
    locked_by_other: bool


@dataclass(frozen=True)
class WorklistPage:
    """One numbered page of the worklist and what the filters can choose from."""

    items: list[WorklistItem]
    total: int
    page: int
    pages: int
    queues: list[str]
    customers: list[tuple[str, str]]


def aging_of(age: timedelta, sla: timedelta) -> Aging:
    """Return the aging band of an item ``age`` old under ``sla``."""
    if age >= sla:
        return Aging.OVERDUE
    return Aging.DUE if age >= sla / 2 else Aging.FRESH


def top_exception(result: CheckResult) -> BillingException | None:
    """Return the most severe exception (the first of equals), or None."""
    ranked = sorted(result.exceptions, key=lambda e: SEVERITY_RANK.get(e.severity, 9))
    return ranked[0] if ranked else None


def list_worklist(
    store: Store,
    viewer: Caller,
    filters: WorklistFilter,
    *,
    sort: QueueSort = QueueSort.RISK,
    page: int = 1,
    page_size: int = 25,
    sla: timedelta = timedelta(hours=24),
) -> WorklistPage:
    """Return page ``page`` (1-based) of the viewer's tenant's open items matching
    ``filters`` in ``sort`` order."""
    if page < 1 or not 1 <= page_size <= MAX_PAGE_SIZE:
        raise InputError(f"page: must be >= 1 with a page size of 1..{MAX_PAGE_SIZE}")
    now = datetime.now(UTC)
    with store.transaction() as session:
        tenant = viewer.tenant_id
        total = worklist.count_items(session, filters, tenant_id=tenant)
        rows = worklist.list_items(
            session, filters, sort, tenant_id=tenant, offset=(page - 1) * page_size, limit=page_size
        )
        holders = {i.assigned_to for i, _ in rows if i.assigned_to and i.locked_until}
        names = worklist.key_names(session, holders)
        queues = worklist.open_queues(session, tenant_id=tenant)
        accounts = worklist.open_accounts(session, tenant_id=tenant)
    items = []
    for item, order in rows:
        result = CheckResult.model_validate_json(order.result_json)
        holder = worklist.lock_holder(item, now)
        age = max(timedelta(0), now - item.created_at)
        items.append(
            WorklistItem(
                order_id=item.order_id,
                customer=json.loads(order.customer_json).get("legal_name", order.account_id),
                account_id=order.account_id,
                amount=Decimal(item.amount_cents) / 100,
                currency=order.currency,
                risk=item.risk,
                top_exception=top_exception(result),
                exception_count=len(result.exceptions),
                age=age,
                aging=aging_of(age, sla),
                assignee=names.get(holder, holder) if holder else None,
                locked_by_other=holder is not None and holder != viewer.key_id,
            )
        )
    customers = [(a, json.loads(c).get("legal_name", a)) for a, c in accounts]
    return WorklistPage(
        items=items,
        total=total,
        page=page,
        pages=max(1, -(-total // page_size)),
        queues=queues,
        customers=customers,
    )
