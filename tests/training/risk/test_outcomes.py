"""Recorded outcomes: orders submitted through the service, labelled later, become rows."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import numpy as np

from tests.training.risk.serving import RecordingScorer
from training.risk.cache import ExtractionCache
from training.risk.outcomes import dataset_from_outcomes
from triage.components import LoadedComponents
from triage.samples import generate_cases
from triage.service.keys import ensure_system_caller
from triage.service.orders import submit_order
from triage.service.outcomes import record_outcome
from triage.service.schemas import OutcomeReport
from triage.store import open_store


def test_only_orders_with_an_outcome_become_rows_with_the_served_features(
    tmp_path: Path, service_parts: LoadedComponents
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'triage.db'}", tmp_path)
    caller = ensure_system_caller(store)
    recorder = RecordingScorer()
    serving = dataclasses.replace(service_parts, scorer=recorder)
    order_ids = []
    for index, folder in enumerate(generate_cases(tmp_path / "cases", 2, seed=44)):
        submitted = submit_order(
            store,
            serving,
            caller,
            idempotency_key=f"key-{index}",
            pdf=(folder / "order.pdf").read_bytes(),
            filename="order.pdf",
            quote_json=(folder / "quote.json").read_bytes(),
            customer_json=(folder / "customer.json").read_bytes(),
        )
        order_ids.append(submitted.order_id)
    report = OutcomeReport(disputed=True, days_late=21, reported_at=date(2027, 3, 2))
    record_outcome(store, caller, order_ids[1], report)
    cache = ExtractionCache(tmp_path / "cache", service_parts.extractor.version)
    try:
        dataset = dataset_from_outcomes(store, service_parts, cache=cache)
    finally:
        store.close()
    assert list(dataset.cases) == [order_ids[1]]
    assert (dataset.disputed[0], dataset.days_late[0], dataset.delayed(15)[0]) == (1, 21, 1)
    np.testing.assert_array_equal(dataset.features[0], recorder.seen[1].values)
