"""Signature blocks: each name and date goes to the party whose block it is in."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_signatures as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields


def test_side_by_side_blocks_give_the_right_hand_customer_its_own_name(
    extract: Extract,
) -> None:
    order = docs.side_by_side_customer_right()
    assert_fields(extract(order), order)


def test_side_by_side_blocks_with_the_customer_on_the_left_and_other_labels(
    extract: Extract,
) -> None:
    order = docs.side_by_side_customer_left()
    assert_fields(extract(order), order)


def test_stacked_blocks_with_the_customer_first_keep_their_own_names(extract: Extract) -> None:
    order = docs.stacked_customer_first()
    assert_fields(extract(order), order)


def test_stacked_blocks_give_the_lower_customer_block_its_own_name(extract: Extract) -> None:
    order = docs.stacked_provider_first()
    assert_fields(extract(order), order)


def test_signature_table_reads_the_customer_column_down(extract: Extract) -> None:
    order = docs.one_column_per_party_table()
    assert_fields(extract(order), order)


def test_values_above_lines_with_labels_under_belong_to_their_block(extract: Extract) -> None:
    order = docs.labels_under_lines_side_by_side()
    assert_fields(extract(order), order)


def test_name_in_italics_on_the_signature_line_is_a_signature(extract: Extract) -> None:
    order = docs.signature_in_italic_face()
    assert_fields(extract(order), order)


def test_typed_name_on_an_unsigned_block_is_not_a_signature(extract: Extract) -> None:
    order = docs.typed_name_without_signature()
    assert_fields(extract(order), order)


def test_same_block_signed_and_dated_is_read_as_the_customers_signature(
    extract: Extract,
) -> None:
    order = docs.typed_name_without_signature(signed=True)
    assert_fields(extract(order), order)


def test_signature_table_with_the_customer_column_second_is_read_down_that_column(
    extract: Extract,
) -> None:
    order = docs.party_table_supplier_first(signed=True)
    assert_fields(extract(order), order)


def test_typed_name_in_an_unsigned_table_column_is_not_a_signature(extract: Extract) -> None:
    order = docs.party_table_supplier_first(signed=False)
    assert_fields(extract(order), order)


def test_captions_under_lines_with_the_customer_on_the_left_give_its_own_values(
    extract: Extract,
) -> None:
    order = docs.captions_under_lines_customer_left()
    assert_fields(extract(order), order)


def test_a_name_cell_ends_at_the_next_label_of_the_block(extract: Extract) -> None:
    # The value under "Name (print)" ran on through "Title VP, Procurement Date ..." when
    # the next labels were not told from values by their type size (a scan's line heights).
    order = docs.name_cell_over_labels_of_value_size()
    assert_fields(extract(order), order)
