"""No training/serving skew: the features training uses for an order are the ones served.

Two generated cases go through the service's real stages twice: once as ``triage check``
runs them (``triage_order``, with a scorer that records what it is given), once as the
dataset builder does (through the sha256 extraction cache, first cold, then warm).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from tests.training.risk.serving import RecordingScorer
from training.risk.cache import ExtractionCache
from training.risk.cases import case_row
from triage.components import LoadedComponents
from triage.inputs import load_case
from triage.pipeline import triage_order
from triage.samples import generate_cases


def test_training_rows_have_the_features_the_service_computes(
    tmp_path: Path, service_parts: LoadedComponents
) -> None:
    folders = generate_cases(tmp_path / "cases", 2, seed=31)
    recorder = RecordingScorer()
    serving = dataclasses.replace(service_parts, scorer=recorder)
    cache = ExtractionCache(tmp_path / "cache", service_parts.extractor.version)
    for folder in folders:
        inputs = load_case(folder)
        triage_order(inputs.pdf, inputs.quote, inputs.customer, parts=serving)
        served = recorder.seen[-1]
        cold = case_row(folder, service_parts, cache=cache)
        warm = case_row(folder, service_parts, cache=cache)
        assert served.names == cold.features.names
        np.testing.assert_array_equal(cold.features.values, served.values)
        np.testing.assert_array_equal(warm.features.values, served.values)
    assert (cache.misses, cache.hits) == (2, 2)
