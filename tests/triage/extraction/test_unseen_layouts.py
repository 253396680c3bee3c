"""Field finders and line items on hand-made PDFs unlike anything the generator draws."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from tests.triage.extraction.handmade import grid_summary_pdf, long_table_pdf, prose_agreement_pdf
from triage.contract import BillingFrequency, Extraction, LineKind
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor

Reader = Callable[[bytes], ParsedDocument]


@pytest.fixture(scope="module")
def grid(extractor: OrderExtractor, read_pdf: Reader) -> Extraction:
    return extractor.extract(read_pdf(grid_summary_pdf()), country="GB")


@pytest.fixture(scope="module")
def prose(extractor: OrderExtractor, read_pdf: Reader) -> Extraction:
    return extractor.extract(read_pdf(prose_agreement_pdf()), country="US")


def test_grid_summary_terms(grid: Extraction) -> None:
    fields = grid.fields
    assert fields.order_number.value == "HL-77812"
    assert fields.customer_legal_name.value == "Brightwater Dairy Co. Limited"
    assert fields.provider_legal_name.value == "Harbourline Analytics Limited"
    assert fields.order_date.value == date(2027, 2, 3)  # 03/02/2027 read day-first for GB
    assert (fields.start_date.value, fields.end_date.value) == (date(2027, 3, 1), date(2029, 2, 28))
    assert fields.term_months.value == 24
    assert fields.billing_frequency.value is BillingFrequency.SEMIANNUAL
    assert fields.payment_terms_days.value == 60
    assert fields.po_number.value == "4500019931"
    assert fields.total_contract_value.value == Decimal("86400.00")
    assert fields.currency.value == "GBP"


def test_renewal_sentence_and_client_signature_block(grid: Extraction) -> None:
    fields = grid.fields
    assert fields.auto_renewal.value is True
    assert fields.renewal_term_months.value == 12
    assert fields.renewal_notice_days.value == 45
    assert fields.renewal_uplift_cap_pct.value is None
    assert fields.customer_signatory.value == "Olivia Marsh"  # not the supplier's Peter Quill
    assert fields.customer_signed_date.value == date(2027, 2, 5)


def test_terms_stated_in_sentences(prose: Extraction) -> None:
    fields = prose.fields
    assert fields.order_number.value == "Q-55120"
    assert fields.customer_legal_name.value == "Pinecrest Medical Group, Inc."
    assert fields.provider_legal_name.value == "Cedar Ridge Software LLC"
    assert fields.order_date.value == date(2027, 2, 1)  # 02/01/2027 read month-first for US
    assert fields.start_date.value == date(2027, 3, 15)
    assert fields.term_months.value == 24
    assert fields.billing_frequency.value is BillingFrequency.QUARTERLY
    assert fields.payment_terms_days.value == 45
    assert fields.auto_renewal.value is True
    assert fields.renewal_term_months.value == 12
    assert fields.renewal_uplift_cap_pct.value == 4.0
    assert fields.total_contract_value.value == Decimal("152000.00")
    assert fields.currency.value == "USD"


def test_terms_the_document_does_not_state_stay_null(prose: Extraction) -> None:
    for name in ("po_number", "billing_start_date", "customer_signatory"):
        field = prose.fields.get(name)
        assert field.value is None and field.confidence == 0


def test_end_date_follows_from_the_stated_start_and_term(prose: Extraction) -> None:
    # 24 months from 15 March 2027: the form states its end without printing it.
    end = prose.fields.end_date
    assert end.value == date(2029, 3, 14)
    assert 0 < end.confidence < prose.fields.start_date.confidence
    assert any("March 15, 2027" in e.text for e in end.evidence)


def test_evidence_is_the_words_the_value_was_read_from(prose: Extraction) -> None:
    [evidence] = prose.fields.start_date.evidence
    assert evidence.page == 1
    assert "March 15, 2027" in evidence.text
    x0, top, x1, bottom = evidence.bbox
    assert 60 < x0 < x1 < 560 and 0 < top < bottom < 792


def test_table_across_pages_with_ramp_usage_and_totals(
    extractor: OrderExtractor, read_pdf: Reader
) -> None:
    items = extractor.extract(read_pdf(long_table_pdf()), country="US").line_items
    assert [(i.sku, i.quantity, i.net_amount) for i in items] == [
        ("CORE-100", 100, Decimal("48000.00")),
        ("CORE-100", 150, Decimal("72000.00")),
        ("SUP-GOLD", 1, Decimal("16200.00")),
        ("MSG-OVR", 0, Decimal("0.00")),
    ]
    ramp = items[:2]
    assert [(i.start_date, i.end_date) for i in ramp] == [
        (date(2027, 1, 1), date(2027, 12, 31)),
        (date(2028, 1, 1), date(2028, 12, 31)),
    ]
    assert items[2].description == "Gold support with named engineer and 1h response"
    assert items[2].discount_pct == 10
    assert items[3].kind is LineKind.USAGE and items[3].unit_price == Decimal("2.50")
    assert all(item.evidence and item.evidence[0].page in (1, 2) for item in items)
    assert items[3].evidence[0].page == 2
