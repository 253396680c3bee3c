"""Prose blocks: consecutive single-run lines joined into text that spaCy reads, with a map
from every character back to the PDF word it came from."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from triage.documents.parsed import Page
from triage.extraction.layout.segments import BULLET, PlacedWord, Segment, split_line
from triage.extraction.lexicon_data import alternation, load_lexicon
from triage.extraction.normalise.numbers import NUMBER_WORDS

__all__ = ["TextBlock", "block_of", "focus", "text_blocks"]


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Text of one paragraph (or one label line) and the start offset of each word."""

    text: str
    starts: tuple[int, ...]
    words: tuple[PlacedWord, ...]

    def words_between(self, start: int, end: int) -> tuple[PlacedWord, ...]:
        """Return the words overlapping the character range ``[start, end)``."""
        first = max(bisect_right(self.starts, start) - 1, 0)
        last = bisect_right(self.starts, max(end - 1, start))
        return self.words[first:last]


_SENTENCE = re.compile(r"[^.;!?]+(?:[.;!?]+|$)")
_NUMBER_WORDS = "|".join(sorted(NUMBER_WORDS - {"a", "an", "single"}, key=len, reverse=True))
# What a sentence needs before the entity layer can find anything in it: a digit, a number
# in words, or a billing-frequency word. Boilerplate without any of these is skipped.
# A payment term of no days ("payable upon receipt") has neither.
_CUES = (
    r"monthly|quarter|annual|yearly|semi|twice|once|one[\s\-]time"
    r"|\b(?:every|each|per)\s+(?:calendar\s+)?(?:month|quarter|year|annum)"
    rf"|\b(?:{alternation(load_lexicon().payment_words['on_receipt'])})\b"
)
_WORTH_READING = re.compile(rf"\d|\b(?:{_NUMBER_WORDS})\b|{_CUES}", re.IGNORECASE)
# The same test for a sentence in ASCII, in parts and on its lower-cased text: a pattern
# matched without IGNORECASE skips most positions at once (most sentences have none).
_DIGIT = re.compile(r"\d")
_LOWER_CUES = re.compile(rf"{_CUES}|\b(?:{_NUMBER_WORDS})\b")


def _worth_reading(sentence: str) -> bool:
    """Return whether ``sentence`` may hold an entity (``_WORTH_READING`` finds something)."""
    if not sentence.isascii():  # case-insensitive matching of other scripts: the full test
        return _WORTH_READING.search(sentence) is not None
    return bool(_DIGIT.search(sentence) or _LOWER_CUES.search(sentence.lower()))


def focus(block: TextBlock) -> list[TextBlock]:
    """Return the runs of consecutive sentences of ``block`` that may hold an entity."""
    runs: list[TextBlock] = []
    start = end = -1
    for sentence in _SENTENCE.finditer(block.text):
        if _worth_reading(sentence.group(0)):
            if start < 0:
                start = sentence.start()
            end = sentence.end()
        elif start >= 0:
            runs.append(_block(list(block.words_between(start, end))))
            start = -1
    if start >= 0:
        runs.append(
            block
            if start == 0 and end == len(block.text)
            else _block(list(block.words_between(start, end)))
        )
    return runs


def block_of(words: list[PlacedWord]) -> TextBlock:
    """Return the text block of ``words`` (in reading order)."""
    return _block(words)


def _block(words: list[PlacedWord]) -> TextBlock:
    starts, parts, offset = [], [], 0
    for _, _, word in words:
        starts.append(offset)
        parts.append(word.text)
        offset += len(word.text) + 1
    return TextBlock(" ".join(parts), tuple(starts), tuple(words))


# A paragraph's number set off from its text by a tab ("1.3   Fees for each year ..."):
# the gap after it is an indent, not a column, and the paragraph's margin is its text's.
_PARAGRAPH_NUMBER = re.compile(
    rf"^(?:\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\.?|\(?[a-z]{{1,2}}\)|\(?[ivx]{{1,4}}\)|{BULLET})$"
)


def _runs(segments: Sequence[Segment]) -> tuple[int, float | None]:
    """The number of runs of a line, a numbered paragraph's number not counted, and the
    left edge of its text after that number (None when it has none)."""
    first = segments[0].words if segments else ()
    if len(segments) == 2 and len(first) == 1 and _PARAGRAPH_NUMBER.match(first[0].text):
        return 1, segments[1].x0
    return len(segments), None


def _continues_column(previous_last: str, first: str, top: float, previous_top: float) -> bool:
    """A line at the top of the next column that carries on the sentence the previous
    column left unfinished ("... invoices" | "are payable within thirty days")."""
    return top < previous_top and previous_last[-1:] not in ".;:!?" and first[:1].islower()


def text_blocks(pages: Sequence[Page]) -> list[TextBlock]:
    """Return the document's prose paragraphs and short lines; table rows are left out.

    A paragraph ends at a vertical gap wider than a line, a change of left margin, or a
    line that splits into several runs (a table row or a label/value line); a sentence
    that runs on from the foot of one column to the head of the next stays one paragraph.
    """
    pages_blocks = [_page_blocks(page) for page in pages]
    for index in range(len(pages) - 1):
        _join_across_the_break(pages_blocks[index], pages_blocks[index + 1], pages, index)
    return [block for page_blocks in pages_blocks for block in page_blocks]


# Running headers and footers live in the page margins (this share of the page's height).
_MARGIN = 0.08


def _body(blocks: list[TextBlock], page: Page) -> list[int]:
    """Indexes of the blocks outside the page's running header and footer."""
    low, high = _MARGIN * page.height, (1 - _MARGIN) * page.height
    return [i for i, b in enumerate(blocks) if low <= b.words[0][2].top <= high]


def _join_across_the_break(
    this: list[TextBlock], following: list[TextBlock], pages: Sequence[Page], index: int
) -> None:
    """A sentence left unfinished at the foot of a page ("... shall not") that the next
    page carries on in lower case ("exceed the fees ...") past the running footer and
    header is one paragraph: the two blocks are joined, the first in the place of both."""
    here, there = _body(this, pages[index]), _body(following, pages[index + 1])
    if not here or not there:
        return
    last, first = this[here[-1]], following[there[0]]
    if last.text[-1:] in ".;:!?" or not first.text[:1].islower():
        return
    this[here[-1]] = _block([*last.words, *first.words])
    del following[there[0]]


def _page_blocks(page: Page) -> list[TextBlock]:
    """The prose blocks of one page (see ``text_blocks``)."""
    blocks: list[TextBlock] = []
    current: list[PlacedWord] = []
    previous: tuple[float, float, float, float] | None = None  # x0, top, bottom, runs
    for index, line in enumerate(page.lines):
        segments = split_line(line, page.number, index)
        runs, text_x0 = _runs(segments)
        x0, top, _, bottom = line.bbox
        height = bottom - top
        joins = (
            previous is not None
            and len(segments) == 1
            and previous[3] == 1
            and (
                (top - previous[2] < 0.6 * height and abs(x0 - previous[0]) < 3 * height)
                or (
                    bool(current)
                    and _continues_column(current[-1][2].text, line.words[0].text, top, previous[1])
                )
            )
        )
        if not joins and current:
            blocks.append(_block(current))
            current = []
        if len(segments) >= 3:
            previous = None  # a table row: read by the table layer, not as prose
            continue
        current.extend((page.number, index, w) for w in line.words)
        previous = (x0 if text_x0 is None else text_x0, top, bottom, runs)
    if current:
        blocks.append(_block(current))
    return blocks
