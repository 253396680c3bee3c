"""Same seed, same bytes; case k is the same whatever the number of cases."""

from __future__ import annotations

from pathlib import Path

from tests.triage.samples.conftest import N_CASES, SEED
from triage.samples import generate_case, generate_cases


def test_the_same_case_renders_to_identical_bytes() -> None:
    first, second = generate_case(SEED, 3), generate_case(SEED, 3)
    assert first.form.pdf == second.form.pdf
    assert first.labels == second.labels


def test_case_k_does_not_depend_on_n_or_on_worker_processes(case_dir: Path, tmp_path: Path) -> None:
    serial = generate_cases(tmp_path, 3, SEED)
    for folder in serial:
        parallel = case_dir / folder.name
        for name in ("order.pdf", "quote.json", "customer.json", "labels.json"):
            assert (folder / name).read_bytes() == (parallel / name).read_bytes(), name
    assert len(list(case_dir.iterdir())) == N_CASES


def test_another_seed_gives_other_cases() -> None:
    assert generate_case(SEED, 0).form.pdf != generate_case(SEED + 1, 0).form.pdf


def test_pdf_carries_no_timestamp_or_random_id() -> None:
    pdf = generate_case(SEED, 5).form.pdf
    assert b"/CreationDate (D:2000" in pdf
