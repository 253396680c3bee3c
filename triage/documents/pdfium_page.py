"""One PDF page read with pdfium: words with pdfplumber-compatible boxes, rulings, images.

Words come from pdfium's text page: its text (with the spaces and line breaks pdfium
infers) is split on whitespace, and each word's box is built from the loose boxes of its
first and last characters. pdfminer gives every glyph a box exactly one font size tall
starting at the font's descent; pdfium's loose box starts at the same descent but ends at
the ascent, so the top is recomputed as ``bottom + font size`` for upright text.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from typing import Any

import pypdfium2.raw as pdfium_c

from triage.documents.layout import Box, PageFrame, group_lines
from triage.documents.marks import DrawnBox, tick_box_words
from triage.documents.parsed import InkMark, Page, Ruling, Word

__all__ = ["read_page"]

# pdfium joins a word hyphenated across a line break into one run and marks the hyphen
# with U+FFFE (U+0002 in older builds) instead of a line break: end the word after it.
_WORD = re.compile("[^\\s\x02\ufffe]+[\x02\ufffe]?|[\x02\ufffe]")
_HYPHEN = str.maketrans({"\x02": "-", "\ufffe": "-"})
_CONTROL = re.compile("[\x00-\x1f\uffff]")
# Control characters that are also white space: a word (a ``_WORD`` match) never holds one.
_SPACE_CONTROLS = str.maketrans(dict.fromkeys("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"))
_MAX_OBJECTS = 20_000
_MAX_FORM_DEPTH = 4
_THIN = 3.0
# A run of characters with no space between them is still two words when blank paper of
# more than these points (and this share of the font size) parts two of its characters;
# only runs this long are checked.
_CELL_GAP, _CELL_GAP_SHARE, _CHECK_GAPS_FROM = 0.4, 0.05, 8
# A tick box is a square path this size (points); smaller squares are bullets.
_TICK_MIN, _TICK_MAX = 4.5, 16.0
Matrix = tuple[float, float, float, float, float, float]
CharBox = tuple[float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass
class _Drawing:
    rulings: list[Box] = field(default_factory=list)
    boxes: list[DrawnBox] = field(default_factory=list)  # tick-box sized squares
    strokes: list[Box] = field(default_factory=list)  # small non-rectangular strokes
    ink: list[Box] = field(default_factory=list)  # curved strokes: drawn signatures
    has_image: bool = False
    visited: int = 0


def _is_axis_aligned(obj: Any) -> bool:
    """Return whether every segment of a path runs horizontally or vertically."""
    x, y = ctypes.c_float(), ctypes.c_float()
    previous: tuple[float, float] | None = None
    for index in range(int(pdfium_c.FPDFPath_CountSegments(obj))):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            return False
        kind = int(pdfium_c.FPDFPathSegment_GetType(segment))
        point = (x.value, y.value)
        if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            return False
        diagonal = (
            previous is not None
            and min(abs(point[0] - previous[0]), abs(point[1] - previous[1])) > 0.5
        )
        if kind == pdfium_c.FPDF_SEGMENT_LINETO and diagonal:
            return False
        previous = point
    return True


def _dark_fill(obj: Any, fill_mode: int) -> bool:
    """Return whether the path is filled with a dark colour (a mark, not a background)."""
    if not fill_mode:
        return False
    red, green, blue, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
        return False
    luminance = 0.299 * red.value + 0.587 * green.value + 0.114 * blue.value
    return alpha.value > 0 and luminance < 128


def _add_tick_shape(obj: Any, box: Box, fill_mode: int, drawing: _Drawing) -> bool:
    """Record a tick-box square or a small stroke inside one; return whether it was one."""
    width, height = box[2] - box[0], box[3] - box[1]
    if max(width, height) > _TICK_MAX:
        return False
    squarish = min(width, height) >= _TICK_MIN and abs(width - height) <= 0.3 * max(width, height)
    if squarish and _is_axis_aligned(obj):
        drawing.boxes.append(DrawnBox(box, _dark_fill(obj, fill_mode)))
        return True
    if max(width, height) >= 2.0:
        drawing.strokes.append(box)
    return False


def _page_frame(page: Any) -> PageFrame:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPage_GetMediaBox(page, left, bottom, right, top):
        # MediaBox inherited from the page tree: pdfium's page box resolves inheritance.
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDF_GetPageBoundingBox(page, rect)
        box = (rect.left, rect.bottom, rect.right, rect.top)
    else:
        box = (left.value, bottom.value, right.value, top.value)
    return PageFrame.from_mediabox(box, 90 * int(pdfium_c.FPDFPage_GetRotation(page)))


def _page_text(textpage: Any, count: int) -> str:
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = ctypes.string_at(buffer, 2 * count).decode("utf-16-le", errors="surrogatepass")
    if len(text) == count:
        return text
    # Characters outside the BMP take two UTF-16 units; fall back to one index per char.
    return "".join(
        chr(code) if 0 < code < 0x110000 else "\ufffd"
        for code in (int(pdfium_c.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    )


def _by_address(function: Any, restype: Any, *argtypes: Any) -> Any:
    """``function`` of the pdfium library, called with plain addresses for its pointers:
    ctypes then skips checking each pointer's type, about a quarter of a call's cost."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if address is None:
        raise ImportError(f"the pdfium library has no {function.__name__}")
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


