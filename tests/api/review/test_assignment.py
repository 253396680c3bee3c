"""Opening an item assigns and locks it; others see it read-only until decided or released."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from triage.errors import NotFound
from triage.service import record_decision
from triage.service.assignment import (
    ItemLocked,
    open_review_item,
    release_review_item,
    require_lock,
)
from triage.service.schemas import DecisionRequest, ReviewAction
from triage.service.worklist import Aging, list_worklist
from triage.store.worklist import WorklistFilter


def test_opening_an_item_locks_it_against_another_analyst(store, submit, alice, bob):
    order_id = submit("lock-1")["order_id"]
    mine = open_review_item(store, alice, order_id)
    assert mine.mine and not mine.read_only and mine.holder_name == "Alice"
    theirs = open_review_item(store, bob, order_id)
    assert theirs.read_only and not theirs.mine and theirs.holder_name == "Alice"
    with pytest.raises(ItemLocked, match="Alice"):
        require_lock(store, bob, order_id)
    assert require_lock(store, alice, order_id).mine


def test_an_expired_lock_can_be_taken_over(store, submit, alice, bob):
    order_id = submit("lock-2")["order_id"]
    start = datetime.now(UTC)
    open_review_item(store, alice, order_id, lock_for=timedelta(minutes=5), now=start)
    still = open_review_item(store, bob, order_id, now=start + timedelta(minutes=4))
    assert still.read_only
    later = open_review_item(store, bob, order_id, now=start + timedelta(minutes=6))
    assert later.mine and later.holder_name == "Bob"


def test_release_lets_another_analyst_take_the_item(store, submit, alice, bob):
    order_id = submit("lock-3")["order_id"]
    open_review_item(store, alice, order_id)
    assert not release_review_item(store, bob, order_id)
    assert release_review_item(store, alice, order_id)
    assert open_review_item(store, bob, order_id).mine


def test_a_decided_item_is_read_only_for_everyone(store, parts, submit, alice, bob):
    order_id = submit("lock-4")["order_id"]
    open_review_item(store, alice, order_id)
    decision = DecisionRequest(action=ReviewAction.APPROVE, reason_code="FALSE_POSITIVE")
    record_decision(store, parts, alice, order_id, decision)
    for analyst in (alice, bob):
        lock = open_review_item(store, analyst, order_id)
        assert not lock.is_open and lock.read_only
    with pytest.raises(NotFound):
        open_review_item(store, alice, "ord_00000000000000000000")


def test_worklist_filters_by_customer_and_shows_the_assignee(store, submit, alice, bob):
    first = submit("wl-1")["order_id"]
    other = submit("wl-2", account_id="ACC-2002")["order_id"]
    submit("wl-clean", 30)
    open_review_item(store, alice, first)
    everything = list_worklist(store, bob, WorklistFilter())
    assert {i.order_id for i in everything.items} == {first, other}
    assert {a for a, _ in everything.customers} == {"ACC-1001", "ACC-2002"}
    locked = next(i for i in everything.items if i.order_id == first)
    assert locked.assignee == "Alice" and locked.locked_by_other
    assert locked.top_exception is not None
    assert locked.top_exception.code.value == "PAYMENT_TERMS_MISMATCH"
    assert locked.aging is Aging.FRESH
    only = list_worklist(store, bob, WorklistFilter(account_id="ACC-2002"))
    assert [i.order_id for i in only.items] == [other] and only.total == 1
    paged = list_worklist(store, bob, WorklistFilter(), page=2, page_size=1)
    assert paged.pages == 2 and len(paged.items) == 1
    overdue = list_worklist(store, bob, WorklistFilter(), sla=timedelta(0))
    assert {i.aging for i in overdue.items} == {Aging.OVERDUE}


def test_api_decision_respects_another_analysts_lock(store, parts, submit, alice, bob):
    order_id = submit("lock-5")["order_id"]
    open_review_item(store, alice, order_id)
    decision = DecisionRequest(action=ReviewAction.APPROVE, reason_code="FALSE_POSITIVE")
    with pytest.raises(ItemLocked, match="locked by another analyst"):
        record_decision(store, parts, bob, order_id, decision)
    assert record_decision(store, parts, alice, order_id, decision).status.value == "approved"
