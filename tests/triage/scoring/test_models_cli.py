"""``triage models``: list, show, compare, promote and rollback, with exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.triage.scoring.registry_fixtures import add_version
from triage.cli import app
from triage.config import get_settings

runner = CliRunner()


@pytest.fixture
def models_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    add_version(tmp_path / "risk", "risk-2026.11.1", dispute_auc=0.7)
    add_version(tmp_path / "risk", "risk-2026.11.2", dispute_auc=0.8)
    monkeypatch.setenv("TRIAGE_MODELS_DIR", str(tmp_path))
    get_settings.cache_clear()
    yield tmp_path
    get_settings.cache_clear()


def test_list_shows_every_version(models_dir: Path) -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0, result.output
    assert "risk-2026.11.1" in result.output and "risk-2026.11.2" in result.output


def test_promote_and_rollback_move_the_pointer(models_dir: Path) -> None:
    assert runner.invoke(app, ["models", "promote", "risk-2026.11.1"]).exit_code == 0
    assert runner.invoke(app, ["models", "promote", "risk-2026.11.2"]).exit_code == 0
    assert (models_dir / "risk" / "PROMOTED").read_text().strip() == "risk-2026.11.2"
    result = runner.invoke(app, ["models", "rollback"])
    assert result.exit_code == 0, result.output
    assert (models_dir / "risk" / "PROMOTED").read_text().strip() == "risk-2026.11.1"


def test_show_and_compare_print_metrics(models_dir: Path) -> None:
    shown = runner.invoke(app, ["models", "show", "risk-2026.11.2"])
    assert shown.exit_code == 0 and '"roc_auc": 0.8' in shown.output
    compared = runner.invoke(app, ["models", "compare", "risk-2026.11.1", "risk-2026.11.2"])
    assert compared.exit_code == 0 and "0.1000" in compared.output


@pytest.mark.parametrize("command", [["show"], ["promote"], ["compare", "risk-2026.11.1"]])
def test_an_unknown_version_exits_2_with_a_message(models_dir: Path, command: list[str]) -> None:
    result = runner.invoke(app, ["models", *command, "risk-1999.1.1"])
    assert result.exit_code == 2
    assert "risk-1999.1.1" in result.output


def test_rollback_without_history_exits_2(models_dir: Path) -> None:
    result = runner.invoke(app, ["models", "rollback"])
    assert result.exit_code == 2
    assert "nothing to roll back" in result.output
