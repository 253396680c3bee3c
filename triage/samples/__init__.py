"""Realistic sample cases: order-form PDFs with their quote, customer and true labels.

``generate_cases(out_dir, n, seed)`` writes the contract's folder-of-cases layout; case k
depends only on (seed, k). See samples/README.md for the scenario, the injected
discrepancies and the stochastic outcome process.
"""

from triage.samples.case import GeneratedCase, draw_case, generate_case
from triage.samples.labels import CaseLabels
from triage.samples.writer import MAX_CASES, generate_cases

__all__ = [
    "MAX_CASES",
    "CaseLabels",
    "GeneratedCase",
    "draw_case",
    "generate_case",
    "generate_cases",
]
