"""What a batch writes for each case: its key, its JSONL line and its Parquet rows.

A case's key is the sha256 of its id, its inputs (the document's sha256, the quote's and
the customer record's bytes) and the versions that check it (rule pack, policy, extractor,
risk model); the id is in it because one document may be two cases of a manifest. A
re-run skips every case whose key is already in the output folder, so a new rule pack or
model version re-checks everything while a crash re-checks nothing done.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from typing import Any

from triage.batch.cases import check_inputs, reject_result
from triage.batch.sources import RawCase
from triage.contract import CheckResult, Versions
from triage.errors import InputError, TriageError
from triage.pipeline import Components

__all__ = [
    "CaseAbandoned",
    "CaseJob",
    "CaseRecord",
    "check_job",
    "components_versions",
    "record_of",
    "reject_record",
]


class CaseAbandoned(TriageError):
    """A case whose every attempt lost its worker (killed, out of memory, over time)."""

    code = "batch.abandoned"
    title = "Case abandoned after retries"
    status = 500


@dataclass(frozen=True)
class CaseJob:
    """A case ready to be checked: its inputs (or why they cannot be read) and its key."""

    case: str
    key: str
    document_sha256: str | None
    raw: RawCase | None
    unreadable: InputError | None = None

    @classmethod
    def of(cls, case: str, raw: RawCase | InputError, versions: Versions) -> CaseJob:
        """Return the job of ``case`` with its key under ``versions``."""
        stamp = versions.model_dump_json()
        if isinstance(raw, InputError):
            key = _sha256(f"unreadable\0{case}\0{raw.detail}\0{stamp}".encode())
            return cls(case=case, key=key, document_sha256=None, raw=None, unreadable=raw)
        document = _sha256(raw.pdf)
        parts = (case, document, _sha256(raw.quote), _sha256(raw.customer), stamp)
        return cls(case, _sha256("\0".join(parts).encode()), document, raw)


@dataclass(frozen=True)
class CaseRecord:
    """One checked case as the output folder stores it."""

    case: str
    key: str
    line: str
    order: dict[str, Any]
    exceptions: list[dict[str, Any]]
    seconds: float

    @property
    def decision(self) -> str:
        """Return the case's decision (pass, review or reject)."""
        return str(self.order["decision"])

    @property
    def codes(self) -> list[str]:
        """Return the codes of the case's exceptions."""
        return list(self.order["exception_codes"])


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def components_versions(parts: Components) -> Versions:
    """Return the versions a case's key names: rule pack, policy, extractor, risk model."""
    return Versions(
        rules=parts.rules.version,
        policy=parts.policy.version,
        model=parts.scorer.version,
        extractor=parts.extractor.version,
    )


def _json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value)


def record_of(job: CaseJob, result: CheckResult, seconds: float, attempts: int = 1) -> CaseRecord:
    """Return the line and table rows of ``job``'s result."""
    data = json.loads(result.model_dump_json())
    versions, risk, error = data["versions"], data["risk"] or {}, data["error"] or {}
    extraction = data["extraction"] or {}
    total = (extraction.get("fields") or {}).get("total_contract_value") or {}
    order = {
        "case": job.case,
        "order_id": data["order_id"],
        "decision": data["decision"],
        "exception_codes": [e["code"] for e in data["exceptions"]],
        "exception_count": len(data["exceptions"]),
        "dispute": risk.get("dispute"),
        "delay": risk.get("delay"),
        "total_contract_value": total.get("value"),
        "document_sha256": job.document_sha256,
        "pages": (extraction.get("document") or {}).get("pages"),
        "rules_version": versions["rules"],
        "policy_version": versions["policy"],
        "extractor_version": versions["extractor"],
        "model_version": versions["model"],
        "error_code": error.get("code"),
        "error_detail": error.get("detail"),
        "seconds": seconds,
        "attempts": attempts,
        "key": job.key,
    }
    exceptions = [
        {
            "case": job.case,
            "order_id": data["order_id"],
            "code": e["code"],
            "severity": e["severity"],
            "queue": e["queue"],
            "field": e["field"],
            "expected": _json_text(e["expected"]),
            "found": _json_text(e["found"]),
            "message": e["message"],
            "rule": e.get("rule"),
            "key": job.key,
        }
        for e in data["exceptions"]
    ]
    line = json.dumps({"case": job.case, **data})
    return CaseRecord(job.case, job.key, line, order, exceptions, seconds)


def reject_record(job: CaseJob, error: Exception, attempts: int) -> CaseRecord:
    """Return the ``reject`` record of a case that could not be checked at all."""
    return record_of(job, reject_result(job.case, error), 0.0, attempts)


def check_job(job: CaseJob, parts: Components) -> CaseRecord:
    """Check one job with ``parts`` (the same ``triage_order`` as the CLI and the API)."""
    started = time.perf_counter()
    raw, unreadable = job.raw, job.unreadable

    def load() -> Any:
        if raw is None:
            raise unreadable or InputError(f"{job.case}: no inputs")
        return raw.inputs()

    result = check_inputs(job.case, load, parts)
    return record_of(job, result, time.perf_counter() - started)
