"""``triage extract``: the extraction JSON on stdout; exit 2 for what is not a PDF."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.triage.extraction.handmade import prose_agreement_pdf
from triage.cli import app

runner = CliRunner()


def test_extract_prints_the_extraction_json(tmp_path: Path) -> None:
    order = tmp_path / "order.pdf"
    order.write_bytes(prose_agreement_pdf())
    result = runner.invoke(app, ["extract", str(order), "--country", "us"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["document"]["filename"] == "order.pdf"
    assert payload["fields"]["payment_terms_days"]["value"] == 45
    assert payload["fields"]["order_date"]["value"] == "2027-02-01"
    assert payload["fields"]["total_contract_value"]["value"] == "152000.00"


def test_a_file_that_is_not_a_pdf_exits_2(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    result = runner.invoke(app, ["extract", str(notes)])
    assert result.exit_code == 2
    assert "not a PDF" in result.output


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "absent.pdf")])
    assert result.exit_code == 2
    assert "cannot read" in result.output


def test_a_malformed_country_exits_2(tmp_path: Path) -> None:
    order = tmp_path / "order.pdf"
    order.write_bytes(prose_agreement_pdf())
    assert runner.invoke(app, ["extract", str(order), "--country", "USA"]).exit_code == 2
