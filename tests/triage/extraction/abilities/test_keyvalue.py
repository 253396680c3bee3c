"""Key and value in every arrangement: each test reads one arrangement's document."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_keyvalue as docs
from tests.triage.extraction.abilities import docs_keyvalue_variants as variants
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_fields


def test_label_and_value_on_one_line_after_a_colon(extract: Extract) -> None:
    order = docs.colon_same_line()
    assert_fields(extract(order), order)


def test_dotted_leaders_join_a_label_to_its_value_at_the_margin(extract: Extract) -> None:
    order = docs.dotted_leaders()
    assert_fields(extract(order), order)


def test_label_above_value_inside_a_ruled_box(extract: Extract) -> None:
    order = docs.label_above_value_in_boxes()
    assert_fields(extract(order), order)


def test_label_printed_under_the_line_its_value_is_written_on(extract: Extract) -> None:
    order = docs.label_under_filled_line()
    assert_fields(extract(order), order)


def test_label_cell_and_value_cell_in_one_table_row(extract: Extract) -> None:
    order = docs.label_value_table_rows()
    assert_fields(extract(order), order)


def test_bilingual_label_with_german_before_the_slash(extract: Extract) -> None:
    order = docs.bilingual_labels_german_first()
    assert_fields(extract(order), order)


def test_bilingual_label_with_english_first_above_its_value(extract: Extract) -> None:
    order = docs.bilingual_labels_english_first()
    assert_fields(extract(order), order)


def test_values_written_inside_square_brackets(extract: Extract) -> None:
    order = docs.bracketed_values()
    assert_fields(extract(order), order)


def test_dotted_leaders_with_other_labels_and_values_in_words(extract: Extract) -> None:
    order = variants.dotted_leaders_other_labels()
    assert_fields(extract(order), order)


def test_label_above_value_in_boxes_two_to_a_row(extract: Extract) -> None:
    order = variants.label_above_value_boxes_other_labels()
    assert_fields(extract(order), order)


def test_label_value_rows_of_a_table_ruled_by_lines(extract: Extract) -> None:
    order = variants.label_value_rows_ruled_by_lines()
    assert_fields(extract(order), order)


def test_values_in_unpadded_brackets_in_a_bulleted_term_sheet(extract: Extract) -> None:
    order = variants.bracketed_compact_values()
    assert_fields(extract(order), order)
