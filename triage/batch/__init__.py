"""Batches of orders: a folder of cases or a manifest, checked locally or on Ray.

``triage batch SOURCE --out results.jsonl`` streams one result per case in case order;
``--out DIR`` writes a resumable folder (see ``triage.batch.folder``) with either engine
(``triage.batch.engines`` for local, ``triage.batch.on_ray`` for Ray, imported only then).
"""

from triage.batch.cases import (
    BatchSummary,
    CaseResult,
    check_case,
    check_inputs,
    list_cases,
    reject_result,
    run_batch,
)
from triage.batch.engines import Engine, LocalEngine
from triage.batch.folder import OutputFolder
from triage.batch.records import CaseAbandoned, CaseJob, CaseRecord, check_job
from triage.batch.run import FolderReport, run_to_folder, stream_results, summarise_folder
from triage.batch.sources import CaseRef, CaseRefs, RawCase, list_case_refs, read_case

__all__ = [
    "BatchSummary",
    "CaseAbandoned",
    "CaseJob",
    "CaseRecord",
    "CaseRef",
    "CaseRefs",
    "CaseResult",
    "Engine",
    "FolderReport",
    "LocalEngine",
    "OutputFolder",
    "RawCase",
    "check_case",
    "check_inputs",
    "check_job",
    "list_case_refs",
    "list_cases",
    "read_case",
    "reject_result",
    "run_batch",
    "run_to_folder",
    "stream_results",
    "summarise_folder",
]
