"""Which date and which party: the right one of several the document names."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_parties as docs
from tests.triage.extraction.abilities import docs_parties_variants as variants
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields


def test_order_date_is_not_the_master_agreements_date(extract: Extract) -> None:
    order = docs.order_date_beside_master_agreement_date()
    assert_fields(extract(order), order)


def test_order_dated_in_prose_is_not_the_older_agreements_date(extract: Extract) -> None:
    order = docs.order_dated_in_prose_under_older_agreement()
    assert_fields(extract(order), order)


def test_term_start_is_not_the_signing_date(extract: Extract) -> None:
    order = docs.start_date_beside_signing_date()
    assert_fields(extract(order), order)


def test_confidentiality_warranty_and_breach_periods_are_not_the_term(extract: Extract) -> None:
    order = docs.durations_in_other_clauses()
    assert_fields(extract(order), order)


def test_purchase_order_number_is_not_the_order_number(extract: Extract) -> None:
    order = docs.po_number_beside_order_number()
    assert_fields(extract(order), order)


def test_parties_from_defined_terms_with_customer_named_second(extract: Extract) -> None:
    order = docs.defined_terms_customer_second()
    assert_fields(extract(order), order)


def test_parties_from_numbered_recitals_with_licensor_and_licensee(extract: Extract) -> None:
    order = docs.numbered_parties()
    assert_fields(extract(order), order)


def test_letterhead_is_the_provider_and_addressee_block_the_customer(extract: Extract) -> None:
    order = docs.addressee_letter()
    assert_fields(extract(order), order)


def test_customer_is_the_sold_to_party_not_the_bill_to_party(extract: Extract) -> None:
    order = docs.sold_to_and_bill_to()
    assert_fields(extract(order), order)


def test_parties_named_only_for_and_on_behalf_of_in_signature_blocks(extract: Extract) -> None:
    order = docs.for_and_on_behalf_of()
    assert_fields(extract(order), order)


def test_po_number_in_brackets_on_the_order_number_line(extract: Extract) -> None:
    order = variants.po_number_inside_order_line()
    assert_fields(extract(order), order)


def test_parties_from_defined_terms_with_the_client_named_first(extract: Extract) -> None:
    order = variants.defined_terms_client_first()
    assert_fields(extract(order), order)


def test_notice_and_retention_periods_are_not_the_term_or_renewal_notice(
    extract: Extract,
) -> None:
    order = variants.durations_in_notice_and_retention_clauses()
    assert_fields(extract(order), order)
