"""Labels misread by OCR ("Tesm start (MM/DDIYYYY)") are read as the labels they are, on
OCR pages only, in proportion to how unsure the recogniser was, and never into another
label or out of a value."""

from __future__ import annotations

from dataclasses import replace

from triage.documents.parsed import Page, ParsedDocument, TextLine, Word
from triage.extraction import OrderExtractor
from triage.extraction.layout.misread_labels import mend_hint, mend_labels, misread_cost

HEIGHT = 9.0


def _line(top: float, x: float, *words: tuple[str, float], gap: float = 2.5) -> TextLine:
    """Words with recognition confidences, 5 pt per character, ``gap`` apart."""
    placed = []
    for text, confidence in words:
        width = 5.0 * len(text)
        placed.append(Word(text, x, top, x + width, top + HEIGHT, confidence))
        x += width + gap
    return TextLine(tuple(placed))


def _ocr(*lines: TextLine, recogniser: str = "tesseract eng") -> ParsedDocument:
    page = Page(1, 612, 792, tuple(lines), source="ocr" if recogniser else "text")
    return ParsedDocument("0" * 64, "scan.pdf", (replace(page, recogniser=recogniser),))


def _texts(document: ParsedDocument) -> list[str]:
    return [line.text for line in document.pages[0].lines]


def test_a_doubtful_misread_label_and_its_format_hint_are_read_as_printed() -> None:
    document = _ocr(
        _line(100, 40, ("Tesm", 0.82), ("start", 0.78), ("(MM/DDIYYYY)", 0.68)),
        _line(140, 40, ("Billing", 0.45), ("trequency", 0.92)),
        _line(180, 40, ("Subscription", 0.96), ("stan", 0.88), ("date", 0.96)),
        _line(220, 40, ("Authonsed", 0.89), ("signature", 0.96)),
        _line(260, 40, ("Date", 0.93), ("(YYY", 0.88), ("Y-MM-DD)", 0.88), gap=1.0),
    )
    assert _texts(mend_labels(document)) == [
        "Term start (MM/DD/YYYY)",
        "Billing frequency",
        "Subscription start date",
        "Authorised signature",
        "Date (YYYY-MM-DD)",
    ]


def test_the_mended_words_keep_their_boxes_and_their_doubt() -> None:
    document = _ocr(_line(100, 40, ("Tesm", 0.82), ("start", 0.78)))
    before, after = document.pages[0].words[0], mend_labels(document).pages[0].words[0]
    assert after.text == "Term"
    assert (after.bbox, after.confidence) == (before.bbox, before.confidence)


def test_a_page_of_the_pdfs_own_text_is_left_as_it_is() -> None:
    document = _ocr(_line(100, 40, ("Tesm", 0.82), ("start", 0.78)), recogniser="")
    assert mend_labels(document) is document


def test_a_word_the_recogniser_was_sure_of_is_not_rewritten() -> None:
    document = _ocr(_line(100, 40, ("Tesm", 0.99), ("start", 0.99)))
    assert _texts(mend_labels(document)) == ["Tesm start"]


def test_a_label_word_read_right_is_never_read_as_another_label() -> None:
    # "end" is itself a label word: "Term end date" stays, however unsure the reading.
    document = _ocr(
        _line(100, 40, ("Term", 0.3), ("end", 0.1), ("date", 0.3)),
        _line(140, 40, ("Billing", 0.2), ("currency", 0.1)),
    )
    assert _texts(mend_labels(document)) == ["Term end date", "Billing currency"]


def test_a_value_word_is_not_read_as_a_one_word_label() -> None:
    # A name ("Dare Wilson") is no label; the same word alone in its cell before a format
    # hint is one ("Dare (MM/DD/YYYY)": a date's label).
    document = _ocr(
        _line(100, 40, ("Dare", 0.34), ("Wilson", 0.9)),
        _line(140, 40, ("Dare", 0.34), ("(MM/DD/YYYY)", 0.6)),
    )
    assert _texts(mend_labels(document)) == ["Dare Wilson", "Date (MM/DD/YYYY)"]


def test_words_in_two_cells_are_not_read_as_one_label() -> None:
    # "Invoce" and "currency" a cell's gap apart are no "Invoice currency" (and "invoice"
    # alone names nothing).
    document = _ocr(_line(100, 40, ("Invoce", 0.5), ("currency", 0.5), gap=40.0))
    assert _texts(mend_labels(document)) == ["Invoce currency"]
    near = _ocr(_line(100, 40, ("Invoce", 0.5), ("currency", 0.5)))
    assert _texts(mend_labels(near)) == ["Invoice currency"]


def test_look_alike_letters_cost_half_an_edit() -> None:
    assert misread_cost("stan", "start") == 0.5  # "rt" read as "n"
    assert misread_cost("authonsed", "authorised") == 0.5  # "ri" read as "n"
    assert misread_cost("trequency", "frequency") == 0.5  # "f" read as "t"
    assert misread_cost("tesm", "term") == 1.0
    assert misread_cost("end", "start") >= 3.0


def test_date_format_hints_are_read_despite_slash_and_letter_confusions() -> None:
    assert mend_hint("(MM/DDIYYYY)") == "(MM/DD/YYYY)"
    assert mend_hint("(MMWDDIYYYY)") == "(MM/DD/YYYY)"
    assert mend_hint("(DD|MM/YYYY)") == "(DD/MM/YYYY)"
    assert mend_hint("(YYY Y-MM-DD)") == "(YYYY-MM-DD)"
    assert mend_hint("(months)") is None
    assert mend_hint("(MM/MM/YYYY)") is None  # each of M, D and Y once
    assert mend_hint("(30)") is None


def test_a_scanned_form_with_misread_labels_yields_its_dates(extractor: OrderExtractor) -> None:
    def row(top: float, labels: list[tuple[float, list[tuple[str, float]]]]) -> TextLine:
        words: list[Word] = []
        for x, cell in labels:
            words += _line(top, x, *cell).words
        return TextLine(tuple(words))

    small = 7.0  # labels over their values in smaller type
    labels = row(
        100,
        [
            (40, [("Tesm", 0.82), ("start", 0.78), ("(MM/DDIYYYY)", 0.68)]),
            (300, [("Term", 0.96), ("end", 0.97), ("date", 0.93), ("(MM/DD/YYYY)", 0.78)]),
        ],
    )
    labels = TextLine(tuple(replace(w, bottom=w.top + small) for w in labels.words))
    values = row(110, [(40, [("07/01/2027", 0.96)]), (300, [("06/30/2028", 0.96)])])
    document = _ocr(labels, values)
    fields = extractor.extract(document, country="US").fields
    assert str(fields.start_date.value) == "2027-07-01"
    assert str(fields.end_date.value) == "2028-06-30"