_LOOSE_BOX = _by_address(
    pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
)
_FONT_SIZE = _by_address(
    pdfium_c.FPDFText_GetFontSize, ctypes.c_double, ctypes.c_void_p, ctypes.c_int
)
_CHAR_MATRIX = _by_address(
    pdfium_c.FPDFText_GetMatrix, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p
)


class _CharGeometry:
    """Boxes of the characters of one text page, read into ctypes buffers made once per
    page instead of once per word (there are thousands of words per document)."""

    def __init__(self, textpage: Any, frame: PageFrame) -> None:
        self.textpage = ctypes.cast(textpage, ctypes.c_void_p).value
        self.frame = frame
        self.box = pdfium_c.FS_RECTF()
        self.matrix = pdfium_c.FS_MATRIX()
        self.box_at, self.matrix_at = ctypes.addressof(self.box), ctypes.addressof(self.matrix)

    def loose_box(self, index: int) -> CharBox:
        """Return pdfium's loose box (left, bottom, right, top) of character ``index``."""
        box = self.box
        _LOOSE_BOX(self.textpage, index, self.box_at)
        return (box.left, box.bottom, box.right, box.top)

    def word_box(self, start: int, first: CharBox, last: CharBox) -> Box:
        """Return the pdfplumber box of the characters from ``start`` whose first and last
        characters have the loose boxes ``first`` and ``last``."""
        # min() and max() of two, written out (the same pick: the first unless the second
        # is smaller, or larger)
        left = last[0] if last[0] < first[0] else first[0]
        right = last[2] if last[2] > first[2] else first[2]
        bottom = last[1] if last[1] < first[1] else first[1]
        top = last[3] if last[3] > first[3] else first[3]
        if last[0] >= first[0] - 0.5:
            # The font size is in text space; the char matrix scales it to user space.
            matrix = self.matrix
            _CHAR_MATRIX(self.textpage, start, self.matrix_at)
            if abs(matrix.b) < 1e-3 and abs(matrix.c) < 1e-3 and matrix.d > 0:
                size = _FONT_SIZE(self.textpage, start)
                if size > 0:
                    top = bottom + size * matrix.d
        return self.frame.box(left, bottom, right, top)

    def run(self, start: int, end: int) -> tuple[list[int], CharBox, CharBox]:
        """Offsets inside ``[start, end)`` where a run without space characters is two runs
        of text set apart: table cells printed edge to edge ("KWC-DID-NUMSubscription"); and
        the loose boxes (left, bottom, right, top) of the run's first and last characters.

        Within one run of text the loose character boxes abut exactly (or keep one steady
        spacing); a jump of blank paper well beyond the run's own spacing starts a new word.
        """
        box, call, textpage, at = self.box, _LOOSE_BOX, self.textpage, self.box_at
        call(textpage, start, at)
        first = (box.left, box.bottom, box.right, box.top)
        gaps = []
        previous = first[2]
        for index in range(start + 1, end):
            call(textpage, index, at)
            gaps.append(box.left - previous)
            previous = box.right
        last = (box.left, box.bottom, box.right, box.top) if end - start > 1 else first
        # Every cut is a gap wider than _CELL_GAP: most runs have none, and need no more.
        if not gaps or max(gaps) <= _CELL_GAP:
            return [], first, last
        steady = sorted(abs(gap) for gap in gaps)[len(gaps) // 2]
        # max(_CELL_GAP, ...) is at least _CELL_GAP: only a wider gap needs the font size.
        cuts = [
            index
            for index, gap in enumerate(gaps, start + 1)
            if gap > _CELL_GAP
            and gap > max(_CELL_GAP, _CELL_GAP_SHARE * self._font_size(index))
            and gap > steady + _CELL_GAP
        ]
        return cuts, first, last

    def _font_size(self, index: int) -> float:
        return float(_FONT_SIZE(self.textpage, index)) or 10.0


def _words(textpage: Any, frame: PageFrame) -> list[Word]:
    count = int(pdfium_c.FPDFText_CountChars(textpage))
    if count <= 0:
        return []
    words = []
    geometry = _CharGeometry(textpage, frame)
    loose_box, word_box = geometry.loose_box, geometry.word_box
    text_of_page = _page_text(textpage, count)
    # Most pages hold no hyphen marks and no control characters inside words: then the
    # per-word clean-up below would return every word as it is.
    marked = "\x02" in text_of_page or "\ufffe" in text_of_page
    stray = _CONTROL.search(text_of_page.translate(_SPACE_CONTROLS)) is not None
    for match in _WORD.finditer(text_of_page):
        begin, finish = match.span()
        if finish - begin >= _CHECK_GAPS_FROM:
            cuts, first, last = geometry.run(begin, finish)
        else:
            cuts, first = [], loose_box(begin)
            last = first if finish - begin == 1 else loose_box(finish - 1)
        if cuts:  # (rare) each part's own first and last characters
            parts = [
                (start, end, loose_box(start), loose_box(end - 1))
                for start, end in zip([begin, *cuts], [*cuts, finish], strict=True)
            ]
        else:
            parts = [(begin, finish, first, last)]
        for start, end, first_box, last_box in parts:
            text = text_of_page[start:end]
            if marked:
                text = text.translate(_HYPHEN)
            if stray:
                text = _CONTROL.sub("", text)
            if text:
                words.append(Word(text, *word_box(start, first_box, last_box)))
    return words


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    linear = (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s)
    return (*linear, e * p + f * r + t, e * q + f * s + u)


def _transform(matrix: Matrix, left: float, bottom: float, right: float, top: float) -> Box:
    a, b, c, d, e, f = matrix
    xs, ys = [], []
    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _add_path(obj: Any, box: Box, drawing: _Drawing) -> None:
    fill, stroke, pen = ctypes.c_int(), ctypes.c_int(), ctypes.c_float()
    stroked = bool(pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke) and stroke.value)
    left, bottom, right, top = box
    if stroked and pdfium_c.FPDFPageObj_GetStrokeWidth(obj, pen):
        # Bounds of a stroked path include half the pen on every side; pdfplumber reports
        # the path's own points, so take the pen off again.
        half = min(pen.value / 2, (right - left) / 2, (top - bottom) / 2)
        left, bottom, right, top = left + half, bottom + half, right - half, top - half
    width, height = right - left, top - bottom
    if _add_tick_shape(obj, (left, bottom, right, top), fill.value, drawing):
        return
    if stroked and max(width, height) > _TICK_MAX and not _is_axis_aligned(obj):
        drawing.ink.append((left, bottom, right, top))
        return
    if min(width, height) <= _THIN and max(width, height) >= 2 * _THIN:
        # pdfium also lengthens a stroked segment by half the pen at each end (caps).
        cap = pen.value / 2 if stroked else 0.0
        if width <= height:
            middle = (left + right) / 2
            drawing.rulings.append((middle, bottom + cap, middle, top - cap))
        else:
            middle = (bottom + top) / 2
            drawing.rulings.append((left + cap, middle, right - cap, middle))
    elif stroked and 0 < int(pdfium_c.FPDFPath_CountSegments(obj)) <= 6:
        drawing.rulings += [
            (left, bottom, right, bottom),
            (left, top, right, top),
            (left, bottom, left, top),
            (right, bottom, right, top),
        ]


