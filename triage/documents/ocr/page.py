"""One page read by OCR: render, turn upright, recognise, and place the words in points.

The result is a ``Page`` like any other (words grouped into lines, rulings), with
``source="ocr"``, each word's recognition confidence, the quarter turn applied and the ink
marks found. Coordinates are points from the top-left of the upright page: for a page
scanned sideways the page's width and height are swapped, as if it had been fed the
right way round; a skew of a few degrees is levelled before recognition.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import numpy as np
import pypdfium2.raw as pdfium_c

from triage.documents.layout import group_lines
from triage.documents.marks import MARKED, UNMARKED
from triage.documents.ocr.engines import OcrEngine, RecognisedWord
from triage.documents.ocr.geometry import (
    flatten_light,
    ink_view,
    render_dpi,
    render_page,
    rotate,
    text_view,
    turn,
    upright,
)
from triage.documents.ocr.ink import ink_mask, is_print, line_ink, marks, rulings, text_size
from triage.documents.ocr.options import OcrOptions
from triage.documents.ocr.ticks import TickBox, find_tick_boxes
from triage.documents.parsed import InkMark, Page, Ruling, Word
from triage.errors import LimitExceeded

__all__ = ["check_images", "ocr_page", "recogniser_name"]

_MAX_OBJECTS = 20_000


def check_images(page: Any, number: int, options: OcrOptions) -> None:
    """Raise ``LimitExceeded`` when the page's images are too many or too large to render."""
    count = int(pdfium_c.FPDFPage_CountObjects(page))
    images, width, height = 0, ctypes.c_uint(), ctypes.c_uint()
    for index in range(min(max(count, 0), _MAX_OBJECTS)):
        obj = pdfium_c.FPDFPage_GetObject(page, index)
        if not obj or int(pdfium_c.FPDFPageObj_GetType(obj)) != pdfium_c.FPDF_PAGEOBJ_IMAGE:
            continue
        images += 1
        if images > options.max_images_per_page:
            raise LimitExceeded(
                "ocr_max_images_per_page",
                f"page {number} holds more than {options.max_images_per_page} images;"
                " the limit (ocr_max_images_per_page) stops OCR of such a page",
            )
        if pdfium_c.FPDFImageObj_GetImagePixelSize(obj, width, height):
            pixels = int(width.value) * int(height.value)
            if pixels > options.max_image_pixels:
                raise LimitExceeded(
                    "ocr_max_image_pixels",
                    f"page {number} holds an image of {width.value} x {height.value} pixels;"
                    f" the limit (ocr_max_image_pixels) is {options.max_image_pixels:,}",
                )


Box = tuple[float, float, float, float]
_BORDER_JUNK = re.compile(r"^[|_\[\]{}!]+$")
_SLASHED_NUMBER = re.compile(r"^[\d.,]+/(?=.*[^\W\d_])")  # "410/unit/", not "06/17/2027"
_MERGED_WORDS = re.compile(r"^([A-Z][a-z]{2,})([A-Z][a-z]{2,})$")
_MONTH = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?$", re.IGNORECASE
)


def _next_word(word: RecognisedWord, found: list[RecognisedWord]) -> RecognisedWord | None:
    """Return the word just right of ``word`` on its line, if any."""
    right = [
        w
        for w in found
        if w.x0 > word.x1 - 1 and abs(w.bottom - word.bottom) < 0.5 * (word.bottom - word.top)
    ]
    return min(right, key=lambda w: w.x0, default=None)


_GROUP_CUT = re.compile(r"\d[,.]$")  # "US$32," : a number cut after a thousands separator
_GROUP_REST = re.compile(r"^\d{3}(?:\D|$)")  # "760.00." : the three digits that follow it


def _joined_numbers(found: list[RecognisedWord]) -> list[RecognisedWord]:
    """Return the words with a number the recogniser cut at its thousands separator joined
    again ("US$32," + "760.00." -> "US$32,760.00."): the two parts touch (less than a
    quarter of the line's height apart, a space is wider), and the confidence is the
    lower of the two."""
    joined, used = [], set()
    for word in found:
        if id(word) in used:
            continue
        after = _next_word(word, found) if _GROUP_CUT.search(word.text) else None
        height = word.bottom - word.top
        if (
            after is not None
            and _GROUP_REST.match(after.text)
            and after.x0 - word.x1 < 0.25 * height
        ):
            used.add(id(after))
            word = RecognisedWord(
                word.text + after.text,
                word.x0,
                min(word.top, after.top),
                after.x1,
                max(word.bottom, after.bottom),
                min(word.confidence, after.confidence),
                _least(word.ink_top, after.ink_top, min),
                _least(word.ink_bottom, after.ink_bottom, max),
            )
        joined.append(word)
    return [w for w in joined if id(w) not in used]


def _least(a: float | None, b: float | None, pick: Any) -> float | None:
    """Return ``pick`` of the two ink edges that are known (None when neither is)."""
    known = [v for v in (a, b) if v is not None]
    return pick(known) if known else None


