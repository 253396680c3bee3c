"""Out-of-range values are a 422 naming the field, never a 5xx.

First the cases found by hand (each once answered 500, or was accepted); then hypothesis
puts extreme values - huge and negative integers, 1e308, non-finite numbers, 40-digit and
exponent amounts, dates at the ends of the calendar - into every field of the quote and
the customer, into decisions and outcomes, and into every query parameter of the queue,
the review pages and the dashboard, and checks that no answer is a server error.
"""

from __future__ import annotations

import base64
import copy
import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import order_parts, settings_for
from tests.api.parts import build
from tests.api.review.login import log_in
from tests.triage.contract.conftest import CUSTOMER, QUOTE
from triage.service import create_api_key
from triage.store import open_store

SERIAL = itertools.count()
EXTREMES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([10**30, -1, 2**63, -(2**63) - 1, 1e308, -1e30, 1e-320, 0.1, True]),
    st.sampled_from(["1e999999", "-1e30", "9" * 40, "1" + "0" * 17, "-5.00", "NaN", "Infinity"]),
    st.sampled_from(["9999-12-31", "0001-01-01", "2027-02-30", "2027-01-01T00:00:00", ""]),
    st.text(max_size=30),
    st.none(),
)
QUOTE_FIELDS = [k for k in QUOTE if k != "lines"]
LINE_FIELDS = list(QUOTE["lines"][0])
CUSTOMER_FIELDS = [k for k in CUSTOMER if k != "history"]
HISTORY_FIELDS = list(CUSTOMER["history"])


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    folder: Path = tmp_path_factory.mktemp("range")
    config = settings_for(folder, f"sqlite:///{folder / 'range.db'}")
    store = open_store(config.resolved_database_url, config.data_dir)
    app = create_app(config, ApiSettings(background_jobs=False), store=store, parts=build(config))
    with TestClient(app, raise_server_exceptions=False) as client:
        admin = {"Authorization": f"Bearer {create_api_key(store, role='admin').key}"}
        assert log_in(client, create_api_key(store, role="analyst").key).status_code == 303
        order = _submit(client, admin).json()
        yield {"client": client, "admin": admin, "order_id": order["order_id"]}
    store.close()


def _submit(
    client: TestClient,
    headers: dict[str, str],
    quote: Any = None,
    customer: Any = None,
    *,
    serial: int | None = None,
):
    n = next(SERIAL) if serial is None else serial
    files = order_parts(45, marker=f"range-{n}")
    if quote is not None:
        files["quote"] = (None, json.dumps(quote))
    if customer is not None:
        files["customer"] = (None, json.dumps(customer))
    return client.post("/v1/orders", files=files, headers={**headers, "Idempotency-Key": f"r{n}"})


def _quote(**changes: Any) -> dict[str, Any]:
    return {**copy.deepcopy(QUOTE), **changes}


def _line(**changes: Any) -> dict[str, Any]:
    quote = copy.deepcopy(QUOTE)
    quote["lines"][0].update(changes)
    return quote


def _cursor(sort: str, value: Any) -> str:
    raw = json.dumps({"sort": sort, "value": value, "id": "ord_x"}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


KNOWN_QUOTES = [
    ("total_contract_value", _quote(total_contract_value="1e999999")),
    ("total_contract_value", _quote(total_contract_value="-1e30")),
    ("total_contract_value", _quote(total_contract_value="9" * 40)),
    ("total_contract_value", _quote(total_contract_value="1" + "0" * 17)),  # > int64 cents
    ("unit_price", _line(unit_price="-5.00")),
    ("net_amount", _line(net_amount="1e308")),
    ("quantity", _line(quantity=10**30)),
    ("term_months", _quote(term_months=10**30)),
    ("payment_terms_days", _quote(payment_terms_days=-1)),
    ("renewal_uplift_cap_pct", _quote(renewal_uplift_cap_pct=1e308)),
    ("end_date", _quote(end_date="9999-12-31")),
]


@pytest.mark.parametrize(("field", "quote"), KNOWN_QUOTES, ids=[f for f, _ in KNOWN_QUOTES])
def test_known_out_of_range_quotes_are_422_naming_the_field(world, field, quote):
    serial = next(SERIAL)
    for _ in range(2):  # and a retry with the same Idempotency-Key answers the same
        response = _submit(world["client"], world["admin"], quote=quote, serial=serial)
        assert response.status_code == 422, response.text
        assert field in response.json()["detail"]


CORRECTIONS = [
    {"term_months": 10**30},
    {"payment_terms_days": -1},
    {"renewal_uplift_cap_pct": 1e308},
    {"total_contract_value": "9" * 40},
    {"start_date": "9999-12-31"},
]


@pytest.mark.parametrize("corrections", CORRECTIONS, ids=lambda c: next(iter(c)))
def test_out_of_range_corrections_are_422_naming_the_field(world, corrections):
    response = world["client"].post(
        f"/v1/orders/{world['order_id']}/decision",
        json={"action": "correct", "reason_code": "EXTRACTION_ERROR", "corrections": corrections},
        headers=world["admin"],
    )
    assert response.status_code == 422, response.text
    assert next(iter(corrections)) in response.json()["detail"]


@pytest.mark.parametrize(
    ("sort", "value"),
    [("amount", 10**30), ("age", "2027-01-01T00:00:00"), ("risk", "nan"), ("risk", 10**400)],
)
def test_cursors_with_values_the_queue_never_made_are_422(world, sort, value):
    response = world["client"].get(
        "/v1/review-queue",
        params={"sort": sort, "cursor": _cursor(sort, value)},
        headers=world["admin"],
    )
    assert response.status_code == 422 and "cursor" in response.json()["detail"]


def test_a_dashboard_period_at_the_end_of_the_calendar_is_422_naming_it(world):
    response = world["client"].get(
        "/review/dashboard",
        params={"period": "custom", "since": "2020-01-01", "until": "9999-12-31"},
    )
    assert response.status_code == 422 and "until" in response.json()["detail"]


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))


