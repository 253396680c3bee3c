"""Amounts grouped by spaces, totals that add tax, discounts stated as amounts or with the
minus after the number, hyphenated names and label strips over their figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.triage.extraction.layout_builders import document, line
from triage.extraction.fields.lexicon import match_label
from triage.extraction.fields.tax_totals import totals_before_tax
from triage.extraction.layout.keyvalue import Arrangement, find_key_values
from triage.extraction.lines.rows import read_row_items
from triage.extraction.lines.skus import is_compound_word
from triage.extraction.nlp.entities import build_pipeline
from triage.extraction.normalise.money import join_spaced_groups


@pytest.mark.parametrize(
    ("words", "joined"),
    [
        ("8 1 550,00 EUR", ["8", "1'550,00", "EUR"]),
        ("EUR 43 250,00", ["EUR", "43'250,00"]),
        ("1 234 567,89", ["1'234'567,89"]),
        ("12 400 EUR", ["12'400", "EUR"]),
        ("12 40", ["12", "40"]),  # no group of three
        ("3 1,250.00", ["3", "1,250.00"]),  # a grouped amount after a count
        ("Seats 40", ["Seats", "40"]),
    ],
)
def test_numbers_split_at_their_grouping_spaces_are_joined(words: str, joined: list[str]) -> None:
    assert join_spaced_groups(words.split()) == joined


def test_row_cells_with_space_grouped_amounts_are_read_by_their_arithmetic() -> None:
    doc = document(
        [
            line(
                100,
                (50, "Gestion des stocks"),
                (300, "8"),
                (360, "1 550,00 EUR"),
                (470, "12 400,00 EUR"),
            ),
            line(
                118,
                (50, "Formation sur site"),
                (300, "3"),
                (360, "950,00 EUR"),
                (470, "2 850,00 EUR"),
            ),
        ]
    )
    items = read_row_items(doc.pages, None)
    assert [(i.quantity, i.unit_price, i.net_amount) for i in items] == [
        (8, Decimal("1550.00"), Decimal("12400.00")),
        (3, Decimal("950.00"), Decimal("2850.00")),
    ]


def test_a_count_and_a_price_in_one_run_are_still_two_figures() -> None:
    # "5 250.00" set tight in one run: joined it is 5,250.00 and no arithmetic holds, so
    # the words as printed are read (5 x 250.00 = 1,250.00)
    doc = document([line(100, (50, "Seats 5 250.00"), (300, "1,250.00"))])
    (item,) = read_row_items(doc.pages, None)
    assert (item.quantity, item.unit_price, item.net_amount) == (
        5,
        Decimal("250.00"),
        Decimal("1250.00"),
    )


@pytest.mark.parametrize("deduction", ["4.320,00-", "-4.320,00", "(4.320,00)"])
def test_a_deduction_under_its_row_folds_in_whatever_side_its_sign_is_on(deduction: str) -> None:
    doc = document(
        [
            line(
                100,
                (50, "Fernueberwachung Windpark"),
                (300, "36"),
                (380, "800,00"),
                (470, "28.800,00"),
            ),
            line(114, (60, "Rabatt 15,00 %"), (470, deduction)),
        ]
    )
    (item,) = read_row_items(doc.pages, None)
    assert (item.net_amount, item.discount_pct) == (Decimal("24480.00"), 15.0)


@pytest.mark.parametrize(
    ("label", "named"),
    [
        ("Total hors TVA", True),
        ("Total excl. VAT", True),
        ("Total ex VAT", True),
        ("Gesamtsumme netto", True),
        ("Total VAT", False),  # the tax itself
        ("Total incl. VAT", False),
        ("Payment terms net", False),  # the qualifier belongs to totals only
    ],
)
def test_a_total_qualified_as_before_tax_is_still_the_total(label: str, named: bool) -> None:
    fields = {field for field, _ in match_label(label)}
    assert ("total_contract_value" in fields) is named


def _totals(*rows: tuple[str, str]) -> list[object]:
    lines = [line(100 + 14 * i, (300, label), (470, amount)) for i, (label, amount) in
             enumerate(rows)]  # fmt: skip
    return list(find_key_values(document(lines).pages[0]))


def test_a_total_that_adds_the_tax_above_it_gives_way_to_the_net() -> None:
    pairs = _totals(("Subtotal", "$15,600.00"), ("Sales Tax (8.25%)", "$1,287.00"),
                    ("Total", "$16,887.00"))  # fmt: skip
    kept, nets = totals_before_tax(pairs)  # type: ignore[arg-type]
    assert [c.value for c in nets] == [Decimal("15600.00")]
    assert "Total" not in {p.label for p in kept}


def test_a_tax_line_whose_sum_does_not_hold_changes_nothing() -> None:
    pairs = _totals(("Subtotal", "$15,600.00"), ("Sales Tax", "$1,287.00"),
                    ("Total", "$17,000.00"))  # fmt: skip
    kept, nets = totals_before_tax(pairs)  # type: ignore[arg-type]
    assert nets == [] and len(kept) == len(pairs)


def test_a_strip_of_labels_over_one_row_of_figures_pairs_each_label_with_its_figure() -> None:
    page = document(
        [
            line(100, (50, "SUBTOTAL"), (210, "DISCOUNT"), (370, "TOTAL")),
            line(114, (50, "NOK 312,000.00"), (210, "NOK 0.00"), (370, "NOK 312,000.00")),
        ]
    ).pages[0]
    cells = {
        p.label: p.value_text for p in find_key_values(page) if p.arrangement is Arrangement.CELL
    }
    assert cells["TOTAL"] == "NOK 312,000.00" and cells["SUBTOTAL"] == "NOK 312,000.00"


def test_a_header_over_several_rows_of_figures_is_no_strip_of_labels() -> None:
    page = document(
        [
            line(100, (50, "QTY"), (210, "PRICE"), (370, "AMOUNT")),
            line(114, (50, "2"), (210, "100.00"), (370, "200.00")),
            line(128, (50, "3"), (210, "50.00"), (370, "150.00")),
        ]
    ).pages[0]
    assert not [p for p in find_key_values(page) if p.arrangement is Arrangement.CELL]


@pytest.mark.parametrize(
    ("token", "word"),
    [("Scanner-Anbindung", True), ("E-Mail-Archiv", True), ("Add-on", True),
     ("LRC-POS-12", False), ("PV-ENT", False), ("Pro-2", False)],
)  # fmt: skip
def test_words_joined_by_hyphens_are_no_product_code(token: str, word: bool) -> None:
    assert is_compound_word(token) is word


def test_payable_upon_receipt_is_a_day_count_entity() -> None:
    doc = build_pipeline()("Invoices are payable upon receipt.")
    assert [(e.text, e.label_) for e in doc.ents] == [("payable upon receipt", "DAYS")]
