"""The reader's output: pages of positioned words, independent of the PDF library used.

Plain frozen dataclasses (not pydantic) because a document holds thousands of words and
crosses a process boundary: they must be cheap to build and to pickle.
Coordinates are PDF points from the page's top-left, as pdfplumber reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["InkMark", "Page", "ParsedDocument", "Ruling", "TextLine", "Word"]


@dataclass(frozen=True, slots=True)
class Word:
    """A run of non-space characters and its box ``[x0, top, x1, bottom]``.

    ``confidence`` is the recognition's confidence for a word read by OCR (1.0 for a word
    of the PDF's own text layer).
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    confidence: float = 1.0

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """Return the box as the contract's ``[x0, top, x1, bottom]`` tuple."""
        return (self.x0, self.top, self.x1, self.bottom)

    def __reduce__(self) -> tuple[type[Word], tuple[str, float, float, float, float, float]]:
        # Pickle as a constructor call: ~10x faster than the frozen-slots default, which
        # matters when a document of thousands of words crosses the sandbox's pipe.
        return (Word, (self.text, self.x0, self.top, self.x1, self.bottom, self.confidence))


@dataclass(frozen=True, slots=True)
class TextLine:
    """Words that share a baseline, left to right, in reading order on their page.

    ``text`` and ``bbox`` are computed on first use and kept: every stage of extraction
    asks a line for them again and again, and the words never change.
    """

    words: tuple[Word, ...]
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _bbox: tuple[float, float, float, float] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __reduce__(self) -> tuple[type[TextLine], tuple[tuple[Word, ...]]]:
        return (TextLine, (self.words,))

    @property
    def text(self) -> str:
        """Return the words joined by single spaces."""
        text = self._text
        if text is None:
            text = " ".join(w.text for w in self.words)
            object.__setattr__(self, "_text", text)
        return text

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """Return the box enclosing every word of the line."""
        box = self._bbox
        if box is None:
            words = self.words
            box = (
                min(w.x0 for w in words),
                min(w.top for w in words),
                max(w.x1 for w in words),
                max(w.bottom for w in words),
            )
            object.__setattr__(self, "_bbox", box)
        return box


@dataclass(frozen=True, slots=True)
class Ruling:
    """A drawn horizontal or vertical line segment (table borders, signature lines)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def __reduce__(self) -> tuple[type[Ruling], tuple[float, float, float, float]]:
        return (Ruling, (self.x0, self.top, self.x1, self.bottom))


@dataclass(frozen=True, slots=True)
class InkMark:
    """Ink on a scanned page that is neither recognised text nor a ruling (a handwritten
    mark, a stamp): its box and how many ink points (at 72 per inch) it covers."""

    x0: float
    top: float
    x1: float
    bottom: float
    ink: float

    def __reduce__(self) -> tuple[type[InkMark], tuple[float, float, float, float, float]]:
        return (InkMark, (self.x0, self.top, self.x1, self.bottom, self.ink))


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its size, its words in reading order grouped into lines, its rulings.

    ``source`` is ``"text"`` when the words come from the PDF's text layer and ``"ocr"``
    when they were recognised on the rendered page (then ``rotation`` is the turn, in
    degrees clockwise, that made the scan upright, and ``skew`` the small rotation, in
    degrees counter-clockwise about the page's centre, that levelled it after the turn; the
    words are placed on the upright, level page). ``ink_marks`` are drawn marks that are
    neither text nor rulings: a signature drawn as vector strokes on a digital page,
    handwriting on a scanned one. ``has_text_layer`` is False only for a page of images
    with no words at all, neither its own nor recognised ones. ``recogniser`` names, for an
    OCR page, the engine and its language models (``tesseract eng``): which letters it could
    have written (an English model has no accented letters but ``é``).
    """

    number: int
    width: float
    height: float
    lines: tuple[TextLine, ...] = ()
    rulings: tuple[Ruling, ...] = ()
    has_text_layer: bool = True
    source: str = "text"
    rotation: int = 0
    ink_marks: tuple[InkMark, ...] = ()
    skew: float = 0.0
    recogniser: str = ""

    @property
    def words(self) -> tuple[Word, ...]:
        """Return every word of the page in reading order."""
        return tuple(w for line in self.lines for w in line.words)

    @property
    def text(self) -> str:
        """Return the page's text, one line per text line."""
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A PDF read into pages; ``warnings`` say what could not be read (never raised)."""

    sha256: str
    filename: str
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = field(default=())

    @property
    def page_count(self) -> int:
        """Return the number of pages."""
        return len(self.pages)

    @property
    def text(self) -> str:
        """Return the whole document's text, pages separated by form feeds."""
        return "\f".join(page.text for page in self.pages)
