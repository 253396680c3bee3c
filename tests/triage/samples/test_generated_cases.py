"""The generated cases hold together: valid inputs, readable PDFs, labels that match both."""

from __future__ import annotations

from tests.triage.samples.conftest import LoadedCase
from tests.triage.samples.reference_rules import reference_codes
from triage.contract import FIELD_NAMES
from triage.samples.amounts import format_amount
from triage.samples.dates import format_date


def _squash(text: str) -> str:
    return "".join(text.split())


def test_every_case_has_the_four_files(cases: list[LoadedCase]) -> None:
    for case in cases:
        names = sorted(p.name for p in case.folder.iterdir())
        assert names == ["customer.json", "labels.json", "order.pdf", "quote.json"]


def test_labels_name_every_contract_field(cases: list[LoadedCase]) -> None:
    for case in cases:
        assert tuple(case.labels.fields.model_dump()) == FIELD_NAMES


def test_pages_have_a_text_layer_except_injected_image_pages(cases: list[LoadedCase]) -> None:
    for case in cases:
        image_pages = set(case.labels.presentation.image_pages)
        assert len(case.page_texts) == case.labels.presentation.pages
        for number, chars in enumerate(case.page_chars, start=1):
            if number in image_pages:
                assert chars == 0, f"{case.folder.name} page {number} should be image-only"
            else:
                assert chars > 50, f"{case.folder.name} page {number} has no text layer"
        assert bool(image_pages) == case.labels.presentation.terms_as_image


def test_printed_values_appear_in_the_pdf_text(cases: list[LoadedCase]) -> None:
    for case in cases:
        labels, text = case.labels, case.text
        fields, style = labels.fields, labels.presentation
        currency = fields.currency or case.quote.currency
        expected = [fields.order_number, fields.po_number, *(x.sku for x in labels.line_items)]
        expected += [
            format_amount(x.net_amount, currency, style.amount_style) for x in labels.line_items
        ]
        assert fields.total_contract_value is not None
        expected.append(format_amount(fields.total_contract_value, currency, style.amount_style))
        for day in (fields.order_date, fields.start_date, fields.end_date):
            assert day is not None
            expected.append(format_date(day, style.date_style, labels.country))
        expected += [clause.text for clause in labels.clauses]
        for value in expected:
            if value is not None:
                assert _squash(value) in text, f"{case.folder.name}: {value!r} not in the PDF"
        for name in (fields.customer_legal_name, fields.provider_legal_name):
            assert name is not None
            assert all(word in text for word in name.split()), f"{case.folder.name}: {name}"


def test_values_on_the_image_page_are_labelled_null(cases: list[LoadedCase]) -> None:
    imaged = [c for c in cases if c.labels.presentation.terms_as_image]
    assert imaged, "expected at least one case with an image-only terms page"
    for case in imaged:
        fields = case.labels.fields
        assert fields.payment_terms_days is None and fields.billing_frequency is None
        assert fields.billing_start_date is None


def test_expected_codes_are_exactly_what_the_semantics_imply(cases: list[LoadedCase]) -> None:
    for case in cases:
        implied = reference_codes(case.labels, case.quote, case.customer)
        assert set(case.labels.expected_codes) == implied, case.folder.name
        assert {i.code for i in case.labels.injected} == set(case.labels.expected_codes)


def test_quote_money_follows_the_line_arithmetic(cases: list[LoadedCase]) -> None:
    for case in cases:
        total = sum(line.net_amount for line in case.quote.lines)
        assert total == case.quote.total_contract_value
        assert 1 <= len(case.quote.lines) <= 12


def test_clean_orders_have_no_clauses_and_every_needed_term(cases: list[LoadedCase]) -> None:
    for case in (c for c in cases if not c.labels.expected_codes):
        assert case.labels.clauses == []
        assert case.labels.fields.customer_signatory is not None
        if case.customer.po_required:
            assert case.labels.fields.po_number is not None
