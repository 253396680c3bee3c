"""The service's real stages for tests, and a scorer that records what it is given."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pytest

from triage.components import LoadedComponents, load_components
from triage.config import Settings
from triage.contract import BillingException, Customer, Extraction, Quote, RiskScore
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
        *,
        thresholds: Mapping[str, float] | None = None,
    ) -> RiskScore | None:
        """Record the order's features; return no score."""
        self.seen.append(order_features(extraction, exceptions, quote, customer))
        return None

    def order_risk(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
    ) -> Mapping[str, float] | None:
        """No score, so no order risk."""
        return None


@pytest.fixture(scope="session")
def service_parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedComponents]:
    """The service's stages, as ``triage check`` loads them."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("var"), parse_workers=1)
    with load_components(settings) as loaded:
        yield loaded
