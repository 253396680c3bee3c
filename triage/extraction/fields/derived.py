"""Terms that follow from what the document states, without doubt.

A form that states a start and a term states its end (start + term − 1 day); one that
states both dates states the term in months when they span whole months; a form that says
the subscription fees are invoiced "commencing on the Start Date" states the billing start.
A derived value carries the evidence of the values it came from and never replaces a value
the document states itself.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal

from triage.contract import BillingFrequency, ExtractedLineItem, LineKind
from triage.documents.parsed import Word
from triage.extraction.fields.blocks import TextBlock
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.cues import STATEMENTS
from triage.extraction.fields.resolve import Resolution
from triage.extraction.layout.segments import PlacedWord
from triage.extraction.normalise.money import AMOUNT_PATTERN, amount_value
from triage.extraction.normalise.terms import parse_frequency

__all__ = ["add_months", "consistent_term_candidates", "derive_terms", "lines_with_order_term"]

_DERIVED_SHARE = 0.9  # a derived value is a little less sure than the weaker of its sources
_SENTENCE = re.compile(r"[^.;]+[.;]?")


def add_months(day: date, months: int) -> date:
    """Return ``day`` moved by ``months`` calendar months, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for clamp in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, clamp)
        except ValueError:
            continue
    raise ValueError("unreachable: every month has a 28th")


