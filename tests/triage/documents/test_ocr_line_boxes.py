"""Without running a recogniser: how OCR words become text-layer-shaped lines, and which
markers found in the ink stay tick boxes.

- A text line's font box comes from its words' own estimates (their median), so one word
  whose box tesseract stretched over a cell border or a speck does not make the line tall
  (a tall label line runs into the row of options under it).
- A bracket-shaped marker with ink right up to both its sides is a glyph inside a word
  (the ``0`` of ``2027`` broken in two by blur looks like ``( )``): it is not whited out as
  a tick box; a marker standing apart from its option is.
- Font boxes estimated from OCR ink match the text layer's boxes of the same lines.
"""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

from tests.triage.extraction.abilities.sheet import Sheet
from triage.documents.ocr import OcrOptions
from triage.documents.ocr.engines import RecognisedWord, _tsv_words, engine_available
from triage.documents.ocr.page import _joined_numbers, _tick_boxes
from triage.documents.ocr.ticks import find_tick_boxes
from triage.documents.reader import parse_pdf
from triage.documents.scans import Degradation, scan_pdf

_HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)


def _tsv(words: list[tuple[int, str, int, int, int, int]]) -> str:
    """Return tesseract TSV for words (line number, text, left, top, right, bottom) at 96 %."""
    rows = [_HEADER]
    for number, (line, text, left, top, right, bottom) in enumerate(words, 1):
        cells = (5, 1, 1, 1, line, number, left, top, right - left, bottom - top, 96, text)
        rows.append("\t".join(str(c) for c in cells))
    return "\n".join(rows) + "\n"


# A label line at 300 dpi, 10 pt Helvetica (42 px): caps and ascenders ink ~25 px tall.
_LABEL = [
    (1, "Renewal", 100, 400, 240, 425),
    (1, "term", 250, 401, 320, 425),
    (1, "months", 330, 400, 450, 425),
]


def _box(tsv: str, text: str) -> tuple[float, float]:
    [word] = [w for w in _tsv_words(tsv) if w.text == text]
    return word.top, word.bottom


def test_a_word_stretched_over_a_cell_border_leaves_its_line_as_tall_as_its_print() -> None:
    clean_top, clean_bottom = _box(_tsv(_LABEL), "term")
    # The same line with one more word whose box reaches 30 px down over a cell border.
    stretched = _tsv([(1, "Auto-renewal:", 460, 400, 640, 455), *_LABEL])
    top, bottom = _box(stretched, "term")
    assert abs(top - clean_top) <= 1.0 and abs(bottom - clean_bottom) <= 1.0, (top, bottom)
    assert bottom - top < 1.2 * (clean_bottom - clean_top)
    # The stretched word keeps its own ink box (what covers it on the image).
    [auto] = [w for w in _tsv_words(stretched) if w.text == "Auto-renewal:"]
    assert (auto.top, auto.bottom) == (top, bottom) and auto.ink_box[3] == 455


def test_a_line_is_still_as_tall_as_its_font_when_all_its_words_agree() -> None:
    top, bottom = _box(_tsv(_LABEL), "term")
    # Caps 25 px of ink are ~0.6-0.72 of the font size: a 35-42 px tall font box.
    assert 33 <= bottom - top <= 45, (top, bottom)
    assert top < 400 and bottom > 425


