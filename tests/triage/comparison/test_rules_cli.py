"""``triage rules list``/``validate``: exit 0 with a summary, or 2 naming the fault."""

from __future__ import annotations

from pathlib import Path

import yaml
from typer.testing import CliRunner

from triage.cli import app
from triage.config import REPO_ROOT

runner = CliRunner()
DEFAULT = REPO_ROOT / "rules" / "default.yaml"


def test_rules_list_shows_every_rule_of_the_default_pack() -> None:
    result = runner.invoke(app, ["rules", "list"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "2026.12.1" in result.output
    for text in (
        "payment_terms",
        "PAYMENT_TERMS_MISMATCH",
        "finance-ar",
        "longest_standard_days=60",
    ):
        assert text in result.output


def test_validate_shipped_pack_and_policy_by_name_exit_zero() -> None:
    pack = runner.invoke(app, ["rules", "validate", "default"])
    assert pack.exit_code == 0, pack.output
    assert "rule pack 2026.12.1 is valid" in pack.output
    policy = runner.invoke(app, ["rules", "validate", str(REPO_ROOT / "rules" / "policy.yaml")])
    assert policy.exit_code == 0, policy.output
    assert "routing policy 2026.12.1 is valid" in policy.output


def test_validate_bad_param_exits_two_naming_rule_and_param(tmp_path: Path) -> None:
    document = yaml.safe_load(DEFAULT.read_text())
    rule = next(r for r in document["rules"] if r["id"] == "payment_terms")
    rule["params"]["longest_standard_dayz"] = 60
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(document))
    result = runner.invoke(app, ["rules", "validate", str(bad)])
    assert result.exit_code == 2
    assert "rule payment_terms: params.longest_standard_dayz: unknown parameter" in result.output


def test_validate_unknown_rule_exits_two(tmp_path: Path) -> None:
    document = yaml.safe_load(DEFAULT.read_text())
    document["rules"][0]["function"] = "line_missing.v7"
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(document))
    result = runner.invoke(app, ["rules", "validate", str(bad)])
    assert result.exit_code == 2
    assert "unknown rule function 'line_missing.v7'" in result.output


def test_validate_missing_file_exits_two() -> None:
    result = runner.invoke(app, ["rules", "validate", "no-such-pack"])
    assert result.exit_code == 2
    assert "no-such-pack" in result.output


PLAYBOOK = REPO_ROOT / "rules" / "playbook.yaml"


def test_validate_shipped_playbook_by_name_exits_zero() -> None:
    result = runner.invoke(app, ["rules", "validate", "playbook"])
    assert result.exit_code == 0, result.output
    assert "clause playbook 2026.12.1 is valid: 10 clause types, 1 standard agreement" in (
        " ".join(result.output.split())
    )


def test_validate_bad_playbook_exits_two_naming_the_key(tmp_path: Path) -> None:
    document = yaml.safe_load(PLAYBOOK.read_text())
    document["clauses"]["liability_cap_change"]["parameters"][0]["deviates"] = "sideways"
    bad = tmp_path / "playbook.yaml"
    bad.write_text(yaml.safe_dump(document))
    result = runner.invoke(app, ["rules", "validate", str(bad)])
    assert result.exit_code == 2
    assert "clauses.liability_cap_change.parameters.0.deviates" in result.output


def test_rules_list_shows_the_playbook_positions_under_the_pack() -> None:
    result = runner.invoke(app, ["rules", "list"], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    assert "playbook 2026.12.1" in result.output
    assert "months above 12" in result.output
    assert "Northwind Subscription Terms" in result.output