def _pieces(text: str) -> list[str]:
    """Return a token split where the recogniser lost a space: ``410/unit/`` (a number and
    slashes, "410 / unit /") and ``UnitPrice`` (two capitalised words)."""
    if _SLASHED_NUMBER.match(text):
        return [piece for piece in re.split(r"(/)", text) if piece]
    merged = _MERGED_WORDS.match(text)
    return [merged.group(1), merged.group(2)] if merged else [text]


def _covers(mark: Box, word: RecognisedWord) -> bool:
    """Return whether most of ``word``'s own ink box lies on ``mark``."""
    x0, top, x1, bottom = word.ink_box
    area = max((x1 - x0) * (bottom - top), 1e-6)
    wide = min(x1, mark[2]) - max(x0, mark[0])
    tall = min(bottom, mark[3]) - max(top, mark[1])
    return wide > 0 and tall > 0 and wide * tall > 0.5 * area


def _off_hand(
    found: list[RecognisedWord], hand: list[tuple[Box, float]], size: float
) -> list[RecognisedWord]:
    """Return the words without those the recogniser read on handwriting (``hand``, found
    by its geometry in ``ink.marks``): a word on a mark that is not surely print is the
    recogniser's guess at a signature's strokes."""
    return [w for w in found if is_print(w, size) or not any(_covers(box, w) for box, _ in hand)]


def _overprinted(word: RecognisedWord, others: list[RecognisedWord]) -> bool:
    """Return whether a more confident word covers most of ``word`` (shading read twice)."""
    for other in others:
        if other is word or other.confidence <= word.confidence:
            continue
        wide = min(word.x1, other.x1) - max(word.x0, other.x0)
        tall = min(word.bottom, other.bottom) - max(word.top, other.top)
        if wide > 0.5 * (word.x1 - word.x0) and tall > 0.5 * (word.bottom - word.top):
            return True
    return False


