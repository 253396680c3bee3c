"""Dataset snapshots are hashed and verified; extractions are cached by PDF hash."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.triage.scoring.orders import extraction
from training.risk.cache import ExtractionCache, pdf_sha256
from training.risk.cases import dataset_from_cases
from training.risk.dataset import RiskDataset, read_snapshot, write_snapshot
from training.risk.labelled import extraction_from_labels
from triage.comparison import RulePack
from triage.contract import Extraction
from triage.errors import InputError
from triage.samples import CaseLabels, generate_cases


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


class FailingStages:
    """Stages whose extractor fails on one document, as a buggy extractor would."""

    def __init__(self, rules: RulePack, failing_sha: str) -> None:
        self.rules = rules
        self.failing_sha = failing_sha
        self.reader = self
        self.extractor = self
        self.version = "failing"

    def read(self, pdf: bytes, *, filename: str) -> bytes:
        """Pass the bytes on: the extractor below decides."""
        return pdf

    def extract(self, document: bytes, *, country: str | None = None) -> Extraction:
        """Fail on the chosen document, read the rest as a perfect reader would."""
        if pdf_sha256(document) == self.failing_sha:
            raise ValueError("discount_pct: input should be less than or equal to 100")
        raise AssertionError("only the failing case reaches the extractor")


def test_a_case_a_stage_fails_on_is_skipped_and_named(tmp_path: Path, rules: RulePack) -> None:
    folders = generate_cases(tmp_path / "cases", 2, seed=12)
    failing = pdf_sha256((folders[0] / "order.pdf").read_bytes())
    cache = ExtractionCache(tmp_path / "cache", "failing")
    good = extraction_from_labels(
        CaseLabels.model_validate_json((folders[1] / "labels.json").read_bytes()),
        pdf_sha256((folders[1] / "order.pdf").read_bytes()),
    )
    cache.put(good.document.sha256, good)
    skipped: list[str] = []
    dataset = dataset_from_cases(
        tmp_path / "cases",
        FailingStages(rules, failing),  # type: ignore[arg-type]
        cache=cache,
        on_skip=lambda case, _: skipped.append(case),
    )
    assert skipped == [folders[0].name]
    assert list(dataset.cases) == [folders[1].name]
    assert dataset.source.endswith(f"skipped={folders[0].name}")
