"""A modest number of cases covers every layout, currency, code and clause type."""

from __future__ import annotations

from collections import Counter

from tests.triage.samples.conftest import LoadedCase
from triage.contract import ClauseType, ExceptionCode, LineKind
from triage.samples.layouts import LAYOUT_NAMES


def test_every_layout_and_currency_appears(cases: list[LoadedCase]) -> None:
    assert {c.labels.layout for c in cases} == set(LAYOUT_NAMES)
    assert {c.quote.currency for c in cases} >= {"USD", "EUR", "GBP", "CAD", "AUD"}


def test_dates_and_amounts_are_printed_in_several_formats(cases: list[LoadedCase]) -> None:
    assert len({c.labels.presentation.date_style for c in cases}) >= 4
    assert len({c.labels.presentation.amount_style for c in cases}) >= 4


def test_every_exception_code_and_clause_type_appears(cases: list[LoadedCase]) -> None:
    codes = {code for c in cases for code in c.labels.expected_codes}
    assert codes == set(ExceptionCode)
    clause_types = {clause.type for c in cases for clause in c.labels.clauses}
    assert clause_types == set(ClauseType)


def test_about_half_the_orders_are_clean(cases: list[LoadedCase]) -> None:
    clean = sum(1 for c in cases if not c.labels.expected_codes)
    assert 0.4 <= clean / len(cases) <= 0.6


def test_lines_of_every_kind_and_orders_of_several_pages(cases: list[LoadedCase]) -> None:
    kinds = {line.kind for c in cases for line in c.labels.line_items}
    assert kinds == set(LineKind)
    counts = [len(c.labels.line_items) for c in cases]
    assert min(counts) == 1 and max(counts) >= 8
    pages = Counter(c.labels.presentation.pages for c in cases)
    assert min(pages) <= 2 and max(pages) >= 4
    assert any(c.labels.fields.po_number is None for c in cases)
    assert any(
        c.labels.fields.renewal_uplift_cap_pct is None and c.labels.fields.auto_renewal
        for c in cases
    )


def test_the_ramp_schedule_table_breaks_across_a_page(cases: list[LoadedCase]) -> None:
    ramp = [c for c in cases if c.labels.layout == "ramp_table"]
    assert ramp
    for case in ramp:
        skus = [x.sku for x in case.labels.line_items]
        assert len(skus) > len(set(skus)), "a ramp_table form carries a ramp"
        with_header = [i for i, t in enumerate(case.page_texts) if "SKU Description" in t]
        assert len(with_header) >= 2, f"{case.folder.name}: the table does not continue"
