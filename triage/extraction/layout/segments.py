"""Split a text line into segments at wide horizontal gaps (columns, label/value cells)."""

from __future__ import annotations

from dataclasses import dataclass

from triage.documents.parsed import TextLine, Word
from triage.extraction.layout.evidence import PlacedWord

__all__ = ["Segment", "split_line"]


@dataclass(frozen=True, slots=True)
class Segment:
    """Consecutive words of one line with no wide gap between them."""

    page: int
    line: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        """Return the words joined by single spaces."""
        return " ".join(w.text for w in self.words)

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
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        """Return the bottom edge."""
        return max(w.bottom for w in self.words)

    def placed(self, words: tuple[Word, ...] | None = None) -> list[PlacedWord]:
        """Return ``words`` (default: all of them) tagged with this segment's page and line."""
        return [(self.page, self.line, w) for w in (self.words if words is None else words)]


def _gap_limit(line: TextLine) -> float:
    # A column gap is wider than a couple of spaces of the line's own font size.
    height = min(w.bottom - w.top for w in line.words)
    return max(4.0, 0.85 * height)


def split_line(line: TextLine, page: int, index: int) -> list[Segment]:
    """Return the segments of ``line`` (page 1-based, index of the line on its page)."""
    if not line.words:
        return []
    limit = _gap_limit(line)
    segments: list[Segment] = []
    current: list[Word] = [line.words[0]]
    for word in line.words[1:]:
        if word.x0 - current[-1].x1 > limit:
            segments.append(Segment(page, index, tuple(current)))
            current = []
        current.append(word)
    segments.append(Segment(page, index, tuple(current)))
    return segments
