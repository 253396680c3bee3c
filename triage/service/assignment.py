"""Who works on a review item: opening assigns and locks it, deciding or releasing frees it.

A lock lasts ``lock_for`` (renewed each time its holder opens the item again) so an analyst
who walks away does not block the item forever. While the lock is live, every other
analyst sees the item read-only and cannot decide it through the review page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from triage.auth import Caller
from triage.errors import Conflict, NotFound
from triage.store import Store, worklist
from triage.store import orders as order_rows
from triage.store.queue import OPEN

__all__ = [
    "DEFAULT_LOCK",
    "ItemLock",
    "ItemLocked",
    "open_review_item",
    "release_review_item",
    "require_lock",
]

DEFAULT_LOCK = timedelta(minutes=30)


class ItemLocked(Conflict):
    code = "review.locked"
    title = "Another analyst is working on this order"


@dataclass(frozen=True)
class ItemLock:
    """The lock state of one order as its viewer sees it."""

    order_id: str
    is_open: bool
    holder_key_id: str | None
    holder_name: str | None
    locked_until: datetime | None
    mine: bool

    @property
    def read_only(self) -> bool:
        """Return True when the viewer may look but not decide."""
        return not (self.is_open and self.mine)


def _lock_state(store: Store, caller: Caller, order_id: str, now: datetime) -> ItemLock:
    with store.transaction() as session:
        if order_rows.get_order(session, order_id, tenant_id=caller.tenant_id) is None:
            raise NotFound(f"order {order_id!r} does not exist")
        item = order_rows.get_review_item(session, order_id)
        if item is None or item.state != OPEN:
            return ItemLock(order_id, False, None, None, None, mine=False)
        holder = worklist.lock_holder(item, now)
        names = worklist.key_names(session, {holder} if holder else set())
    return ItemLock(
        order_id=order_id,
        is_open=True,
        holder_key_id=holder,
        holder_name=names.get(holder or "", holder),
        locked_until=item.locked_until if holder is not None else None,
        mine=holder == caller.key_id,
    )


def open_review_item(
    store: Store,
    caller: Caller,
    order_id: str,
    *,
    lock_for: timedelta = DEFAULT_LOCK,
    now: datetime | None = None,
) -> ItemLock:
    """Assign an open item to ``caller`` and lock it, unless another analyst holds it.

    Returns the resulting lock; ``read_only`` is True when someone else holds it or the
    item is already decided. Raises NotFound for an unknown order (or another tenant's).
    """
    now = now or datetime.now(UTC)
    with store.transaction() as session:
        if order_rows.get_order(session, order_id, tenant_id=caller.tenant_id) is None:
            raise NotFound(f"order {order_id!r} does not exist")
        worklist.claim_item(session, order_id, caller.key_id, now=now, until=now + lock_for)
    return _lock_state(store, caller, order_id, now)


def release_review_item(store: Store, caller: Caller, order_id: str) -> bool:
    """Give up ``caller``'s lock so others may take the item; return False if not held.
    Raises NotFound for an unknown order (or another tenant's)."""
    with store.transaction() as session:
        if order_rows.get_order(session, order_id, tenant_id=caller.tenant_id) is None:
            raise NotFound(f"order {order_id!r} does not exist")
        return worklist.release_item(session, order_id, caller.key_id)


def require_lock(
    store: Store, caller: Caller, order_id: str, *, now: datetime | None = None
) -> ItemLock:
    """Return ``caller``'s live lock on an open item; raise ItemLocked if another holds it.

    An item nobody holds (or whose lock expired) is claimed for ``caller`` first, so a
    decision never races another analyst's.
    """
    now = now or datetime.now(UTC)
    lock = _lock_state(store, caller, order_id, now)
    if lock.is_open and not lock.mine:
        if lock.holder_key_id is not None:
            raise ItemLocked(f"order {order_id!r} is locked by {lock.holder_name}")
        lock = open_review_item(store, caller, order_id, now=now)
        if not lock.mine:
            raise ItemLocked(f"order {order_id!r} is locked by {lock.holder_name}")
    return lock
