"""Choose one value per field from its candidates and describe how contested the choice was.

Candidates that agree reinforce each other; a rival value costs confidence in proportion to
its own score. The description (``Resolution.features``) is what the calibration reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.layout.segments import PlacedWord

__all__ = ["Resolution", "resolve_fields"]

_AGREEMENT_BONUS = 0.05
# A check between independent readings (end = start + term - 1 day, total = the lines'
# sum) says more than a second mention of the same value.
_CONSISTENCY_BONUS = 0.1


@dataclass(slots=True)
class Resolution:
    """The chosen value of a field, its evidence and the features of the choice."""

    value: Any
    evidence: tuple[PlacedWord, ...]
    source: Source
    score: float
    support: int
    rival: float
    consistent: float = 0.0  # +1 cross-checked by another field, -1 contradicted, 0 unknown
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def raw_confidence(self) -> float:
        """Return the rule-based confidence before calibration, in [0, 1]."""
        base = self.score + _AGREEMENT_BONUS * min(self.support - 1, 3)
        base -= 0.5 * self.rival
        base += _CONSISTENCY_BONUS * self.consistent
        return min(max(base, 0.0), 1.0)


def _key(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def resolve_fields(candidates: Sequence[Candidate]) -> dict[str, Resolution]:
    """Return the best-supported value of every field that has at least one candidate."""
    by_field: dict[str, dict[Any, list[Candidate]]] = {}
    for candidate in candidates:
        by_field.setdefault(candidate.field, {}).setdefault(_key(candidate.value), []).append(
            candidate
        )
    chosen: dict[str, Resolution] = {}
    for name, groups in by_field.items():
        ranked = sorted(
            groups.values(),
            key=lambda group: (
                max(c.score for c in group) + _AGREEMENT_BONUS * min(len(group) - 1, 3)
            ),
            reverse=True,
        )
        winners = ranked[0]
        best = max(winners, key=lambda c: c.score)
        # A standard term's fallback ("failing any selection, annually") is no rival to a
        # value the form states: it applies only when the form says nothing.
        rivals = [
            c.score
            for group in ranked[1:]
            for c in group
            if not c.fallback or all(w.fallback for w in winners)
        ]
        rival = max(rivals, default=0.0)
        # A reading that shows no words of its own (a currency told by the line items'
        # amounts) borrows the words of the strongest agreeing reading that has them.
        shown = best.evidence or next(
            (c.evidence for c in sorted(winners, key=lambda c: -c.score) if c.evidence), ()
        )
        chosen[name] = Resolution(
            value=best.value,
            evidence=shown,
            source=best.source,
            score=best.score,
            support=len(winners),
            rival=rival,
        )
    return chosen