def _bracket(mask: np.ndarray, x: int, top: int, height: int, opens_right: bool) -> int:
    """Draw ``(`` (``opens_right``) or ``)`` from ``x``; return its right edge."""
    width = round(0.3 * height)
    centre = (x + width - 1, top + height // 2) if opens_right else (x, top + height // 2)
    start, end = (90, 270) if opens_right else (-90, 90)
    cv2.ellipse(mask, centre, (width - 1, height // 2 - 1), 0, start, end, 255, 2)
    return x + width


def _digit(mask: np.ndarray, x: int, top: int, height: int) -> int:
    """Draw a digit-like glyph (a "2": top arc, diagonal, foot) at ``x``; return its right edge."""
    width = round(0.5 * height)
    cv2.ellipse(
        mask, (x + width // 2, top + width // 2), (width // 2, width // 2), 0, 180, 360, 255, 2
    )
    cv2.line(mask, (x + width, top + width // 2), (x, top + height - 2), 255, 2)
    cv2.line(mask, (x, top + height - 2), (x + width, top + height - 2), 255, 2)
    return x + width


HEIGHT = 26  # px: a 9.5 pt digit at 200 dpi, within the bracket markers' size range


def _zero_broken_in_two(mask: np.ndarray, x: int, top: int) -> None:
    """Write "2027" whose 0 the blur split into a "(" and a ")": letter spacing 3 px."""
    x = _digit(mask, x, top, HEIGHT) + 3
    x = _bracket(mask, x, top, HEIGHT, opens_right=True) + round(0.3 * HEIGHT)
    x = _bracket(mask, x, top, HEIGHT, opens_right=False) + 3
    x = _digit(mask, x, top, HEIGHT) + 3
    cv2.line(mask, (x, top + 1), (x + 12, top + 1), 255, 2)  # a "7"
    cv2.line(mask, (x + 12, top + 1), (x + 4, top + HEIGHT - 1), 255, 2)


def _typed_marker(mask: np.ndarray, x: int, top: int) -> None:
    """Write "( )  Net 15": the option starts a marker's width away from its ")"."""
    x = _bracket(mask, x, top, HEIGHT, opens_right=True) + round(0.3 * HEIGHT)
    x = _bracket(mask, x, top, HEIGHT, opens_right=False) + round(0.45 * HEIGHT)
    for _ in range(3):  # "Net": three letters
        mask[top + 8 : top + HEIGHT, x : x + 2] = 255
        mask[top + 8 : top + HEIGHT, x + 10 : x + 12] = 255
        mask[top + 8 : top + 10, x : x + 12] = 255
        x += 15


def test_a_zero_broken_into_a_bracket_pair_inside_a_number_is_no_tick_box() -> None:
    mask = np.zeros((80, 400), np.uint8)
    _zero_broken_in_two(mask, 40, 20)
    # The ink alone looks like an empty "( )" marker ...
    assert [marked for _, marked in find_tick_boxes(mask, dpi=200)] == [False]
    # ... but it has the digits of its number right up to both its sides.
    assert _tick_boxes(mask, dpi=200) == []


def test_a_typed_marker_standing_apart_from_its_option_stays_a_tick_box() -> None:
    mask = np.zeros((80, 400), np.uint8)
    _typed_marker(mask, 40, 20)
    [(box, marked)] = _tick_boxes(mask, dpi=200)
    assert not marked and box[0] == pytest.approx(40, abs=2)


def _page_of_lines() -> bytes:
    sheet = Sheet((595, 842))
    for index, (font, size, text) in enumerate(LINES):
        sheet.text(72, 82 + 30 * index - size, text, font=font, size=size)  # baselines 30 apart
    return sheet.finish()


LINES = (
    ("Helvetica", 10, "The total contract value is CAD 3,600.00 for 5 units"),
    ("Helvetica", 10, "renewal as agreed, unless a party gives notice"),
    ("Helvetica-Bold", 12, "Order Form ORD-2027-5521"),
    ("Times-Roman", 11, "Billing frequency: quarterly in advance"),
)


@pytest.mark.skipif(not engine_available("tesseract"), reason="tesseract-ocr is not installed")
def test_ocr_lines_lie_where_the_text_layer_puts_the_same_lines() -> None:
    """A clean scan read by OCR gives each line the text layer's font box to under 0.8 pt
    (measured: tops within 0.3, bottoms within 0.65 across these fonts). Line spacing is
    read against these boxes: OCR tops 1.5-2 pt too high once cost a line item."""
    pdf = _page_of_lines()
    text = parse_pdf(pdf, "order.pdf", max_pages=2).pages[0]
    scan = scan_pdf(pdf, spoil=Degradation(dpi=300, jpeg_quality=95), seed=0)
    ocr = parse_pdf(scan, "scan.pdf", max_pages=2, ocr=OcrOptions(engine="tesseract")).pages[0]
    assert ocr.source == "ocr" and len(ocr.lines) == len(text.lines) == len(LINES)
    for want, got in zip(text.lines, ocr.lines, strict=True):
        assert got.text.split()[0] == want.text.split()[0]
        top, bottom = got.words[0].top, got.words[0].bottom
        assert abs(top - want.words[0].top) < 0.8, (want.text, top, want.words[0].top)
        assert abs(bottom - want.words[0].bottom) < 0.8, (want.text, bottom, want.words[0].bottom)


def test_a_number_cut_at_its_thousands_separator_is_joined_again() -> None:
    # As tesseract gave them on a 200-dpi scan read at 300 dpi: "US$32," and "760.00." with
    # 1 px between them; the same words a space apart (a list "32, 760") stay two words.
    cut = [
        RecognisedWord("US$32,", 1466.0, 752.0, 1587.0, 792.0, 0.0),
        RecognisedWord("760.00.", 1591.0, 752.0, 1729.0, 792.0, 0.0),
    ]
    [joined] = _joined_numbers(cut)
    assert (joined.text, joined.x0, joined.x1, joined.confidence) == (
        "US$32,760.00.",
        1466.0,
        1729.0,
        0.0,
    )
    apart = [cut[0], dataclasses.replace(cut[1], x0=1607.0, x1=1745.0)]
    assert [w.text for w in _joined_numbers(apart)] == ["US$32,", "760.00."]
