"""``triage batch``: the contract's results.jsonl, and a batch folder that resumes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from triage.cli import app
from triage.samples import generate_cases

runner = CliRunner()


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_out_jsonl_writes_one_line_per_case_in_order_and_a_summary(
    case_folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "results.jsonl"
    result = runner.invoke(app, ["batch", str(case_folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = _lines(out)
    assert [line["case"] for line in lines] == [f"case-000{i}" for i in range(1, 7)]
    assert next(iter(lines[0])) == "case"
    assert lines[-1]["decision"] == "reject" and lines[-1]["error"]
    assert all(line["decision"] in ("pass", "review") for line in lines[:-1])
    assert "6 orders" in result.output and "reject" in result.output


def test_a_folder_run_matches_the_jsonl_lines_and_a_rerun_checks_nothing(
    case_folder: Path, tmp_path: Path
) -> None:
    plain = tmp_path / "plain.jsonl"
    assert runner.invoke(app, ["batch", str(case_folder), "--out", str(plain)]).exit_code == 0
    out = tmp_path / "run"
    args = ["batch", str(case_folder), "--out", str(out), "--workers", "2", "--part-size", "2"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert (out / "results.jsonl").read_text() == plain.read_text()
    parts = list((out / "parts").glob("part-*"))
    assert 3 <= len(parts) <= 6  # every 2 orders, or sooner when a part waits long
    assert sum(len((p / "index.jsonl").read_text().splitlines()) for p in parts) == 6
    orders = pq.read_table(out / "orders.parquet").to_pylist()
    assert [o["case"] for o in orders] == [f"case-000{i}" for i in range(1, 7)]
    assert orders[0]["rules_version"] and orders[0]["document_sha256"]
    codes = [c for o in orders for c in o["exception_codes"]]
    assert pq.read_table(out / "exceptions.parquet").column("code").to_pylist() == codes
    again = runner.invoke(app, args[:4])  # one worker: the same versions, so the same keys
    assert again.exit_code == 0, again.output
    assert "checked 0 now, skipped 6 already done" in " ".join(again.output.split())
    assert (out / "results.jsonl").read_text() == plain.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "ray", "--out", "x.jsonl"], "give --out DIR"),
        (["--workers", "2"], "give --out DIR"),
    ],
)
def test_engine_options_without_a_folder_exit_two(
    case_folder: Path, args: list[str], message: str
) -> None:
    result = runner.invoke(app, ["batch", str(case_folder), *args])
    assert result.exit_code == 2 and message in result.output


def test_a_bad_manifest_exits_two_naming_the_field(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"case": "a", "pdf": "a.pdf", "quote": "q", "customer": "c", "x": 1}\n')
    result = runner.invoke(app, ["batch", str(manifest), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "x: unknown field" in result.output


@pytest.mark.slow
def test_after_kill_9_of_the_driver_a_rerun_checks_only_the_rest(tmp_path: Path) -> None:
    cases = tmp_path / "cases"
    generate_cases(cases, 30, 43)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "triage", "batch", str(cases), "--out", str(out)]
    command += ["--part-size", "1"]
    env = {**os.environ, "TERM": "dumb"}
    driver = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((out / "parts").glob("part-*"))) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    done = len(list((out / "parts").glob("part-*")))
    assert 4 <= done < 30 and not (out / "results.jsonl").exists()
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert f"checked {30 - done} now, skipped {done} already done" in " ".join(rerun.stdout.split())
    cases_out = [line["case"] for line in _lines(out / "results.jsonl")]
    assert cases_out == sorted(p.name for p in cases.iterdir())
    committed = [
        json.loads(line)["case"]
        for index in (out / "parts").glob("part-*/index.jsonl")
        for line in index.read_text().splitlines()
    ]
    assert sorted(committed) == cases_out  # no case was checked twice
