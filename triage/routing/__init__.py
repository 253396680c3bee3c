"""Routing: exceptions + risk + policy -> decision, with its reasons in plain words.

``RoutingPolicy.load(path)`` reads a versioned YAML policy; ``policy.decide(exceptions,
risk)`` returns ``(Decision, reasons)``; ``policy.assign_queues(exceptions)`` applies the
policy's code-to-queue map, which wins over the rule pack's queues.
"""

from triage.routing.policy import PolicyDocument, RiskThresholdSettings, RoutingPolicy
from triage.routing.reasons import exception_reasons, risk_reasons

__all__ = [
    "PolicyDocument",
    "RiskThresholdSettings",
    "RoutingPolicy",
    "exception_reasons",
    "risk_reasons",
]
