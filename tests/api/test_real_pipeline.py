"""The API with the production components: sample orders in, the CLI's results out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import ApiSettings
from tests.api.fixtures import settings_for
from triage.auth import Role
from triage.components import LoadedComponents, load_components
from triage.config import REPO_ROOT
from triage.contract import CustomerHistory, Decision
from triage.inputs import load_case
from triage.pipeline import triage_order
from triage.routing import RoutingPolicy
from triage.service import create_api_key
from triage.store import open_store

SAMPLES = REPO_ROOT / "samples" / "cases"
CASES = ["case-0001", "case-0002", "case-0005"]


@pytest.fixture(scope="module")
def real_parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedComponents]:
    """The product's own reader, extractor, rule pack, scorer and policy."""
    folder = tmp_path_factory.mktemp("real")
    with load_components(settings_for(folder, f"sqlite:///{folder / 'x.db'}")) as parts:
        yield parts


@pytest.fixture(scope="module")
def real_api(
    real_parts: LoadedComponents, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """A TestClient on the app wired to the real components, with a service key."""
    folder = tmp_path_factory.mktemp("api")
    settings = settings_for(folder, f"sqlite:///{folder / 'triage.db'}")
    store = open_store(settings.resolved_database_url, settings.data_dir)
    headers = {"Authorization": f"Bearer {create_api_key(store, role=Role.SERVICE.value).key}"}
    app = create_app(settings, ApiSettings(background_jobs=False), store=store, parts=real_parts)
    with TestClient(app) as client:
        yield client, headers
    store.close()


def _submit(client: TestClient, headers: dict[str, str], case: Path, key: str) -> object:
    files = {
        name: (file, (case / file).read_bytes(), media)
        for name, file, media in (
            ("document", "order.pdf", "application/pdf"),
            ("quote", "quote.json", "application/json"),
            ("customer", "customer.json", "application/json"),
        )
    }
    return client.post("/v1/orders", headers={**headers, "Idempotency-Key": key}, files=files)


@pytest.mark.slow
@pytest.mark.parametrize("case_name", CASES)
def test_api_result_equals_the_pipelines_on_a_sample_order(
    real_api: tuple[TestClient, dict[str, str]], real_parts: LoadedComponents, case_name: str
) -> None:
    client, headers = real_api
    case = SAMPLES / case_name
    response = _submit(client, headers, case, f"real-{case_name}")
    assert response.status_code == 201, response.text
    body = response.json()
    inputs = load_case(case)
    direct = triage_order(inputs.pdf, inputs.quote, inputs.customer, parts=real_parts)
    expected = json.loads(direct.model_dump_json())
    assert body["decision"] == expected["decision"]
    assert [e["code"] for e in body["exceptions"]] == [e["code"] for e in expected["exceptions"]]
    assert body["extraction"]["fields"] == expected["extraction"]["fields"]
    labels = json.loads((case / "labels.json").read_text())
    assert sorted({e["code"] for e in body["exceptions"]}) == labels["expected_codes"]


@pytest.mark.slow
def test_replaying_a_real_order_returns_the_stored_result(
    real_api: tuple[TestClient, dict[str, str]],
) -> None:
    client, headers = real_api
    case = SAMPLES / "case-0003"
    first = _submit(client, headers, case, "real-replay")
    again = _submit(client, headers, case, "real-replay")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    stored = client.get(f"/v1/orders/{first.json()['order_id']}", headers=headers)
    assert stored.status_code == 200


@pytest.mark.slow
def test_a_clean_order_from_a_late_paying_customer_passes_and_says_why(
    real_parts: LoadedComponents,
) -> None:
    inputs = load_case(SAMPLES / "case-0001")
    history = CustomerHistory(invoices_12m=2, disputed_invoices_12m=2, avg_days_late_12m=30.0)
    late_payer = inputs.customer.model_copy(update={"history": history})
    result = triage_order(inputs.pdf, inputs.quote, late_payer, parts=real_parts)
    assert result.exceptions == [] and result.risk is not None
    thresholds = real_parts.policy.risk_thresholds
    assert result.risk.delay > thresholds["delay"]  # the reported risk is the full one
    assert result.decision is Decision.PASS
    assert any("payment history alone" in reason for reason in result.reasons), result.reasons
    # the same scores under a policy on the full basis send the order to review
    document = yaml.safe_load((REPO_ROOT / "rules" / "policy.yaml").read_text())
    full = RoutingPolicy.from_mapping({**document, "risk_basis": "full"})
    assert full.decide(result.exceptions, result.risk)[0] is Decision.REVIEW
