"""Struck-out options, filled blanks and fees per period, on words placed by hand.

Each case is one mechanism of issue 12's cover pages: a line drawn through an option's
letters rejects it (an underline or a table rule does not); a value written in a blank
keeps the blank's width, so the unit after it stays in its run; a fee per period over the
term is the contract value.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from tests.triage.extraction.layout_builders import HEIGHT, document, line
from triage.documents.marks import struck_words
from triage.documents.parsed import ParsedDocument, Ruling, TextLine
from triage.extraction.fields.derived import fee_over_term
from triage.extraction.layout.choices import resolve_choices
from triage.extraction.layout.fill_ins import without_fill_marks
from triage.extraction.layout.segments import split_line
from triage.extraction.normalise.terms import parse_days, parse_months


def _with_rulings(text_line: TextLine, *rulings: Ruling) -> ParsedDocument:
    doc = document([text_line])
    page = replace(doc.pages[0], rulings=tuple(rulings))
    return replace(doc, pages=(page,))


def test_a_line_through_the_letters_strikes_the_words_it_covers() -> None:
    row = line(100, (60, "renews / does not renew automatically"))
    words = row.words
    middle = 100 + 0.6 * HEIGHT
    strike = Ruling(words[1].x0 - 1, middle, words[4].x1 + 1, middle)
    assert struck_words(words, [strike]) == frozenset({1, 2, 3, 4})
    underline = Ruling(words[1].x0 - 1, 100 + HEIGHT, words[4].x1 + 1, 100 + HEIGHT)
    assert struck_words(words, [underline]) == frozenset()
    table_rule = Ruling(0, middle, 600, middle)  # runs far past the words: no strike
    assert struck_words(words, [table_rule]) == frozenset()


def test_struck_option_is_dropped_and_the_sentence_stays_one_run() -> None:
    row = line(100, (60, "Renewal"), (170, "renews / does not renew automatically for"))
    words = row.words
    middle = 100 + 0.6 * HEIGHT
    doc = _with_rulings(row, Ruling(words[2].x0 - 1, middle, words[5].x1 + 1, middle))
    page = resolve_choices(doc).pages[0]
    assert [w.text for w in page.words] == ["Renewal", "renews", "automatically", "for"]
    runs = split_line(page.lines[0], 1, 0)
    assert [r.text for r in runs] == ["Renewal", "renews automatically for"]


def test_value_on_a_drawn_blank_keeps_the_unit_after_it() -> None:
    row = line(100, (60, "Period"), (173, "1"), (214, "years, beginning"))
    doc = _with_rulings(row, Ruling(170, 100 + HEIGHT, 210, 100 + HEIGHT))
    page = without_fill_marks(doc).pages[0]
    assert [r.text for r in split_line(page.lines[0], 1, 0)] == ["Period", "1 years, beginning"]
    assert parse_months("1 years, beginning") == 12


def test_side_by_side_blanks_stay_cells_of_their_own() -> None:
    row = line(100, (60, "Keiko Tanaka"), (130, "Chief Officer"))
    foot = 100 + HEIGHT
    doc = _with_rulings(row, Ruling(58, foot, 126, foot), Ruling(128, foot, 300, foot))
    page = without_fill_marks(doc).pages[0]
    assert [r.text for r in split_line(page.lines[0], 1, 0)] == ["Keiko Tanaka", "Chief Officer"]


def test_value_between_underscores_loses_them_and_keeps_their_width() -> None:
    row = line(100, (60, "No."), (100, "__CS-10577__"))
    word = without_fill_marks(document([row])).pages[0].words[1]
    assert (word.text, word.x0, word.x1) == ("CS-10577", row.words[1].x0, row.words[1].x1)


def test_bracketed_value_keeps_the_brackets_width() -> None:
    row = line(100, (60, "within [ 45 ] days"))
    page = without_fill_marks(document([row])).pages[0]
    assert [w.text for w in page.words] == ["within", "45", "days"]
    assert [r.text for r in split_line(page.lines[0], 1, 0)] == ["within 45 days"]


def test_durations_in_the_languages_of_the_forms() -> None:
    assert parse_months("24 Monate") == 24
    assert parse_months("12 Monate / mois / months") == 12
    assert parse_months("3 Jahre") == 36
    assert parse_days("30 Tage netto") == 30
    assert parse_days("60 días") == 60


def test_fee_per_period_over_the_term() -> None:
    assert fee_over_term("USD 3,400.00 per month", 24) == Decimal("81600.00")
    assert fee_over_term("$ 14,400.00 per year", 12) == Decimal("14400.00")
    assert fee_over_term("EUR 2.800,00 per quarter", 36) == Decimal("33600.00")
    assert fee_over_term("USD 900.00 per year", 18) is None  # no whole number of years
    assert fee_over_term("USD 12,000.00", 12) is None  # no period: not a recurring fee


def test_a_ticked_option_does_not_reach_over_a_cell_border_into_the_next_cell() -> None:
    """On a scan the words are taller than their type, so a dropped option's hole looks like
    word spacing; a drawn border between two cells still keeps them apart."""
    from triage.documents.parsed import Page, ParsedDocument, Ruling, TextLine, Word
    from triage.extraction.layout.choices import resolve_choices

    def word(text: str, x0: float, x1: float) -> Word:
        return Word(text, x0, 230.0, x1, 244.0, 0.95)  # 14 pt tall boxes of 9 pt type

    words = (
        word("☒", 75.8, 84.2), word("Net", 85.1, 97.1), word("30", 98.3, 106.4),
        word("☐", 116.2, 124.6), word("Net", 125.4, 137.4), word("60", 138.6, 147.0),
        word("☒", 337.9, 346.1), word("On", 347.2, 356.0), word("signing", 357.3, 380.0),
    )  # fmt: skip
    border = Ruling(306.0, 220.0, 306.0, 250.0)
    for rulings, reaches in (((), True), ((border,), False)):
        page = Page(1, 612, 792, (TextLine(words),), rulings=rulings, source="ocr")
        resolved = resolve_choices(ParsedDocument("0" * 64, "scan.pdf", (page,)))
        kept = {w.text: w for w in resolved.pages[0].words}
        assert list(kept) == ["Net", "30", "On", "signing"]
        assert (kept["30"].x1 > border.x0) is reaches
