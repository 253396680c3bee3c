"""The classifier's label set, and the decision that turns label probabilities into one.

The labels are the contract's clause types plus ``standard``. Each clause type has its
own threshold, tuned on a validation split of the training corpus (never on generated
orders). The best clause type is compared with its threshold even when ``standard`` is
more probable, so a low threshold trades precision for recall type by type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from triage.contract import ClauseType

__all__ = ["CLAUSE_LABELS", "STANDARD_LABEL", "decide"]

STANDARD_LABEL = "standard"
"""The label of the provider's own paper: boilerplate that is not a clause finding."""

CLAUSE_LABELS: tuple[str, ...] = (*(t.value for t in ClauseType), STANDARD_LABEL)
"""Every label the text classifier chooses between, exclusive of each other."""


def decide(
    row: Sequence[float], labels: Sequence[str], thresholds: Mapping[str, float]
) -> tuple[str, float]:
    """Return ``(clause type, probability)`` for a finding, else ``("standard", p_standard)``."""
    best_label, best_p = STANDARD_LABEL, -1.0
    standard_p = 0.0
    for label, p in zip(labels, row, strict=True):
        if label == STANDARD_LABEL:
            standard_p = float(p)
        elif p > best_p:
            best_label, best_p = label, float(p)
    if best_label != STANDARD_LABEL and best_p >= thresholds[best_label]:
        return best_label, best_p
    return STANDARD_LABEL, standard_p
