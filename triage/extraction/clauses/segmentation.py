"""Split a ParsedDocument into clause candidates: paragraphs and numbered sections.

Rules, in the order they apply to each page's lines:

* a page set in two columns (a gutter most lines have a clear gap at, in the middle of
  the page) is read column by column, left first;
* table rows (several wide gaps between words) and signature-block lines are dropped;
* short ``Key: value`` lines are terms, not prose, and are dropped;
* a new paragraph starts after a vertical gap clearly larger than the page's usual line
  gap, at a numbered or bulleted line, at a line indented against the line before it (a
  hanging indent is one paragraph), or after a short line that ends a sentence;
* a one-line block that looks like a heading is attached to the paragraph after it;
* a paragraph cut by a page break continues on the next page when it does not end a
  sentence and the next page's first line does not start a new one.
"""

from __future__ import annotations

import itertools
import re
import statistics
from dataclasses import dataclass

import numpy as np

from triage.documents.parsed import Page, ParsedDocument, TextLine

__all__ = ["ClauseCandidate", "segment_document"]

_NUMBERED = re.compile(
    r"^(\(?\d+(\.\d+)*[.)]?|\(?[a-z]\)|\([ivx]+\)|[ivx]+\.|[A-Z]\.|Section \d+|[•\-–*▪])\s"
)
_SIGNATURE = re.compile(
    r"^(by|name|title|date|signature|signed|print name|authori[sz]ed signature)\b", re.IGNORECASE
)
_SIGNATURE_LINE = "____"  # a line drawn to sign on, anywhere in the line
_KEY_VALUE = re.compile(r"^[A-Z][\w&/()' .-]{0,40}:\s*\S")
_SENTENCE_END = (".", ";", ":", "!", "?")
_TABLE_GAP = 14.0
_COLUMN_GAP = 10.0
_COLUMN_MIN_LINES = 8
_MIN_WORDS = 6


@dataclass(frozen=True, slots=True)
class ClauseCandidate:
    """A paragraph to classify: its text (heading first), its lines with page numbers, and
    the last heading seen before it (the section it sits in, "" before any)."""

    text: str
    lines: tuple[tuple[int, TextLine], ...]
    section: str = ""


def _is_table_row(line: TextLine) -> bool:
    words = line.words
    gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(words)]
    return sum(gap > _TABLE_GAP for gap in gaps) >= 2


def _is_dropped(line: TextLine) -> bool:
    text = line.text
    if _is_table_row(line) or _SIGNATURE.match(text) or _SIGNATURE_LINE in text:
        return True
    return bool(_KEY_VALUE.match(text)) and len(line.words) <= 8


def _looks_like_heading(block: list[TextLine]) -> bool:
    if len(block) != 1:
        return False
    text = block[0].text.rstrip()
    words = text.split()
    if len(words) > 8 or text.endswith((",", ";")):
        return False
    return text.isupper() or not text.endswith(".") or len(words) <= 4


