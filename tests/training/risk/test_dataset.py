"""Dataset snapshots are hashed and verified; extractions are cached by PDF hash."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.triage.scoring.orders import extraction
from training.risk.cache import ExtractionCache
from training.risk.dataset import RiskDataset, read_snapshot, write_snapshot
from triage.errors import InputError


def test_a_snapshot_reads_back_with_the_same_hash(tmp_path: Path, deals: RiskDataset) -> None:
    path = write_snapshot(deals, tmp_path)
    again = read_snapshot(path)
    assert again.sha256() == deals.sha256()
    assert path.name == f"dataset-{deals.sha256()[:16]}.npz"
    np.testing.assert_array_equal(again.features, deals.features)
    assert list(again.customers) == list(deals.customers)


def test_the_hash_changes_with_any_label(deals: RiskDataset) -> None:
    flipped = deals.disputed.copy()
    flipped[0] = 1 - flipped[0]
    changed = RiskDataset(**{**deals.__dict__, "disputed": flipped})
    assert changed.sha256() != deals.sha256()


def test_a_snapshot_that_does_not_match_its_hash_is_refused(
    tmp_path: Path, deals: RiskDataset
) -> None:
    path = write_snapshot(deals.subset(np.arange(50)), tmp_path)
    manifest = json.loads(path.with_suffix(".json").read_text())
    manifest["sha256"] = "0" * 64
    path.with_suffix(".json").write_text(json.dumps(manifest))
    with pytest.raises(InputError, match="does not match"):
        read_snapshot(path)


def test_the_cache_is_keyed_by_document_hash_and_extractor_version(tmp_path: Path) -> None:
    order = extraction()
    cache = ExtractionCache(tmp_path, "extractor-1")
    assert cache.get(order.document.sha256) is None
    cache.put(order.document.sha256, order)
    assert cache.get(order.document.sha256) == order
    assert ExtractionCache(tmp_path, "extractor-2").get(order.document.sha256) is None
    assert (cache.hits, cache.misses) == (1, 1)


def test_a_corrupt_cache_entry_counts_as_missing(tmp_path: Path) -> None:
    cache = ExtractionCache(tmp_path, "extractor-1")
    path = cache.path("e" * 64)
    path.parent.mkdir(parents=True)
    path.write_text("{not json")
    assert cache.get("e" * 64) is None