def _walk(parent: Any, in_form: bool, matrix: Matrix, depth: int, drawing: _Drawing) -> None:
    count_objects = pdfium_c.FPDFFormObj_CountObjects if in_form else pdfium_c.FPDFPage_CountObjects
    get_object = pdfium_c.FPDFFormObj_GetObject if in_form else pdfium_c.FPDFPage_GetObject
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(max(0, int(count_objects(parent)))):
        drawing.visited += 1
        if drawing.visited > _MAX_OBJECTS:
            return
        obj = get_object(parent, index)
        kind = int(pdfium_c.FPDFPageObj_GetType(obj)) if obj else 0
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            drawing.has_image = True
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                box = (left.value, bottom.value, right.value, top.value)
                _add_path(obj, _transform(matrix, *box), drawing)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            form = pdfium_c.FS_MATRIX()
            pdfium_c.FPDFPageObj_GetMatrix(obj, form)
            inner = (form.a, form.b, form.c, form.d, form.e, form.f)
            _walk(obj, True, _compose(inner, matrix), depth + 1, drawing)


def _ink_mark(box: Box) -> InkMark:
    x0, top, x1, bottom = box
    return InkMark(x0, top, x1, bottom, ink=(x1 - x0) + (bottom - top))


def read_page(document: Any, index: int) -> tuple[Page, list[str]]:
    """Return page ``index`` (0-based) of an open pdfium document and its warnings."""
    number = index + 1
    page = pdfium_c.FPDF_LoadPage(document, index)
    if not page:
        return Page(number, 0.0, 0.0, has_text_layer=False), [f"page {number} could not be read"]
    try:
        frame = _page_frame(page)
        textpage = pdfium_c.FPDFText_LoadPage(page)
        try:
            words = _words(textpage, frame) if textpage else []
        finally:
            if textpage:
                pdfium_c.FPDFText_ClosePage(textpage)
        drawing = _Drawing()
        _walk(page, False, _IDENTITY, 0, drawing)
    finally:
        pdfium_c.FPDF_ClosePage(page)
    rulings = tuple(Ruling(*frame.box(*box)) for box in drawing.rulings)
    if drawing.boxes:
        boxes = [DrawnBox(frame.box(*drawn.box), drawn.filled) for drawn in drawing.boxes]
        strokes = [frame.box(*box) for box in drawing.strokes]
        words = tick_box_words(boxes, strokes, words)
    scanned = not words and drawing.has_image
    result = Page(
        number,
        frame.width,
        frame.height,
        lines=group_lines(words),
        rulings=rulings,
        has_text_layer=not scanned,
        ink_marks=tuple(_ink_mark(frame.box(*box)) for box in drawing.ink),
    )
    return result, [f"page {number} has no text layer"] if scanned else []
