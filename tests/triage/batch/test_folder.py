"""The output folder commits whole parts, resumes by key and merges each case once."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from triage.batch import CaseJob, CaseRecord, OutputFolder, read_case
from triage.batch.cases import reject_result
from triage.batch.records import record_of
from triage.batch.run import summarise_folder
from triage.batch.sources import CaseRef
from triage.contract import Versions
from triage.errors import DocumentError, InputError

V1 = Versions(rules="rules-1", policy="policy-1", model="risk-1", extractor="ex-1")
V2 = V1.model_copy(update={"rules": "rules-2"})


def _job(case_folder: Path, case: str, versions: Versions = V1) -> CaseJob:
    folder = case_folder / case
    ref = CaseRef(
        case, str(folder / "order.pdf"), str(folder / "quote.json"), str(folder / "customer.json")
    )
    return CaseJob.of(case, read_case(ref), versions)


def _record(job: CaseJob, note: str = "x") -> CaseRecord:
    return record_of(job, reject_result(job.case, DocumentError(note)), 0.01)


def test_the_key_changes_with_the_document_the_inputs_or_a_version(case_folder: Path) -> None:
    one, two = _job(case_folder, "case-0001"), _job(case_folder, "case-0002")
    assert one.key == _job(case_folder, "case-0001").key
    assert len({one.key, two.key, _job(case_folder, "case-0001", V2).key}) == 3
    assert one.document_sha256 and len(one.document_sha256) == 64


def test_a_reopened_folder_knows_the_committed_keys_and_drops_unfinished_parts(
    case_folder: Path, tmp_path: Path
) -> None:
    jobs = [_job(case_folder, f"case-000{i}") for i in range(1, 6)]
    with OutputFolder(tmp_path, part_size=2) as folder:
        for job in jobs[:3]:
            folder.add(_record(job))
        assert folder.committed_parts == 1  # the third record is still buffered
    (tmp_path / "parts" / ".tmp-part-killed").mkdir()  # what a kill -9 mid-commit leaves
    with OutputFolder(tmp_path) as folder:
        assert [folder.is_done(j.key) for j in jobs] == [True, True, True, False, False]
    assert not list((tmp_path / "parts").glob(".tmp-*"))


def test_merge_writes_each_case_once_in_case_order_with_the_current_versions(
    case_folder: Path, tmp_path: Path
) -> None:
    old = [_job(case_folder, c) for c in ("case-0001", "case-0002")]
    new = [_job(case_folder, c, V2) for c in ("case-0002", "case-0001")]
    with OutputFolder(tmp_path, part_size=1) as folder:
        for job in old:
            folder.add(_record(job, "old"))
        for job in new:
            folder.add(_record(job, "new"))
        assert folder.merge([j.key for j in reversed(new)]) == 2
    lines = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert [(line["case"], line["error"]["detail"]) for line in lines] == [
        ("case-0001", "new"),
        ("case-0002", "new"),
    ]
    orders = pq.read_table(tmp_path / "orders.parquet").to_pylist()
    assert [(o["case"], o["rules_version"], o["decision"]) for o in orders] == [
        ("case-0001", None, "reject"),
        ("case-0002", None, "reject"),
    ]
    assert [o["key"] for o in orders] == [new[1].key, new[0].key]
    assert pq.read_table(tmp_path / "exceptions.parquet").num_rows == 0


def test_a_second_driver_cannot_write_to_the_same_folder(tmp_path: Path) -> None:
    with OutputFolder(tmp_path), pytest.raises(InputError, match="another batch"):
        OutputFolder(tmp_path).open()


def test_a_windowed_merge_keeps_case_order_across_scattered_and_repeated_parts(
    case_folder: Path, tmp_path: Path
) -> None:
    # Ten cases finished out of order, one committed twice, merged three keys at a time:
    # every window reads only its own rows, and the output is still in case order, once each.
    jobs = [_job(case_folder, f"case-000{1 + i % 5}", V1 if i < 5 else V2) for i in range(10)]
    finished = [jobs[i] for i in (7, 0, 9, 3, 1, 8, 2, 6, 4, 5)] + [jobs[3]]
    with OutputFolder(tmp_path, part_size=2, merge_window=3) as folder:
        for job in finished:
            folder.add(_record(job, job.key[:8]))
        assert folder.merge([j.key for j in jobs]) == 10
    lines = [json.loads(line) for line in (tmp_path / "results.jsonl").read_text().splitlines()]
    assert [line["error"]["detail"] for line in lines] == [j.key[:8] for j in jobs]
    orders = pq.ParquetFile(tmp_path / "orders.parquet")
    assert orders.metadata.num_row_groups == 4  # one per window of (up to) three keys
    assert orders.read().column("key").to_pylist() == [j.key for j in jobs]


def _merge_peak(tmp_path: Path, job: CaseJob, n: int) -> int:
    """Return the Python heap's peak above its start while ``n`` cases are merged and summed."""
    jobs = [CaseJob(f"order-{i:05d}", f"{i:064x}", job.document_sha256, job.raw) for i in range(n)]
    with OutputFolder(tmp_path / str(n), part_size=100, merge_window=100) as folder:
        for one in jobs:
            folder.add(_record(one, "bad document"))
        keys = [one.key for one in jobs]
        tracemalloc.start()
        try:
            start = tracemalloc.get_traced_memory()[0]
            assert folder.merge(keys) == n
            assert summarise_folder(folder.root).total == n
            return tracemalloc.get_traced_memory()[1] - start
        finally:
            tracemalloc.stop()


def test_the_merge_and_the_summary_hold_a_window_not_the_batch(
    case_folder: Path, tmp_path: Path
) -> None:
    # Merging 2,000 cases may peak no higher than merging 500 (a window of offsets and rows
    # at a time); reading every row at once, as before, peaked about four times higher.
    job = _job(case_folder, "case-0001")
    _merge_peak(tmp_path, job, 50)  # first use: pyarrow's lazy imports, not the merge's
    small, large = _merge_peak(tmp_path, job, 500), _merge_peak(tmp_path, job, 2000)
    assert large <= 1.2 * small + 20_000, f"merge peak {small} B at 500, {large} B at 2,000"