def _month_span(start: date, end: date) -> int:
    """The calendar months from the month of ``start`` to the month of ``end``, both in."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _whole_months(start: date, end: date) -> int | None:
    """The whole months from ``start`` to ``end`` (both in), if they are whole: 1 January to
    31 December and 15 April to 14 April of the next year are both 12."""
    span = _month_span(start, end)
    for months in (span, span - 1):
        if months > 0 and add_months(start, months) - timedelta(days=1) == end:
            return months
    return None


def _derived(value: object, sources: Sequence[Resolution]) -> Resolution:
    return Resolution(
        value=value,
        evidence=tuple(w for source in sources for w in source.evidence),
        source=Source.DERIVED,
        score=_DERIVED_SHARE * min(s.raw_confidence for s in sources),
        support=1,
        rival=0.0,
    )


def _stated(blocks: Sequence[TextBlock], *patterns: re.Pattern[str]) -> Resolution | None:
    """The first sentence that matches every pattern, as the evidence of a derived term."""
    for block in blocks:
        for sentence in _SENTENCE.finditer(block.text):
            text = sentence.group(0)
            if all(pattern.search(text) for pattern in patterns):
                words = block.words_between(sentence.start(), sentence.end())
                return Resolution(None, words, Source.SENTENCE, 0.85, 1, 0.0)
    return None


_MONTHS_PER_PERIOD = {
    BillingFrequency.MONTHLY: 1,
    BillingFrequency.QUARTERLY: 3,
    BillingFrequency.SEMIANNUAL: 6,
    BillingFrequency.ANNUAL: 12,
}
_PERIOD_REACH = 24  # the period of a fee follows its amount ("3,400.00 per month")


def fee_over_term(text: str, months: int) -> Decimal | None:
    """A recurring fee over the whole term: "USD 3,400.00 per month" for 24 months is
    81,600.00. None unless the amount is followed by its period and the term holds whole
    periods."""
    for match in AMOUNT_PATTERN.finditer(text):
        amount = amount_value(match.group("num"))
        if amount is None or amount <= 0:
            continue
        period = _MONTHS_PER_PERIOD.get(
            parse_frequency(text[match.end() : match.end() + _PERIOD_REACH])
            or BillingFrequency.ONE_TIME
        )
        if period is None or months <= 0 or months % period:
            return None
        return amount * (months // period)
    return None


def derive_terms(
    fields: dict[str, Resolution],
    blocks: Sequence[TextBlock],
    billing_start_values: Sequence[tuple[str, tuple[PlacedWord, ...]]] = (),
    renewal_term_values: Sequence[tuple[str, tuple[PlacedWord, ...]]] = (),
    fee_values: Sequence[tuple[str, tuple[PlacedWord, ...]]] = (),
) -> None:
    """Add to ``fields`` the end date, term, billing start, renewal term and contract value
    that the stated terms imply.

    ``billing_start_values`` and ``renewal_term_values`` are the texts (and words) written
    against billing-start and renewal-term labels that state them in words ("On the
    subscription start date", "Same as initial term"); ``fee_values`` those written
    against a recurring fee's label ("USD 3,400.00 per month"), which over the term give
    the contract value when the order states no total.
    """
    start, end, term = (fields.get(n) for n in ("start_date", "end_date", "term_months"))
    if start and term and not end:
        value = add_months(start.value, int(term.value)) - timedelta(days=1)
        fields["end_date"] = _derived(value, (start, term))
    elif start and end and not term:
        months = _whole_months(start.value, end.value)
        if months is not None:
            fields["term_months"] = _derived(months, (start, end))
    start = fields.get("start_date")
    if start and "billing_start_date" not in fields:
        stated = _stated(blocks, STATEMENTS["about_billing"], STATEMENTS["starts_with_the_term"])
        for text, words in billing_start_values:
            if stated is None and STATEMENTS["at_the_term_start"].search(text):
                stated = Resolution(None, words, Source.LABEL, 0.85, 1, 0.0)
        if stated is not None:
            resolution = _derived(start.value, (start, stated))
            resolution.evidence = stated.evidence + start.evidence
            fields["billing_start_date"] = resolution
    term = fields.get("term_months")
    if term and "total_contract_value" not in fields:
        for text, words in fee_values:
            total = fee_over_term(text, int(term.value))
            if total is not None:
                fee = Resolution(None, words, Source.LABEL, 0.85, 1, 0.0)
                resolution = _derived(total, (term, fee))
                resolution.evidence = words + term.evidence
                fields["total_contract_value"] = resolution
                break
    if term and "renewal_term_months" not in fields and fields_renew(fields):
        stated = _stated(blocks, STATEMENTS["renews_as_the_term"]) or _stated(
            blocks, STATEMENTS["same_as_the_term"]
        )
        for text, words in renewal_term_values:
            if stated is None and STATEMENTS["same_as_the_term"].search(text):
                stated = Resolution(None, words, Source.LABEL, 0.85, 1, 0.0)
        if stated is not None:
            resolution = _derived(term.value, (term, stated))
            resolution.evidence = stated.evidence + term.evidence
            fields["renewal_term_months"] = resolution


def total_of_ramp(fields: dict[str, Resolution], items: Sequence[ExtractedLineItem]) -> None:
    """A ramp stated in prose year by year states no total: the contract value is the sum
    of its years' lines (only where no total is stated and every line has its net)."""
    if "total_contract_value" in fields or len(items) < 2:
        return
    if any(item.net_amount is None for item in items):
        return
    described = {item.description for item in items}
    if len(described) != 1 or len({item.start_date for item in items}) != len(items):
        return  # the years of one product, each its own period
    total = sum((item.net_amount for item in items if item.net_amount is not None), Decimal(0))
    shown = [e for item in items for e in item.evidence]
    evidence = tuple((e.page, -1 - i, Word(e.text, *e.bbox)) for i, e in enumerate(shown))
    fields["total_contract_value"] = Resolution(
        total, evidence, Source.DERIVED, _DERIVED_SHARE * min(i.confidence for i in items), 1, 0.0
    )


def fields_renew(fields: dict[str, Resolution]) -> bool:
    """Whether the order may renew: not stated otherwise."""
    renews = fields.get("auto_renewal")
    return renews is None or renews.value is not False


def lines_with_order_term(
    items: list[ExtractedLineItem],
    fields: dict[str, Resolution],
    year_steps: Mapping[int, int] | None = None,
    usage_over_term: Collection[int] = (),
) -> list[ExtractedLineItem]:
    """Give subscription lines that print no dates of their own the order's term.

    A table without a period column sells every subscription for the subscription term,
    and its usage rates (``usage_over_term``: their indexes) apply over that term.
    A line of a ramp printed with one amount column per year (``year_steps``: index ->
    year) is that year of the term from its start. Several other such lines of one
    product are the steps of a ramp: they split the term into equal consecutive periods,
    in order.
    """
    start, end = fields.get("start_date"), fields.get("end_date")
    if start is None:
        return items
    out = list(items)
    undated = [
        i
        for i, item in enumerate(items)
        if item.kind is LineKind.SUBSCRIPTION and item.start_date is None and item.end_date is None
    ]
    years = year_steps or {}
    for i in [i for i in undated if i in years]:
        year = years[i]
        first = add_months(start.value, 12 * (year - 1))
        last = add_months(start.value, 12 * year) - timedelta(days=1)
        if end is not None and first <= end.value < last:
            last = end.value  # a term that ends part-way through its last year
        out[i] = items[i].model_copy(update={"start_date": first, "end_date": last})
    undated = [i for i in undated if i not in years]
    if end is None:
        return out
    for i in usage_over_term:
        if items[i].start_date is None and items[i].end_date is None:
            out[i] = items[i].model_copy(update={"start_date": start.value, "end_date": end.value})
    steps: dict[tuple[str | None, str | None], list[int]] = {}
    for i in undated:
        steps.setdefault((items[i].sku, items[i].description), []).append(i)
    months = _month_span(start.value, end.value)
    for indexes in steps.values():
        count = len(indexes)
        if count == 1 or months % count:
            for i in indexes:
                out[i] = items[i].model_copy(
                    update={"start_date": start.value, "end_date": end.value}
                )
            continue
        length = months // count
        for step, i in enumerate(indexes):
            first = add_months(start.value, step * length)
            last = add_months(start.value, (step + 1) * length) - timedelta(days=1)
            out[i] = items[i].model_copy(update={"start_date": first, "end_date": last})
    return out


def _expected_end(start: date, months: int) -> date:
    return add_months(start, months) - timedelta(days=1)


_SHORTEST_TERM_DAYS = 28


def _could_end_term(start: date, end: object) -> bool:
    return not isinstance(end, date) or (end - start).days >= _SHORTEST_TERM_DAYS


def consistent_term_candidates(
    candidates: list[Candidate], fields: dict[str, Resolution]
) -> list[Candidate]:
    """Drop the term-date candidates that disagree with the rest when another one agrees.

    A quote printed as an order form may carry two "end" dates (the quote's own expiry and
    the subscription's end); the one that equals start + term − 1 day is the term's end.
    Likewise for two starts, or two terms. When no candidate agrees, all are kept.
    """
    start, end, term = (fields.get(n) for n in ("start_date", "end_date", "term_months"))

    def agrees(candidate: Candidate) -> bool | None:
        try:
            if candidate.field == "end_date" and start and term:
                wanted = _expected_end(start.value, int(term.value))
                return bool(abs((candidate.value - wanted).days) <= 1)
            if candidate.field == "start_date" and end and term:
                wanted = _expected_end(candidate.value, int(term.value))
                return bool(abs((end.value - wanted).days) <= 1)
            if candidate.field == "term_months" and start and end:
                wanted = _expected_end(start.value, int(candidate.value))
                return bool(abs((end.value - wanted).days) <= 1)
        except (TypeError, ValueError, OverflowError):
            return None
        return None

    kept: list[Candidate] = []
    for name in ("start_date", "end_date", "term_months"):
        group = [c for c in candidates if c.field == name]
        if name == "end_date" and start is not None:
            # An "end" within the first weeks of the term is no term's end but a quote's
            # expiry or an offer's deadline; the term then ends where start and term say.
            group = [c for c in group if _could_end_term(start.value, c.value)]
        verdicts = [agrees(c) for c in group]
        if len({c.value for c in group}) > 1 and any(verdicts):
            kept += [c for c, ok in zip(group, verdicts, strict=True) if ok]
        else:
            kept += group
    return [
        c for c in candidates if c.field not in ("start_date", "end_date", "term_months")
    ] + kept
