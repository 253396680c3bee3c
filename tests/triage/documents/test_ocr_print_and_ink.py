"""OCR on a page rendered and degraded here: print the recogniser doubts stays text, and
only ink taller than print (a signature) is a handwritten mark."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from tests.triage.extraction.abilities.sheet import Sheet
from triage.documents.ocr import _LOADED, OcrOptions
from triage.documents.ocr.engines import (
    SURE_WORD,
    RecognisedWord,
    engine_available,
    installed_languages,
    load_engine,
)
from triage.documents.parsed import Page
from triage.documents.reader import parse_pdf
from triage.documents.scans import Degradation, SigningMark, scan_pdf

pytestmark = pytest.mark.skipif(
    not engine_available("tesseract"), reason="tesseract-ocr is not installed (make test does)"
)

# Accented names and addresses: the English model reads them with doubt.
LINES = (
    "Customer: Société Générale Île-de-France, Speicherstraße 14, Zürich",
    "Signatory: Róisín Ní Bhriain, Jürgen Sørensen, Lucía Fernández, Ibáñez",
    "Order No. ORD-2027-4417 dated 12 März 2027 for €13,125.00 net",
)
SIGNING_AREA = (124.0, 610.0, 290.0, 636.0)


def _form() -> bytes:
    sheet = Sheet((595, 842), size=9)
    for index, text in enumerate(LINES):
        sheet.text(72, 73 + 18 * index, text)
    sheet.text(72, 193, "Signature:")
    sheet.hline(120, 300, 204, width=1.0)
    sheet.text(72, 213, "Name: Róisín Ní Bhriain")
    return sheet.finish()


@pytest.fixture(scope="module")
def page() -> Page:
    spoil = Degradation(dpi=200, blur=0.6, noise=6.0, jpeg_quality=60)
    scan = scan_pdf(_form(), spoil=spoil, seed=3, signing=SigningMark(1, SIGNING_AREA))
    document = parse_pdf(scan, "scan.pdf", max_pages=2, ocr=OcrOptions(engine="tesseract"))
    return document.pages[0]


def test_printed_words_read_with_doubt_stay_words(page: Page) -> None:
    printed = [line for line in page.lines if line.words[0].top < 130]
    words = [w for line in printed for w in line.words]
    assert any(w.confidence < SURE_WORD for w in words), "nothing was doubtful: no test"
    # Every printed word is there, doubtful or not (none was taken for handwriting).
    assert [len(line.words) for line in printed] == [len(text.split()) for text in LINES]


def test_doubtful_print_is_no_ink_mark_and_the_signature_is(page: Page) -> None:
    assert all(mark.top > 130 for mark in page.ink_marks)
    [signature] = [m for m in page.ink_marks if m.top < SIGNING_AREA[3] and m.bottom > 600]
    assert signature.ink > 100 and signature.x0 < SIGNING_AREA[0] + 20


def test_more_language_models_read_the_accents_english_loses() -> None:
    languages = "eng+fra+deu+spa"
    if installed_languages("tesseract", languages) != languages:
        pytest.skip("tesseract's fra/deu/spa models are not installed (make ocr-deps adds them)")
    scan = scan_pdf(_form(), spoil=Degradation(dpi=200, jpeg_quality=80), seed=4)
    read = {
        name: {
            w.text.strip(",")
            for w in parse_pdf(
                scan, "scan.pdf", max_pages=2, ocr=OcrOptions(engine="tesseract", languages=name)
            )
            .pages[0]
            .words
        }
        for name in ("eng", languages)
    }
    accented = {"Société", "Générale", "Róisín", "Fernández", "Ibáñez", "Speicherstraße"}
    assert len(accented & read[languages]) >= 4 > len(accented & read["eng"])


class _Doubting:
    """Tesseract, doubting every word it reads (as it doubts grey or blurred small print)."""

    name = "tesseract"

    def __init__(self) -> None:
        engine = load_engine("tesseract")
        assert engine is not None
        self.engine = engine
        self.languages = engine.languages

    def recognise(self, image: np.ndarray, *, dpi: int, timeout_s: float) -> list[RecognisedWord]:
        words = self.engine.recognise(image, dpi=dpi, timeout_s=timeout_s)
        return [dataclasses.replace(w, confidence=0.5) for w in words]


def test_a_doubted_word_beside_a_cell_border_stays_a_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Ruled cells, each label starting just right of the cell's left border (too short a
    # line to be a ruling): border and doubted word must not make a mark taller than print.
    sheet = Sheet((595, 842), size=7)
    for column, (label, value) in enumerate((("Order", "KWC-ORD-647512"), ("Requisition", "PO-1"))):
        x = 40 + 190 * column
        sheet.rect(x, 100, 180, 26)
        sheet.text(x + 2, 102, f"{label} reference")
        sheet.text(x + 2, 113, value, size=9)
    scan = scan_pdf(sheet.finish(), spoil=Degradation(dpi=300), seed=5)
    monkeypatch.setitem(_LOADED, ("doubting", "eng"), _Doubting())
    options = OcrOptions(engine="doubting")
    page = parse_pdf(scan, "scan.pdf", max_pages=2, ocr=options).pages[0]
    words = {w.text for w in page.words}
    assert {"Order", "Requisition"} <= words
    assert not page.ink_marks
