"""Tables found by geometry and read by content, on documents drawn for each ability."""

from __future__ import annotations

from tests.triage.extraction.abilities import docs_table_amounts as amounts
from tests.triage.extraction.abilities import docs_tables as docs
from tests.triage.extraction.abilities.conftest import Extract
from tests.triage.extraction.abilities.expect import assert_lines


def test_headerless_table_of_drawn_cell_rectangles_is_read_by_cell_content(
    extract: Extract,
) -> None:
    order = docs.headerless_ruled_cells()
    assert_lines(extract(order), order)


def test_headerless_table_ruled_by_lines_with_code_column_last(extract: Extract) -> None:
    order = docs.headerless_grid_of_lines()
    assert_lines(extract(order), order)


def test_unruled_table_columns_come_from_word_alignment(extract: Extract) -> None:
    order = docs.unruled_aligned_columns()
    assert_lines(extract(order), order)


def test_headerless_unruled_table_without_codes_reads_periods_and_amounts(
    extract: Extract,
) -> None:
    order = docs.headerless_unruled_with_periods()
    assert_lines(extract(order), order)


def test_column_roles_come_from_content_when_header_words_are_unfamiliar(
    extract: Extract,
) -> None:
    order = docs.unusual_header_words()
    assert_lines(extract(order), order)


def test_period_column_gives_each_line_its_start_and_end(extract: Extract) -> None:
    order = docs.period_column()
    assert_lines(extract(order), order)


def test_gross_total_column_is_not_the_net_when_a_discount_applies(extract: Extract) -> None:
    order = amounts.gross_total_beside_net()
    assert_lines(extract(order), order)


def test_extended_column_is_the_net_and_net_price_is_per_unit_over_the_years(
    extract: Extract,
) -> None:
    order = amounts.unit_net_beside_extended()
    assert_lines(extract(order), order)


def test_negative_discount_line_folds_into_the_product_above(extract: Extract) -> None:
    order = amounts.discount_lines()
    assert_lines(extract(order), order)


def test_ramp_printed_with_year_columns_becomes_one_line_per_year(extract: Extract) -> None:
    order = amounts.ramp_years_as_columns()
    assert_lines(extract(order), order)


def test_two_products_over_year_columns_give_a_line_per_product_and_year(
    extract: Extract,
) -> None:
    order = amounts.ramp_years_two_products()
    assert_lines(extract(order), order, key=("sku", "start_date"))


def test_table_continued_on_next_page_under_repeated_header(extract: Extract) -> None:
    order = docs.continued_table()
    extraction = extract(order)
    assert_lines(extraction, order)
    assert {item.evidence[0].page for item in extraction.line_items[4:]} == {2}


def test_unruled_table_continued_overleaf_with_a_position_column_not_read_as_quantity(
    extract: Extract,
) -> None:
    order = docs.continued_unruled_table_with_positions()
    assert_lines(extract(order), order)