def _as_words(found: list[RecognisedWord], scale: float) -> list[Word]:
    """Return the recognised words in points, without what table borders are misread as.

    Cell borders come back as ``|``, ``_`` or ``[`` (but a bar before a month is the day
    ``1``); a lone em dash is an en dash in a date or number range; shading behind a
    header is read again as short junk over the words.
    """
    words = []
    # Words are compared only with those in the same band of rows (a word's height, the
    # most a word over it can be off), not with the whole page.
    band = max((w.bottom - w.top for w in found), default=1.0) or 1.0
    rows: dict[int, list[RecognisedWord]] = {}
    for w in found:
        rows.setdefault(int(w.top // band), []).append(w)
    for w in found:
        key = int(w.top // band)
        near = [o for k in (key - 1, key, key + 1) for o in rows.get(k, ())]
        text = "\u2013" if w.text in ("\u2014", "--") else w.text
        if text in ("|", "l", "I") and _MONTH.match(getattr(_next_word(w, near), "text", "")):
            text = "1"  # "1 November" at 200 dpi: the thin one is read as a bar
        elif _BORDER_JUNK.match(text) or _overprinted(w, near):
            continue
        # A text layer's word box includes the glyphs' side bearings; an OCR box ends at the
        # ink, which makes gaps look wider than the layout's column-gap rule expects.
        bearing = 0.06 * (w.bottom - w.top) * scale
        left, width = w.x0 * scale - bearing, (w.x1 - w.x0) * scale + 2 * bearing
        for piece in (pieces := _pieces(text)):
            share = width * len(piece) / sum(len(p) for p in pieces)
            words.append(
                Word(piece, left, w.top * scale, left + share, w.bottom * scale, w.confidence)
            )
            left += share
    return words


def _quality(words: list[RecognisedWord]) -> float:
    """Return the share of word-like tokens read with confidence (upside-down text scores ~0)."""
    wordy = [w for w in words if sum(c.isalpha() for c in w.text) >= 3]
    return sum(1 for w in wordy if w.confidence >= 0.7) / max(len(wordy), 1)


def _recognise(
    image: np.ndarray, engine: OcrEngine, dpi: int, timeout_s: float
) -> tuple[np.ndarray, list[RecognisedWord], int]:
    """Return the upright image, its words and the extra half turn (0 or 180) applied."""
    words = engine.recognise(image, dpi=dpi, timeout_s=timeout_s)
    if _quality(words) >= 0.5:
        return image, words, 0
    flipped = turn(image, 180)
    flipped_words = engine.recognise(flipped, dpi=dpi, timeout_s=timeout_s)
    if _quality(flipped_words) > _quality(words):
        return flipped, flipped_words, 180
    return image, words, 0


def _in_a_word(box: Box, mask: np.ndarray) -> bool:
    """Return whether ink comes right up to both sides of marker ``box``:
    a glyph inside a word (the ``0`` of ``2027`` broken in two by a blurred scan looks like
    ``( )``), not a tick box, which stands apart from the words before and after it."""
    x0, top, x1, bottom = (round(v) for v in box)
    height = max(bottom - top, 1)
    reach = max(2, round(0.25 * height))  # a tick box's option starts ~0.3 of it away
    rows = slice(top, bottom + 1)
    left = mask[rows, max(0, x0 - 2 - reach) : max(0, x0 - 2)]
    right = mask[rows, x1 + 2 : x1 + 2 + reach]
    return bool(left.size and right.size and left.any() and right.any())


def _tick_boxes(mask: np.ndarray, dpi: float) -> list[TickBox]:
    """Return the tick boxes of the page's ink ``mask``, without glyphs inside words."""
    return [tick for tick in find_tick_boxes(mask, dpi) if not _in_a_word(tick[0], mask)]


def _without(
    image: np.ndarray, mask: np.ndarray, ticks: list[TickBox]
) -> tuple[np.ndarray, np.ndarray]:
    """Return the image and its ink mask with the tick boxes whited out."""
    if not ticks:
        return image, mask
    image, mask = image.copy(), mask.copy()
    for (x0, top, x1, bottom), _ in ticks:
        rows, columns = (
            slice(max(0, int(top) - 1), int(bottom) + 2),
            slice(max(0, int(x0) - 1), int(x1) + 2),
        )
        image[rows, columns] = 255
        mask[rows, columns] = 0
    return image, mask


def _tick_word(box: Box, marked: bool, scale: float, words: list[Word]) -> Word:
    """Return the ``☒``/``☐`` word of a tick box (pixels), on the text line it stands in:
    as tall as the nearest word whose height spans the box's middle (lines are grouped by
    their words' bottoms, and a box is centred on the text, not sitting on its baseline)."""
    x0, top, x1, bottom = (v * scale for v in box)
    middle = (top + bottom) / 2
    row = [w for w in words if w.top <= middle <= w.bottom]
    near = min(row, key=lambda w: min(abs(w.x0 - x1), abs(x0 - w.x1)), default=None)
    if near is not None and min(abs(near.x0 - x1), abs(x0 - near.x1)) < 4 * (x1 - x0):
        top, bottom = near.top, near.bottom
    return Word(MARKED if marked else UNMARKED, x0, top, x1, bottom)


def _half_turned(box: Box, shape: tuple[int, ...]) -> Box:
    """Return ``box`` on the image turned half a turn (``shape``: its height and width)."""
    height, width = shape[:2]
    return (width - box[2], height - box[3], width - box[0], height - box[1])


def ocr_page(
    page: Any, number: int, size: tuple[float, float], engine: OcrEngine, options: OcrOptions
) -> Page:
    """Return page ``number`` (an open pdfium page of displayed ``size`` in points) read by OCR."""
    check_images(page, number, options)
    dpi = render_dpi(*size, options.dpi, options.max_page_pixels)
    flat = flatten_light(render_page(page, *size, dpi))
    inked = ink_view(flat)
    quarter, skew = upright(inked)
    mask = ink_mask(rotate(turn(inked, quarter), skew))
    del inked
    # The recogniser reads the gentler view (grey print kept); ink is found on the other.
    image = rotate(turn(text_view(flat), quarter), skew)
    del flat
    ticks = _tick_boxes(mask, dpi)
    # Tick boxes are read already: the recogniser sees the page without them. Rulings
    # stay in the image: without its cell borders tesseract drops lone digits.
    image, mask = _without(image, mask, ticks)
    clean, found, half = _recognise(image, engine, round(dpi), options.page_timeout_s)
    if half:
        mask = turn(mask, half)
        ticks = [(_half_turned(box, mask.shape), marked) for box, marked in ticks]
    scale = 72.0 / dpi
    lines = line_ink(mask, dpi)
    ink_boxes = marks(mask, lines, found, dpi)
    found = _joined_numbers(_off_hand(found, ink_boxes, text_size(found)))
    words = _as_words(found, scale)
    words += [_tick_word(box, marked, scale, words) for box, marked in ticks]
    drawn = [Ruling(*(v * scale for v in box)) for box in rulings(lines)]
    ink = [
        InkMark(box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale, round(area, 1))
        for box, area in ink_boxes
    ]
    height, width = clean.shape
    return Page(
        number,
        round(width * scale, 2),
        round(height * scale, 2),
        lines=group_lines(words),
        rulings=tuple(drawn),
        has_text_layer=bool(words),
        source="ocr",
        rotation=(quarter + half) % 360,
        ink_marks=tuple(ink),
        skew=round(skew, 3),
        recogniser=recogniser_name(engine),
    )


def recogniser_name(engine: OcrEngine) -> str:
    """Return the engine's name and language models (``tesseract eng+spa``); an engine
    without language models (rapidocr) is named alone."""
    return f"{engine.name} {engine.languages}".strip()
