"""The LOW_CONFIDENCE_EXTRACTION rule: every term another rule needed but could not trust.

Its params are the pack's confidence thresholds, which every other rule reads through
(see ``RuleContext.term``). The engine runs it after all the others, so it sees each
unreadable field once, with the ids of the rules that needed it.
"""

from __future__ import annotations

from triage.comparison.context import ConfidenceThresholds, RuleContext
from triage.comparison.findings import Finding, json_value
from triage.comparison.registry import RULES
from triage.contract import ExceptionCode

__all__ = ["CONFIDENCE_RULE", "extraction_confidence"]

CONFIDENCE_RULE = "extraction_confidence.v1"


@RULES.register(
    CONFIDENCE_RULE,
    code=ExceptionCode.LOW_CONFIDENCE_EXTRACTION,
    params=ConfidenceThresholds,
    placeholders=("confidence", "threshold", "needed_by", "state"),
)
def extraction_confidence(ctx: RuleContext[ConfidenceThresholds]) -> list[Finding]:
    """A term a rule needs is missing or below its confidence threshold."""
    findings = []
    for field in sorted(ctx.order.unreadable):
        item = ctx.order.unreadable[field]
        if item.value is None:
            state = "not found"
        elif item.proposed_by_llm:
            state = "only proposed by the LLM"
        else:
            state = "read with low confidence"
        findings.append(
            Finding(
                field=field,
                expected={"min_confidence": item.threshold},
                found={"value": json_value(item.value), "confidence": item.confidence},
                evidence=item.evidence,
                details={
                    "confidence": f"{item.confidence:.2f}",
                    "threshold": f"{item.threshold:.2f}",
                    "needed_by": ", ".join(ctx.order.needed_by.get(field, [])),
                    "state": state,
                },
            )
        )
    return findings
