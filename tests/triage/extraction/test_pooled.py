"""PooledExtractor: the same extraction as in process, a time limit, a clear start-up failure."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from triage.components import load_components
from triage.config import Settings, get_settings
from triage.documents.parsed import ParsedDocument
from triage.errors import ConfigError, DocumentTimeout
from triage.extraction import OrderExtractor
from triage.extraction.pooled import PooledExtractor

CASES = Path(__file__).resolve().parents[3] / "samples" / "cases"


@pytest.fixture(scope="module")
def pooled() -> Iterator[PooledExtractor]:
    with PooledExtractor(get_settings().models_dir, workers=2) as extractor:
        extractor.wait_ready()
        yield extractor


def test_children_extract_exactly_what_the_process_itself_extracts(
    pooled: PooledExtractor,
    extractor: OrderExtractor,
    read_pdf: Callable[[bytes], ParsedDocument],
) -> None:
    assert pooled.version == extractor.version
    for case in sorted(CASES.iterdir())[:8]:
        document = read_pdf((case / "order.pdf").read_bytes())
        for country in ("US", "DE"):
            expected = extractor.extract(document, country=country)
            assert pooled.extract(document, country=country) == expected, case.name


def test_an_extraction_over_the_time_limit_is_stopped_and_the_pool_recovers(
    read_pdf: Callable[[bytes], ParsedDocument],
) -> None:
    document = read_pdf((CASES / "case-0001" / "order.pdf").read_bytes())
    with PooledExtractor(get_settings().models_dir, workers=1, timeout_s=0.001) as pooled:
        pooled.wait_ready()
        before = pooled.worker_pids()
        with pytest.raises(DocumentTimeout, match="extract_timeout_s"):
            pooled.extract(document)
        assert pooled.worker_pids() != before
        pooled.timeout_s = 60
        assert pooled.extract(document).document.sha256 == document.sha256


def test_children_that_cannot_load_the_models_fail_start_up_by_name(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(get_settings().models_dir / "extraction", models / "extraction")
    (models / "clauses").mkdir()  # no clause model: the child refuses to start
    pooled = PooledExtractor(models, workers=1)
    with pytest.raises(ConfigError, match=r"could not load the models .*no clause model in"):
        pooled.wait_ready()
    assert pooled.worker_pids() == []


def test_components_with_extract_workers_stop_their_children_on_close() -> None:
    settings = Settings(extract_workers=1, parse_workers=1)
    parts = load_components(settings)
    pooled = parts.extractor
    assert isinstance(pooled, PooledExtractor)
    assert len(pooled.worker_pids()) == 1
    parts.close()
    assert pooled.worker_pids() == []
