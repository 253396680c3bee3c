"""Analysts' corrections become labelled extraction data, exported as JSON lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from typer.testing import CliRunner

from triage.cli import app
from triage.config import get_settings
from triage.service import record_decision
from triage.service.feedback import export_feedback, field_corrections
from triage.service.schemas import DecisionRequest, ReviewAction


def _correct(store, parts, analyst, order_id, **values):
    request = DecisionRequest(
        action=ReviewAction.CORRECT,
        reason_code="EXTRACTION_ERROR",
        comment="read Net 30 on the last page",
        corrections=values,
    )
    record_decision(store, parts, analyst, order_id, request)


def test_a_correction_is_exported_with_document_evidence_and_analyst(
    store, parts, submit, alice, tmp_path
):
    order = submit("fb-1")
    approved = submit("fb-2")["order_id"]
    _correct(store, parts, alice, order["order_id"], payment_terms_days=30)
    request = DecisionRequest(action=ReviewAction.APPROVE, reason_code="FALSE_POSITIVE")
    record_decision(store, parts, alice, approved, request)

    out = tmp_path / "feedback.jsonl"
    assert export_feedback(store, out) == 1
    [line] = out.read_text().splitlines()
    record = json.loads(line)
    assert record["document_sha256"] == order["extraction"]["document"]["sha256"]
    assert (record["field"], record["before"], record["after"]) == ("payment_terms_days", 45, 30)
    assert record["evidence"] and record["evidence"][0]["page"] == 3
    assert record["analyst"] == "Alice" and record["reason_code"] == "EXTRACTION_ERROR"
    assert record["order_id"] == order["order_id"]
    future = datetime.now(UTC) + timedelta(days=1)
    assert field_corrections(store, since=future) == []


def test_cli_exports_since_a_date(store, parts, submit, alice, settings, tmp_path, monkeypatch):
    order_id = submit("fb-cli")["order_id"]
    _correct(store, parts, alice, order_id, payment_terms_days=30)
    monkeypatch.setenv("TRIAGE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("TRIAGE_DATABASE_URL", settings.resolved_database_url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        out = tmp_path / "all.jsonl"
        result = runner.invoke(app, ["feedback", "export", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert len(out.read_text().splitlines()) == 1
        tomorrow = (datetime.now(UTC) + timedelta(days=1)).date().isoformat()
        none = tmp_path / "none.jsonl"
        result = runner.invoke(app, ["feedback", "export", "--out", str(none), "--since", tomorrow])
        assert result.exit_code == 0 and none.read_text() == ""
        bad = runner.invoke(app, ["feedback", "export", "--out", str(none), "--since", "soon"])
        assert bad.exit_code == 2
    finally:
        get_settings.cache_clear()
