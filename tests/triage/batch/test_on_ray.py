"""``--engine ray`` on a real local Ray (2 CPUs): the same results as the local engine."""

from __future__ import annotations

import json
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from triage.batch import LocalEngine, OutputFolder, list_case_refs, run_to_folder
from triage.cli import app
from triage.config import get_settings

ray = pytest.importorskip("ray")
from triage.batch.on_ray import RayEngine  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    # "local": a Ray of its own, even if `ray start` left a cluster address on this machine.
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def _orders(folder: Path) -> list[dict[str, object]]:
    rows = pq.read_table(folder / "orders.parquet").to_pylist()
    return [{k: v for k, v in row.items() if k not in ("seconds", "attempts")} for row in rows]


def test_ray_results_equal_local_results_on_the_same_cases(
    local_ray: None, case_folder: Path, tmp_path: Path
) -> None:
    engine = LocalEngine(get_settings())
    try:
        with OutputFolder(tmp_path / "local", part_size=4) as folder:
            assert run_to_folder(list_case_refs(case_folder), engine, folder).merged == 6
    finally:
        engine.close()
    local, on_ray = tmp_path / "local", tmp_path / "ray"
    args = ["batch", str(case_folder), "--out", str(on_ray), "--engine", "ray", "--workers", "2"]
    result = CliRunner().invoke(app, [*args, "--part-size", "4"])
    assert result.exit_code == 0, result.output
    assert "checked 6 now, skipped 0 already done" in " ".join(result.output.split())
    assert (on_ray / "results.jsonl").read_text() == (local / "results.jsonl").read_text()
    assert _orders(on_ray) == _orders(local)
    last = json.loads((on_ray / "results.jsonl").read_text().splitlines()[-1])
    assert last["case"] == "case-0006" and last["decision"] == "reject"


@pytest.mark.parametrize(
    ("limits", "why"),
    [
        ({"task_timeout_s": 0.001}, "time limit on each of 2 attempts"),
        ({"memory_mb": 100}, "100 MB memory limit, or killed) on each of 2 attempts"),
    ],
    ids=["time", "memory"],
)
def test_an_order_over_a_limit_kills_its_actor_is_retried_then_rejected(
    local_ray: None, case_folder: Path, tmp_path: Path, limits: dict[str, float], why: str
) -> None:
    refs = list(list_case_refs(case_folder))[:1]
    engine = RayEngine(get_settings(), workers=1, max_attempts=2, **limits)
    try:
        with OutputFolder(tmp_path) as folder:
            report = run_to_folder(refs, engine, folder)
    finally:
        engine.close()
    assert report.checked == 1
    orders = pq.read_table(tmp_path / "orders.parquet").to_pylist()
    assert [(o["case"], o["decision"], o["error_code"], o["attempts"]) for o in orders] == [
        ("case-0001", "reject", "batch.abandoned", 2),
    ]
    assert why in str(orders[0]["error_detail"])


def _backlog(case_folder: Path, path: Path, n: int) -> Path:
    """A manifest of ``n`` distinct cases cycling the fixture's six (so six documents)."""
    cases = sorted(p for p in case_folder.iterdir() if p.is_dir())
    rows = [
        {
            "case": f"order-{i:05d}",
            "pdf": str(cases[i % len(cases)] / "order.pdf"),
            "quote": str(cases[i % len(cases)] / "quote.json"),
            "customer": str(cases[i % len(cases)] / "customer.json"),
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def test_the_driver_keeps_only_a_done_key_per_finished_case(
    local_ray: None, case_folder: Path, tmp_path: Path
) -> None:
    # The driver's Python heap (tracemalloc counts every allocation) right after each part's
    # commit, so no results are buffered: from 40 to 240 finished cases it may grow by the
    # done keys only (about 0.12 KB a case). Before the keys were 32-byte digests, and the
    # case order a bytearray, the same run kept 0.46 KB a case (hex keys, offsets, tuples).
    n, part = 240, 40
    manifest = _backlog(case_folder, tmp_path / "backlog.jsonl", n)
    traced: dict[int, int] = {}

    def progressed(checked: int, skipped: int) -> None:
        if checked % part == 0:
            traced[checked] = tracemalloc.get_traced_memory()[0]

    tracemalloc.start()
    try:
        refs = list_case_refs(manifest)
        engine = RayEngine(get_settings(), workers=2)
        try:
            with OutputFolder(tmp_path / "out", part_size=part, part_seconds=3600) as folder:
                report = run_to_folder(refs, engine, folder, progressed=progressed)
        finally:
            engine.close()
    finally:
        tracemalloc.stop()
    assert report.checked == report.merged == n
    assert sorted(traced) == list(range(part, n + 1, part))
    per_case = (traced[n] - traced[part]) / (n - part)
    assert per_case <= 300, f"the driver kept {per_case:.0f} bytes per finished case"


def test_the_actors_are_stopped_before_the_merge_and_closing_again_is_harmless(
    local_ray: None, case_folder: Path, tmp_path: Path
) -> None:
    # The merge runs once every record is committed, in a driver whose engine is closed:
    # no actor (nor its parse child) is left alive beside it, and the caller's own close
    # afterwards does nothing.
    refs = list(list_case_refs(case_folder))[:2]
    engine = RayEngine(get_settings(), workers=2)
    started = engine.worker_pids()
    at_merge: list[list[int]] = []

    def phased(phase: str) -> None:
        if phase == "merging":
            at_merge.append(engine.worker_pids())

    try:
        with OutputFolder(tmp_path) as folder:
            report = run_to_folder(refs, engine, folder, phased=phased)
    finally:
        engine.close()
    assert len(started) == 4  # two actors, each with its parse child
    assert at_merge == [[]]
    assert report.merged == 2 and len(report.worker_peak_rss_mb) == 4
    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() for pid in started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in started if Path(f"/proc/{pid}").exists()]
