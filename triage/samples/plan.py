"""Which discrepancies, clauses and layout each case gets.

Cases come in blocks of 40. Within a block a seeded permutation makes exactly 20 cases
dirty, gives each of the 20 exception codes one dirty case as its primary code, spreads
the ten clause types over the dirty cases and spreads the layouts evenly. So every code,
clause type and layout appears in every block, about half the orders are clean, and case
k depends only on (seed, k) whatever the number of cases asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from triage.contract import ClauseType, ExceptionCode
from triage.samples.layouts import LAYOUT_NAMES
from triage.samples.seeding import case_rng

__all__ = ["BLOCK", "CasePlan", "plan_case"]

BLOCK = 40
CODES: tuple[ExceptionCode, ...] = tuple(ExceptionCode)
CLAUSE_TYPES: tuple[ClauseType, ...] = tuple(ClauseType)

_EXCLUSIVE: dict[ExceptionCode, frozenset[ExceptionCode]] = {
    ExceptionCode.LOW_CONFIDENCE_EXTRACTION: frozenset(
        {
            ExceptionCode.PAYMENT_TERMS_MISMATCH,
            ExceptionCode.BILLING_FREQUENCY_MISMATCH,
            ExceptionCode.BILLING_START_DEVIATION,
        }
    ),
}
_EXTRA_WEIGHTS: dict[ExceptionCode, int] = {
    ExceptionCode.PRICE_MISMATCH: 3,
    ExceptionCode.QUANTITY_MISMATCH: 2,
    ExceptionCode.PAYMENT_TERMS_MISMATCH: 3,
    ExceptionCode.PO_MISSING: 3,
    ExceptionCode.SIGNATURE_MISSING: 2,
    ExceptionCode.BILLING_START_DEVIATION: 2,
    ExceptionCode.ENTITY_MISMATCH: 1,
    ExceptionCode.TAX_ID_MISSING: 2,
    ExceptionCode.RENEWAL_TERMS_MISMATCH: 2,
    ExceptionCode.TOTAL_MISMATCH: 1,
    ExceptionCode.BILLING_FREQUENCY_MISMATCH: 1,
    ExceptionCode.CREDIT_HOLD: 1,
    ExceptionCode.TERM_DATES_MISMATCH: 1,
    ExceptionCode.LINE_NOT_IN_QUOTE: 1,
}


@dataclass(frozen=True, slots=True)
class CasePlan:
    """What to build for one case: layout, codes to inject and clause types to print."""

    index: int
    layout: str
    codes: tuple[ExceptionCode, ...]
    clause_types: tuple[ClauseType, ...]


def _compatible(code: ExceptionCode, chosen: list[ExceptionCode]) -> bool:
    for other in chosen:
        if code == other or code in _EXCLUSIVE.get(other, ()) or other in _EXCLUSIVE.get(code, ()):
            return False
    return True


def plan_case(seed: int, index: int) -> CasePlan:
    """Return the plan of case ``index`` (0-based) for ``seed``."""
    block, position = divmod(index, BLOCK)
    block_rng = case_rng(seed, block, "block-plan")
    slots = list(range(BLOCK))
    block_rng.shuffle(slots)
    layouts = [LAYOUT_NAMES[i % len(LAYOUT_NAMES)] for i in range(BLOCK)]
    block_rng.shuffle(layouts)
    clause_slots = block_rng.sample(range(len(CODES)), 8)
    slot = slots[position]
    rng = case_rng(seed, index, "plan")
    if slot >= len(CODES):
        return CasePlan(index, layouts[position], (), ())
    codes = [CODES[slot]]
    extras = rng.choices((0, 1, 2), weights=(55, 33, 12))[0]
    candidates = sorted(_EXTRA_WEIGHTS)
    for _ in range(extras):
        code = rng.choices(candidates, weights=[_EXTRA_WEIGHTS[c] for c in candidates])[0]
        if _compatible(code, codes):
            codes.append(code)
    clause_types: list[ClauseType] = []
    if slot in clause_slots or CODES[slot] is ExceptionCode.NONSTANDARD_CLAUSE:
        order = list(CLAUSE_TYPES)
        block_rng.shuffle(order)
        rank = sorted(set(clause_slots) | {CODES.index(ExceptionCode.NONSTANDARD_CLAUSE)})
        clause_types.append(order[rank.index(slot) % len(order)])
        if CODES[slot] is ExceptionCode.NONSTANDARD_CLAUSE:
            clause_types.extend(t for t in order[len(rank) :] if t not in clause_types)
        if ExceptionCode.NONSTANDARD_CLAUSE not in codes:
            codes.append(ExceptionCode.NONSTANDARD_CLAUSE)
    return CasePlan(index, layouts[position], tuple(codes), tuple(clause_types))
