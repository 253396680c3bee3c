"""No training/serving skew: the features training uses for an order are the ones served.

Two generated cases go through the service's real stages twice: once as ``triage check``
runs them (``triage_order``, with a scorer that records what it is given), once as the
dataset builder does (through the sha256 extraction cache, first cold, then warm).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from training.risk.cache import ExtractionCache
from training.risk.cases import case_row
from triage.components import LoadedComponents, load_components
from triage.config import Settings
from triage.contract import BillingException, Customer, Extraction, Quote, RiskScore
from triage.inputs import load_case
from triage.pipeline import triage_order
from triage.samples import generate_cases
from triage.scoring.features import OrderFeatures, order_features


class RecordingScorer:
    """A RiskScorer that keeps the features of what the pipeline passed it."""

    version = "recording"

    def __init__(self) -> None:
        self.seen: list[OrderFeatures] = []

    def score(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
    ) -> RiskScore | None:
        """Record the order's features; return no score."""
        self.seen.append(order_features(extraction, exceptions, quote, customer))
        return None


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedComponents]:
    """The service's stages, as ``triage check`` loads them."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("var"), parse_workers=1)
    with load_components(settings) as loaded:
        yield loaded


def test_training_rows_have_the_features_the_service_computes(
    tmp_path: Path, parts: LoadedComponents
) -> None:
    folders = generate_cases(tmp_path / "cases", 2, seed=31)
    recorder = RecordingScorer()
    serving = dataclasses.replace(parts, scorer=recorder)
    cache = ExtractionCache(tmp_path / "cache", parts.extractor.version)
    for folder in folders:
        inputs = load_case(folder)
        triage_order(inputs.pdf, inputs.quote, inputs.customer, parts=serving)
        served = recorder.seen[-1]
        cold = case_row(folder, parts, cache=cache)
        warm = case_row(folder, parts, cache=cache)
        assert served.names == cold.features.names
        np.testing.assert_array_equal(cold.features.values, served.values)
        np.testing.assert_array_equal(warm.features.values, served.values)
    assert (cache.misses, cache.hits) == (2, 2)