FIELDS = [
    *(("quote", f) for f in QUOTE_FIELDS),
    *(("line", f) for f in LINE_FIELDS),
    *(("customer", f) for f in CUSTOMER_FIELDS),
    *(("history", f) for f in HISTORY_FIELDS),
]


@pytest.mark.parametrize(("where", "field"), FIELDS, ids=[f"{w}.{f}" for w, f in FIELDS])
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=EXTREMES)
@example(value="1e999999")  # the values, in every field, before hypothesis explores
@example(value="-1e30")
@example(value="9" * 40)
@example(value=10**30)
@example(value=-1)
@example(value=1e308)
@example(value="9999-12-31")
def test_no_input_value_yields_a_server_error(world, where, field, value):
    quote, customer = copy.deepcopy(QUOTE), copy.deepcopy(CUSTOMER)
    target = {
        "quote": quote,
        "line": quote["lines"][0],
        "customer": customer,
        "history": customer["history"],
    }[where]
    target[field] = value
    response = _submit(world["client"], world["admin"], quote=quote, customer=customer)
    assert response.status_code < 500, response.text


@PROPERTY
@given(
    field=st.sampled_from([*CORRECTIONS[0], "payment_terms_days", "order_date"]),
    value=EXTREMES,
    days=EXTREMES,
    when=EXTREMES,
)
def test_no_decision_or_outcome_yields_a_server_error(world, field, value, days, when):
    client, admin, order_id = world["client"], world["admin"], world["order_id"]
    decided = client.post(
        f"/v1/orders/{order_id}/decision",
        json={
            "action": "correct",
            "reason_code": "EXTRACTION_ERROR",
            "corrections": {field: value},
        },
        headers=admin,
    )
    assert decided.status_code < 500, decided.text
    reported = client.post(
        f"/v1/orders/{order_id}/outcome",
        json={"disputed": False, "days_late": days, "reported_at": when},
        headers=admin,
    )
    assert reported.status_code < 500, reported.text


@PROPERTY
@given(
    sort=st.sampled_from(["risk", "amount", "age", "bogus"]),
    value=EXTREMES,
    min_risk=EXTREMES,
    limit=EXTREMES,
    since=EXTREMES,
    until=EXTREMES,
    page=EXTREMES,
)
@example("amount", 10**30, None, None, "2020-01-01", "9999-12-31", 1)
@example("age", "2027-01-01T00:00:00", 1e308, 10**30, "0001-01-01", None, 10**30)
def test_no_query_parameter_yields_a_server_error(
    world, sort, value, min_risk, limit, since, until, page
):
    client, admin = world["client"], world["admin"]
    text = lambda v: "" if v is None else str(v)  # noqa: E731 - how a browser sends it
    queue = client.get(
        "/v1/review-queue",
        params={
            "sort": sort,
            "cursor": _cursor(sort, value),
            "min_risk": text(min_risk),
            "limit": text(limit),
        },
        headers=admin,
    )
    assert queue.status_code < 500, queue.text
    dashboard = client.get(
        "/review/dashboard", params={"period": "custom", "since": text(since), "until": text(until)}
    )
    assert dashboard.status_code < 500, dashboard.text
    pages = client.get("/review", params={"page": text(page), "min_risk": text(min_risk)})
    assert pages.status_code < 500, pages.text
