"""A totals block that adds tax: the contract value is the net above the tax, not the total.

Order forms print their totals as a column of labelled amounts: "Net total / VAT 20 % /
Total", "Subtotal / Sales Tax (8.25%) / Total", "Nettobetrag / MwSt. 19 % / Gesamtbetrag".
The contract value is the sum of the lines' nets (the quote's is too): tax is the
invoice's. A tax line (its label names a tax) whose amount, added to the amount right above
it, gives the amount right under it says which is which, whatever the labels: the one above
is the net, the one under is the total with tax. The arithmetic is the check, so no label
of the net or the total need be known.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.lexicon import TAX_LABEL, normalise_label
from triage.extraction.layout.keyvalue import Arrangement, KeyValue
from triage.extraction.layout.segments import PlacedWord
from triage.extraction.normalise.money import AMOUNT_PATTERN, amount_value

__all__ = ["totals_before_tax"]

# The amounts of one totals block sit on consecutive lines: at most this many of the tax
# line's heights above or under it, their right edges this close (points).
_REACH_LINES = 2.6
_ALIGN = 40.0
_TOLERANCE = Decimal("0.02")
# A net read by the arithmetic of its block is as sure as a known label beside its amount.
_NET_SCORE = 0.95
_BESIDE = frozenset({Arrangement.INLINE, Arrangement.RIGHT, Arrangement.ROW})


def _first_line(pair: KeyValue) -> tuple[PlacedWord, ...]:
    """The placed words of the first line of the pair's value."""
    return tuple(placed for placed in pair.value if placed[:2] == pair.value[0][:2])


def _amount(pair: KeyValue) -> Decimal | None:
    """The pair's value when its first line is one amount and nothing else ("£2,700.00",
    "EUR 3.800,00"; a value run on into the next line keeps only its own)."""
    if pair.arrangement not in _BESIDE or not any(c.isalpha() for c in pair.label):
        return None
    first = " ".join(w.text for _, _, w in _first_line(pair))
    match = AMOUNT_PATTERN.fullmatch(first.strip())
    return amount_value(match.group("num")) if match else None


def _box(pair: KeyValue) -> tuple[float, float, float]:
    """(top, right edge, line height) of the first line of the pair's value."""
    words = [w for _, _, w in _first_line(pair)]
    top = min(w.top for w in words)
    return top, max(w.x1 for w in words), max(w.bottom for w in words) - top


def _next_to(
    tax: KeyValue, amounts: Sequence[tuple[KeyValue, Decimal]], upward: bool
) -> tuple[KeyValue, Decimal] | None:
    """The amount right above (``upward``) or under the tax line, right-aligned with it."""
    top, right, height = _box(tax)
    best: tuple[float, tuple[KeyValue, Decimal]] | None = None
    for pair, value in amounts:
        if pair is tax or pair.page != tax.page:
            continue
        other_top, other_right, _ = _box(pair)
        distance = top - other_top if upward else other_top - top
        near = 0 < distance <= _REACH_LINES * height and abs(other_right - right) <= _ALIGN
        if near and (best is None or distance < best[0]):
            best = (distance, (pair, value))
    return best[1] if best else None


def totals_before_tax(pairs: Sequence[KeyValue]) -> tuple[list[KeyValue], list[Candidate]]:
    """Return ``pairs`` without each total that adds tax to the net above it, and a
    contract-value candidate for each such net."""
    amounts = [(pair, value) for pair in pairs if (value := _amount(pair)) is not None]
    gross: set[int] = set()
    found: list[Candidate] = []
    for tax, levied in amounts:
        if levied <= 0 or not TAX_LABEL.search(normalise_label(tax.label)):
            continue
        above, under = _next_to(tax, amounts, upward=True), _next_to(tax, amounts, upward=False)
        if above is None or under is None or TAX_LABEL.search(normalise_label(above[0].label)):
            continue
        net, total = above[1], under[1]
        if levied < net and abs(net + levied - total) <= _TOLERANCE:
            gross.add(id(under[0]))
            found.append(
                Candidate(
                    "total_contract_value", net, _NET_SCORE, Source.LABEL, _first_line(above[0])
                )
            )
    return [pair for pair in pairs if id(pair) not in gross], found
