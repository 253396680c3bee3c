"""The extraction of every committed sample equals its golden file.

``TRIAGE_REGENERATE_GOLDEN=1`` rewrites the files instead of comparing them, and then the
guard test fails, so the flag cannot be left on by accident.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.golden.cases import (
    GOLDEN_DIR,
    REGENERATE_FLAG,
    golden_json,
    regenerate_requested,
    sample_cases,
)
from triage.config import get_settings
from triage.extraction import OrderExtractor

CASES = sample_cases()


@pytest.fixture(scope="module")
def extractor() -> OrderExtractor:
    return OrderExtractor.load(get_settings().models_dir)


def test_the_regenerate_flag_is_off() -> None:
    assert not regenerate_requested(), (
        f"unset {REGENERATE_FLAG}: golden files are rewritten, not checked"
    )


def test_every_sample_has_a_golden_file() -> None:
    assert CASES, "no committed sample cases found"
    missing = [case.name for case in CASES if not (GOLDEN_DIR / f"{case.name}.json").exists()]
    assert not missing or regenerate_requested(), f"no golden file for {missing}"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_extraction_matches_golden_file(case: Path, extractor: OrderExtractor) -> None:
    produced = golden_json(case, extractor)
    golden = GOLDEN_DIR / f"{case.name}.json"
    if regenerate_requested():
        golden.write_text(produced)
        return
    assert produced == golden.read_text(), (
        f"{case.name}: extraction changed; if intended, run python -m tests.golden.regenerate"
    )
