"""``triage samples generate``: writes cases, and refuses a bad --n with exit code 2."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from triage.cli import app


def test_generate_writes_the_requested_cases(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["samples", "generate", "--n", "2", "--seed", "7", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case-0001", "case-0002"]


def test_a_bad_n_exits_2_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["samples", "generate", "--n", "0", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "--n must be between 1" in result.output
    assert list(tmp_path.iterdir()) == []
