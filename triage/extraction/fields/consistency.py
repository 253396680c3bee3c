"""Cross-checks between fields: term dates against the term, the total against the lines.

A check that holds raises both fields' confidence; one that fails lowers it. Nothing is
ever filled in from the others: a term the document does not state stays null.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from triage.contract import ExtractedLineItem
from triage.extraction.fields.derived import add_months
from triage.extraction.fields.resolve import Resolution

__all__ = ["cross_check"]


def _mark(fields: dict[str, Resolution], names: tuple[str, ...], ok: bool) -> None:
    for name in names:
        if name in fields:
            fields[name].consistent += 1.0 if ok else -1.0


def cross_check(fields: dict[str, Resolution], items: list[ExtractedLineItem]) -> None:
    """Adjust each field's ``consistent`` mark by the checks that involve it."""
    start, end, term = (fields.get(n) for n in ("start_date", "end_date", "term_months"))
    if start and end:
        if term:
            expected = add_months(start.value, int(term.value)) - timedelta(days=1)
            _mark(
                fields,
                ("start_date", "end_date", "term_months"),
                abs((expected - end.value).days) <= 1,
            )
        else:
            _mark(fields, ("start_date", "end_date"), start.value < end.value)
    billing_start = fields.get("billing_start_date")
    if billing_start and start:
        _mark(fields, ("billing_start_date",), billing_start.value >= start.value)
    total = fields.get("total_contract_value")
    nets = [item.net_amount for item in items]
    if total and nets and all(n is not None for n in nets):
        line_sum = sum((n for n in nets if n is not None), Decimal(0))
        _mark(fields, ("total_contract_value",), abs(line_sum - total.value) <= Decimal("0.02"))
    for name in ("order_date", "customer_signed_date"):
        if name in fields and start:
            _mark(fields, (name,), abs((fields[name].value - start.value).days) < 400)