def _gutter(page: Page) -> float | None:
    """Return the x of the gap between two text columns, or None for a one-column page.

    A gutter is an x in the middle of the page that almost no word crosses (a title across
    both columns may), with lines on both sides of it: at least a fifth of the lines reach
    to its left and a fifth start to its right (a line of each column on one baseline
    counts for both, when a clear gap separates them).
    """
    lines = [ln for ln in page.lines if ln.words]
    if len(lines) < _COLUMN_MIN_LINES:
        return None
    xs = np.arange(page.width * 0.3, page.width * 0.7 + 1e-9, 2.0)
    # One row per word (and per gap too narrow to part columns), tested against every x at
    # once; each line's rows are then or-ed together.
    x0 = np.array([w.x0 for ln in lines for w in ln.words])
    x1 = np.array([w.x1 for ln in lines for w in ln.words])
    sizes = np.array([len(ln.words) for ln in lines])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    hit = np.logical_or.reduceat((xs > x0[:, None]) & (xs < x1[:, None]), starts, axis=0)
    narrow = [
        (number, before.x1, after.x0)
        for number, line in enumerate(lines)
        for before, after in itertools.pairwise(line.words)
        if after.x0 - before.x1 < _COLUMN_GAP
    ]
    if narrow:
        number, gap_x0, gap_x1 = (np.array(column) for column in zip(*narrow, strict=True))
        inside = (xs >= gap_x0[:, None]) & (xs <= gap_x1[:, None])
        # the gaps come line by line: or each line's rows together, then into its row of hit
        rows, first = np.unique(number, return_index=True)
        hit[rows] |= np.logical_or.reduceat(inside, first, axis=0)
    crossed = hit.sum(axis=0)
    free = ~hit
    left = (free & (xs >= np.minimum.reduceat(x1, starts)[:, None])).sum(axis=0)
    right = (free & (xs <= np.maximum.reduceat(x0, starts)[:, None])).sum(axis=0)
    ok = (crossed <= len(lines) * 0.1) & (np.minimum(left, right) >= len(lines) * 0.2)
    valid = xs[ok]
    return float(valid[len(valid) // 2]) if len(valid) else None


def _columns(page: Page) -> list[list[TextLine]]:
    """Return the page's lines column by column (left column first), each top-down."""
    gutter = _gutter(page)
    if gutter is None:
        return [list(page.lines)]
    left: list[TextLine] = []
    right: list[TextLine] = []
    for line in page.lines:
        if any(w.x0 < gutter < w.x1 for w in line.words):
            left.append(line)  # a line across the gutter (a title) reads before the columns
            continue
        words_left = tuple(w for w in line.words if w.x1 <= gutter)
        words_right = tuple(w for w in line.words if w.x0 >= gutter)
        if words_left:
            left.append(TextLine(words_left))
        if words_right:
            right.append(TextLine(words_right))
    return [left, right] if right else [left]


def _blocks(page: Page) -> list[list[TextLine]]:
    """Return the page's kept lines grouped into paragraph blocks, column by column."""
    return [block for column in _columns(page) for block in _column_blocks(column)]


def _column_blocks(lines: list[TextLine]) -> list[list[TextLine]]:
    """Return one column's kept lines grouped into paragraph blocks."""
    heights = [ln.bbox[3] - ln.bbox[1] for ln in lines] or [10.0]
    gaps = [b.bbox[1] - a.bbox[3] for a, b in itertools.pairwise(lines)]
    usual_gap = statistics.median(gaps) if gaps else 2.0
    break_gap = max(usual_gap * 1.6, usual_gap + 0.45 * statistics.median(heights))
    right_edge = max((ln.bbox[2] for ln in lines), default=0.0)
    blocks: list[list[TextLine]] = []
    previous: TextLine | None = None
    for line in lines:
        if _is_dropped(line):
            previous = None
            continue
        if (
            previous is None
            or not blocks
            or _starts_paragraph(line, previous, blocks[-1], break_gap, right_edge)
        ):
            blocks.append([line])
        else:
            blocks[-1].append(line)
        previous = line
    return blocks


def _starts_paragraph(
    line: TextLine, previous: TextLine, block: list[TextLine], break_gap: float, right_edge: float
) -> bool:
    ended = previous.text.rstrip().endswith(_SENTENCE_END)
    if line.bbox[1] - previous.bbox[3] > break_gap or (ended and _NUMBERED.match(line.text)):
        return True
    # indented against the line before it: a first-line indent (a hanging indent, body
    # lines deeper than the first, keeps the paragraph together)
    if line.bbox[0] > block[-1].bbox[0] + 8 and len(block) > 1:
        return True
    return ended and previous.bbox[2] < right_edge * 0.75


def _continues(block: list[TextLine], nxt: list[TextLine]) -> bool:
    ends = block[-1].text.rstrip().endswith(_SENTENCE_END)
    first = nxt[0].text
    return not ends and first[:1].islower() and not _NUMBERED.match(first)


def segment_document(document: ParsedDocument) -> list[ClauseCandidate]:
    """Return the document's paragraphs (headings attached) with at least six words of prose."""
    paged: list[list[tuple[int, TextLine]]] = []
    for page in document.pages:
        for index, block in enumerate(_blocks(page)):
            entry = [(page.number, line) for line in block]
            if index == 0 and paged and _continues([ln for _, ln in paged[-1]], block):
                paged[-1].extend(entry)
            else:
                paged.append(entry)
    candidates: list[ClauseCandidate] = []
    pending_heading: list[tuple[int, TextLine]] = []
    section = ""
    for paragraph in paged:
        if _looks_like_heading([ln for _, ln in paragraph]):
            pending_heading = paragraph
            section = paragraph[0][1].text.strip()
            continue
        first = paragraph[0][1]
        if len(paragraph) > 1 and _looks_like_heading([first]) and first.text[-1:] not in ".;":
            section = first.text.strip()  # a heading run into its first paragraph
        merged = tuple(pending_heading + paragraph)
        pending_heading = []
        text = " ".join(ln.text for _, ln in merged)
        if len(text.split()) >= _MIN_WORDS:
            candidates.append(ClauseCandidate(text, merged, section))
    return candidates
