"""The classifier's label set: the contract's clause types plus ``standard``."""

from __future__ import annotations

from triage.contract import ClauseType

__all__ = ["CLAUSE_LABELS", "STANDARD_LABEL"]

STANDARD_LABEL = "standard"
"""The label of the provider's own paper: boilerplate that is not a clause finding."""

CLAUSE_LABELS: tuple[str, ...] = (*(t.value for t in ClauseType), STANDARD_LABEL)
"""Every label the text classifier chooses between, exclusive of each other."""
