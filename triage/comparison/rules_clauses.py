"""The clause rule judged by the playbook: only a departure from the standard is a finding.

``nonstandard_clause.v2`` takes each clause the extractor found and typed, asks the
pack's playbook (``rules/playbook.yaml``) whether it departs from the provider's standard
position, and raises NONSTANDARD_CLAUSE only for those that do, saying what differs with
the standard beside it: "Liability cap is 24 months of fees; standard is 12 (playbook
2026.12.1)". The finding's ``expected`` is the standard position, ``found`` what the
clause says instead, so the review page shows them side by side.
"""

from __future__ import annotations

from triage.comparison.context import RuleContext
from triage.comparison.findings import Finding
from triage.comparison.registry import RULES
from triage.comparison.rules_parties import ClauseParams
from triage.contract import ExceptionCode
from triage.errors import ConfigError

__all__ = ["PLAYBOOK_RULES"]

PLAYBOOK_RULES = frozenset({"nonstandard_clause.v2"})
"""Rule functions that need the pack to name a playbook."""


def _excerpt(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@RULES.register(
    "nonstandard_clause.v2",
    code=ExceptionCode.NONSTANDARD_CLAUSE,
    params=ClauseParams,
    placeholders=("clause_type", "excerpt", "difference", "standard", "playbook"),
)
def nonstandard_clause_v2(ctx: RuleContext[ClauseParams]) -> list[Finding]:
    """One finding per clause that departs from the playbook's standard position."""
    playbook = ctx.order.playbook
    if playbook is None:  # the pack refuses to load without one; this guards direct use
        raise ConfigError("nonstandard_clause.v2 needs a playbook: name one in the rule pack")
    findings = []
    fields = ctx.extraction.fields
    for index, clause in enumerate(ctx.extraction.clauses):
        deviation = playbook.judge(clause.type, clause.text) or playbook.restated(
            clause.type,
            clause.text,
            quoted=lambda name: getattr(ctx.quote, name),
            extracted=lambda name: fields.get(name).value,
        )
        if deviation is None:
            continue
        escalated = clause.type in ctx.params.escalated_types
        findings.append(
            Finding(
                field=f"clauses[{index}]",
                expected=deviation.standard,
                found=_excerpt(deviation.found, ctx.params.excerpt_chars),
                evidence=tuple(clause.evidence),
                details={
                    "clause_type": clause.type.value.replace("_", " "),
                    "excerpt": _excerpt(clause.text, ctx.params.excerpt_chars),
                    "difference": deviation.difference,
                    "standard": deviation.standard,
                    "playbook": playbook.version,
                },
                severity=ctx.params.escalated_severity if escalated else None,
            )
        )
    return findings
