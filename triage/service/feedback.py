"""Analysts' corrections as labelled extraction data, for retraining the extraction components.

Each corrected field of each ``correct`` decision becomes one record: the document
(sha256), the field, the value extraction produced (``before``) and the value the analyst
set (``after``), the evidence the extractor pointed at, who corrected it and when.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from triage.contract import CheckResult, Evidence
from triage.store import Store
from triage.store.feedback import CorrectionRow, list_corrections

__all__ = ["FieldCorrection", "export_feedback", "field_corrections"]


class FieldCorrection(BaseModel):
    """One labelled example: what extraction read and what the analyst says is right."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    document_sha256: str
    filename: str
    order_id: str
    field: str
    before: Any
    after: Any
    evidence: list[Evidence]
    analyst: str | None
    analyst_key_id: str | None
    reason_code: str | None
    comment: str | None
    corrected_at: datetime


def _records(row: CorrectionRow) -> Iterator[FieldCorrection]:
    before = json.loads(row.before_json or "{}").get("fields", {})
    after = json.loads(row.after_json or "{}").get("fields", {})
    result = CheckResult.model_validate_json(row.result_json)
    for name in sorted(after):
        evidence: list[Evidence] = []
        if result.extraction is not None:
            evidence = list(result.extraction.fields.get(name).evidence)
        yield FieldCorrection(
            document_sha256=row.document_sha256,
            filename=row.filename,
            order_id=row.order_id,
            field=name,
            before=before.get(name),
            after=after[name],
            evidence=evidence,
            analyst=row.analyst,
            analyst_key_id=row.analyst_key_id,
            reason_code=row.reason_code,
            comment=row.comment,
            corrected_at=row.created_at,
        )


def field_corrections(store: Store, since: datetime | None = None) -> list[FieldCorrection]:
    """Return every field correction made at or after ``since``, oldest first."""
    with store.transaction() as session:
        rows = list_corrections(session, since)
    return [record for row in rows for record in _records(row)]


def export_feedback(store: Store, out: Path, since: datetime | None = None) -> int:
    """Write the corrections as JSON lines to ``out`` (atomically); return how many."""
    records = field_corrections(store, since)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    with partial.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(record.model_dump_json() + "\n")
    partial.replace(out)
    return len(records)
