"""An analyst's decision on a clause flag feeds the dashboard's override rate, like any rule's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from tests.api.fixtures import settings_for
from triage.auth import Caller, Role
from triage.components import LoadedComponents, load_components
from triage.config import REPO_ROOT
from triage.service import authenticate, create_api_key, record_decision, submit_order
from triage.service.dashboard import dashboard_report
from triage.service.schemas import DecisionRequest, ReviewAction
from triage.store import Store, open_store

CASE = REPO_ROOT / "samples" / "cases" / "case-0015"  # an acceptance clause departs


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LoadedComponents, Store]]:
    """The product's components and a fresh SQLite store."""
    folder = tmp_path_factory.mktemp("clause-overrides")
    settings = settings_for(folder, f"sqlite:///{folder / 'triage.db'}")
    store = open_store(settings.resolved_database_url, settings.data_dir)
    with load_components(settings) as parts:
        yield parts, store
    store.close()


def _caller(store: Store, role: Role, name: str) -> Caller:
    return authenticate(store, f"Bearer {create_api_key(store, role=role.value, name=name).key}")


def test_approving_an_order_with_a_clause_flag_counts_as_an_override_of_it(
    real: tuple[LoadedComponents, Store],
) -> None:
    parts, store = real
    outcome = submit_order(
        store,
        parts,
        _caller(store, Role.SERVICE, "svc"),
        idempotency_key="clause-1",
        pdf=(CASE / "order.pdf").read_bytes(),
        filename="order.pdf",
        quote_json=(CASE / "quote.json").read_text(),
        customer_json=(CASE / "customer.json").read_text(),
    )
    result = outcome.result
    assert result is not None
    assert result.versions.playbook == "2026.12.1"
    clause = [e for e in result.exceptions if e.code.value == "NONSTANDARD_CLAUSE"]
    assert clause and "standard is" in clause[0].message
    request = DecisionRequest(action=ReviewAction.APPROVE, reason_code="CLAUSE_ACCEPTED")
    record_decision(store, parts, _caller(store, Role.ANALYST, "Avery"), result.order_id, request)
    now = datetime.now(UTC)
    viewer = _caller(store, Role.ANALYST, "Avery")
    report = dashboard_report(store, viewer, now - timedelta(hours=1), now + timedelta(seconds=1))
    rates = {rule.code: (rule.decided, rule.overridden) for rule in report.overrides}
    assert rates["NONSTANDARD_CLAUSE"] == (1, 1)
