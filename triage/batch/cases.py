"""Cases through the pipeline: one result per case, whatever engine runs them.

A case that cannot be processed becomes a ``reject`` result carrying its error; the batch
always goes on to the next case.
"""

from __future__ import annotations

import hashlib
import statistics
import time
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from triage.contract import CheckResult, Decision, Problem
from triage.errors import InputError, TriageError
from triage.inputs import OrderInputs, load_case
from triage.logs import get_logger
from triage.pipeline import Components, triage_order

__all__ = [
    "BatchSummary",
    "CaseResult",
    "check_case",
    "check_inputs",
    "list_cases",
    "reject_result",
    "run_batch",
]

log = get_logger(__name__)


@dataclass(frozen=True)
class CaseResult:
    """One case's result and how long it took."""

    case: str
    result: CheckResult
    seconds: float


@dataclass
class BatchSummary:
    """Counts by decision and exception code, and time per order."""

    decisions: Counter[str] = field(default_factory=Counter)
    exceptions: Counter[str] = field(default_factory=Counter)
    seconds: array[float] = field(default_factory=lambda: array("d"))

    def add(self, case: CaseResult) -> None:
        """Count one case in the summary."""
        self.count(
            case.result.decision.value, [e.code.value for e in case.result.exceptions], case.seconds
        )

    def count(self, decision: str, codes: list[str], seconds: float) -> None:
        """Count one case given its decision, exception codes and seconds."""
        self.decisions[decision] += 1
        self.exceptions.update(codes)
        self.seconds.append(seconds)

    @property
    def total(self) -> int:
        """Return the number of cases counted."""
        return len(self.seconds)

    def time_per_order(self) -> dict[str, float]:
        """Return mean, median and worst seconds per order (zeros for an empty batch)."""
        if not self.seconds:
            return {"mean": 0.0, "p50": 0.0, "max": 0.0}
        return {
            "mean": statistics.fmean(self.seconds),
            "p50": statistics.median(self.seconds),
            "max": max(self.seconds),
        }


def list_cases(root: Path) -> list[Path]:
    """Return the case folders under ``root`` in name order; raise InputError if none."""
    if not root.is_dir():
        raise InputError(f"{root}: not a directory of cases")
    cases = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not cases:
        raise InputError(f"{root}: contains no case folders (expected <case>/order.pdf ...)")
    return cases


def reject_result(case: str, error: Exception) -> CheckResult:
    """Return the ``reject`` result that records why ``case`` could not be processed."""
    if isinstance(error, TriageError):
        problem = Problem(
            type=error.problem_type,
            title=error.title,
            detail=error.detail,
            status=error.status,
            code=error.code,
        )
    else:
        problem = Problem(
            type="https://triage.dev/problems/internal",
            title="Internal error",
            detail=f"{type(error).__name__}: {error}",
            status=500,
            code="internal",
        )
    digest = hashlib.sha256(f"reject:{case}".encode()).hexdigest()[:20]
    return CheckResult(
        order_id=f"ord_{digest}",
        decision=Decision.REJECT,
        reasons=[f"cannot be processed: {problem.detail}"],
        error=problem,
    )


def check_inputs(case: str, load: Callable[[], OrderInputs], parts: Components) -> CheckResult:
    """Load and check one case; a failure becomes its ``reject`` result, never an exception."""
    try:
        inputs = load()
        return triage_order(
            inputs.pdf, inputs.quote, inputs.customer, parts=parts, filename=inputs.filename
        )
    except TriageError as error:
        return reject_result(case, error)
    except Exception as error:  # a bug must not stop the batch or lose the case
        log.exception("case failed unexpectedly", case=case)
        return reject_result(case, error)


def check_case(case_dir: Path, parts: Components) -> CheckResult:
    """Check one case folder; a failure becomes its ``reject`` result, never an exception."""
    return check_inputs(case_dir.name, lambda: load_case(case_dir), parts)


def run_batch(cases: list[Path], parts: Components) -> Iterator[CaseResult]:
    """Yield each case's result, in the given order, timing each one."""
    for case_dir in cases:
        started = time.perf_counter()
        result = check_case(case_dir, parts)
        yield CaseResult(case_dir.name, result, time.perf_counter() - started)
