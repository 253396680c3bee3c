"""Runs of words: a text line split at wide gaps (columns, label/value cells), and the
evidence of the words a value was read from (one union box per line, on its page)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from triage.contract import Evidence
from triage.documents.parsed import TextLine, Word

__all__ = ["LIST_MARK", "PlacedWord", "Segment", "evidence_for", "split_line"]

PlacedWord = tuple[int, int, Word]
"""A word with its 1-based page number and the index of its line on that page."""


@dataclass(frozen=True, slots=True)
class Segment:
    """Consecutive words of one line with no wide gap between them."""

    page: int
    line: int
    words: tuple[Word, ...]
    # text, top and bottom, kept once computed: every layer asks again (the words are fixed)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _top: float | None = field(default=None, init=False, repr=False, compare=False)
    _bottom: float | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """Return the words joined by single spaces."""
        text = self._text
        if text is None:
            text = " ".join(w.text for w in self.words)
            object.__setattr__(self, "_text", text)
        return text

    @property
    def x0(self) -> float:
        """Return the left edge."""
        return self.words[0].x0

    @property
    def x1(self) -> float:
        """Return the right edge."""
        return self.words[-1].x1

    @property
    def top(self) -> float:
        """Return the top edge."""
        top = self._top
        if top is None:
            top = min(w.top for w in self.words)
            object.__setattr__(self, "_top", top)
        return top

    @property
    def bottom(self) -> float:
        """Return the bottom edge."""
        bottom = self._bottom
        if bottom is None:
            bottom = max(w.bottom for w in self.words)
            object.__setattr__(self, "_bottom", bottom)
        return bottom

    def placed(self, words: tuple[Word, ...] | None = None) -> list[PlacedWord]:
        """Return ``words`` (default: all of them) tagged with this segment's page and line."""
        return [(self.page, self.line, w) for w in (self.words if words is None else words)]


def _gap_limit(line: TextLine) -> float:
    # A column gap is wider than a couple of spaces of the line's own font size.
    height = min(w.bottom - w.top for w in line.words)
    return max(4.0, 0.85 * height)


# A recognised word's box ends at its last ink; a text layer's at its last advance. A
# trailing comma has little ink in a wide advance ("1," + "2026"), so after it a scan's
# gap is this share of the line's height wider than the text layer's.
_COMMA_INK_SHORTFALL = 0.18


def _gap(left: Word, right: Word, line: TextLine) -> float:
    """The gap between two words of ``line``, measured as a text layer would measure it."""
    gap = right.x0 - left.x1
    if left.confidence < 1.0 and left.text.endswith(","):
        gap -= _COMMA_INK_SHORTFALL * min(w.bottom - w.top for w in line.words)
    return gap


def split_line(line: TextLine, page: int, index: int) -> list[Segment]:
    """Return the segments of ``line`` (page 1-based, index of the line on its page)."""
    cached = _CACHE.get(id(line))
    if cached is None or cached[0] is not line or cached[1] != (page, index):
        if len(_CACHE) >= _CACHE_SIZE:
            _CACHE.clear()
        cached = (line, (page, index), _split(line, page, index))
        _CACHE[id(line)] = cached
    return list(cached[2])


# Every layer splits the same lines. The cache is keyed by identity (hashing a line hashes
# all its words) and holds the line itself, so a recycled id can never return stale runs.
_CACHE_SIZE = 4096
_CACHE: dict[int, tuple[TextLine, tuple[int, int], tuple[Segment, ...]]] = {}


def _is_justified(line: TextLine) -> bool:
    """A justified line of prose: every word gap stretched alike, mostly words of letters.
    A table row's gaps differ from cell to cell, and its cells are mostly numbers."""
    words = line.words
    if len(words) < _JUSTIFIED_MIN_WORDS:
        return False
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    if _LIST_MARK.match(words[0].text):
        gaps = gaps[1:]  # the indent after a bullet or "(a)" is no word gap
    if min(gaps) <= 0 or max(gaps) > _JUSTIFIED_SPREAD * min(gaps):
        return False
    lettered = sum(1 for w in words if any(c.isalpha() for c in w.text))
    return lettered >= 0.7 * len(words)


_JUSTIFIED_MIN_WORDS, _JUSTIFIED_SPREAD = 6, 1.6
BULLET = r"[•·▪◦‣\-–—*]"
"""A bullet as a regular expression (OCR often reads one as "*" or "—")."""
LIST_MARK = rf"(?:{BULLET}|\(?[a-z]{{1,2}}\)|\(?[ivx]{{1,4}}\)|\d{{1,2}}[.)])"
"""A list item's marker: a bullet, "(a)", "(iv)", "3." (as a regular expression)."""
_LIST_MARK = re.compile(rf"^{LIST_MARK}$")


def _split(line: TextLine, page: int, index: int) -> tuple[Segment, ...]:
    if not line.words:
        return ()
    if _is_justified(line):
        return (Segment(page, index, line.words),)
    limit = _gap_limit(line)
    segments: list[Segment] = []
    current: list[Word] = [line.words[0]]
    for word in line.words[1:]:
        if _gap(current[-1], word, line) > limit:
            segments.append(Segment(page, index, tuple(current)))
            current = []
        current.append(word)
    segments.append(Segment(page, index, tuple(current)))
    return _with_padded_labels(segments)


# A run that opens with a label's colon, or leaders and a colon (": 01-MAR-2027",
# ". . : CAD"), is the value of a label padded out to align the colons of a field block.
_PADDED_COLON = re.compile(r"^(?:\.\s*)*:")


def _with_padded_labels(segments: list[Segment]) -> tuple[Segment, ...]:
    joined: list[Segment] = []
    for seg in segments:
        if joined and _PADDED_COLON.match(seg.text) and not joined[-1].text.endswith(":"):
            last = joined.pop()
            seg = Segment(seg.page, seg.line, last.words + seg.words)
        joined.append(seg)
    return tuple(joined)


def evidence_for(words: Iterable[PlacedWord]) -> list[Evidence]:
    """Return one Evidence per (page, line) the words sit on, boxes as union of the words."""
    grouped: dict[tuple[int, int], list[Word]] = {}
    for page, line, word in words:
        grouped.setdefault((page, line), []).append(word)
    evidence = []
    for (page, _), line_words in sorted(grouped.items()):
        line_words.sort(key=lambda w: w.x0)
        evidence.append(
            Evidence(
                page=page,
                bbox=(
                    round(min(w.x0 for w in line_words), 2),
                    round(min(w.top for w in line_words), 2),
                    round(max(w.x1 for w in line_words), 2),
                    round(max(w.bottom for w in line_words), 2),
                ),
                text=" ".join(w.text for w in line_words),
            )
        )
    return evidence
