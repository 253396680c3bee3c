"""Comparison: extraction x quote x customer x rule pack -> exceptions.

Rules are data, the engine is code: ``RulePack.load(path)`` reads a versioned YAML pack
naming rule functions from the ``RULES`` registry, with their code, severity, queue,
params and message template, and ``pack.evaluate(extraction, quote, customer)`` returns
the exceptions, each naming the rule that raised it.
"""

from triage.comparison import (
    confidence,
    rules_clauses,
    rules_lines,
    rules_parties,
    rules_terms,
)
from triage.comparison.context import ConfidenceThresholds, OrderView, RuleContext
from triage.comparison.entities import EntityName, normalise_entity_name, same_entity
from triage.comparison.findings import Finding, Reading, Unreadable
from triage.comparison.lines import LineMatch, LinePair, RampDifference, match_lines
from triage.comparison.money import MoneyTolerance, PercentTolerance, amounts_agree
from triage.comparison.pack import CompiledRule, RulePack
from triage.comparison.playbook import Deviation, Playbook
from triage.comparison.registry import RULES, NoParams, RuleFunction, RuleRegistry

__all__ = [
    "RULES",
    "CompiledRule",
    "ConfidenceThresholds",
    "Deviation",
    "EntityName",
    "Finding",
    "LineMatch",
    "LinePair",
    "MoneyTolerance",
    "NoParams",
    "OrderView",
    "PercentTolerance",
    "Playbook",
    "RampDifference",
    "Reading",
    "RuleContext",
    "RuleFunction",
    "RulePack",
    "RuleRegistry",
    "Unreadable",
    "amounts_agree",
    "match_lines",
    "normalise_entity_name",
    "same_entity",
]

# The rule modules register their functions into RULES when imported.
_RULE_MODULES = (confidence, rules_clauses, rules_lines, rules_parties, rules_terms)
