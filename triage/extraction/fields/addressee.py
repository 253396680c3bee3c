"""The customer named by the block a letter or quote is addressed to.

A quote's "Prepared for" / "Quote to:" block and a letter's inside address name the
customer: a person's line ("Ms. Katrin Oberholzer"), often a title, then the company
("Donautal Logistik GmbH"), then its address. The block is found by its opening — an
addressee label or a form of address — and followed down its own column, line by line,
while the lines stay close together; the company is the first of its lines that is a
company's name (it ends in a legal form).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from triage.documents.parsed import Page
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.lexicon import ADDRESSEE_LABELS, normalise_label
from triage.extraction.fields.parties import COMPANY_NAME, opens_with_honorific
from triage.extraction.layout.segments import Segment, split_line

__all__ = ["addressee_candidates"]

# The address sits at the top of the first page, above the text of the letter or quote.
_TOP_LINES = 30
_BLOCK_LINES = 6  # person, title, department, company, street, town
_ALIGN = 3.0  # points: the block's lines start at one x
_LINE_GAP = 1.8  # line heights: a wider vertical gap ends the block
_SCORE = 0.6


def _is_addressee_label(segment: Segment) -> bool:
    return normalise_label(segment.text.rstrip(":")) in ADDRESSEE_LABELS


def _column_down(rows: Sequence[list[Segment]], row: int, first: Segment) -> list[Segment]:
    """``first`` and the segments under it that start at its x, line after line, while the
    lines stay close together."""
    block = [first]
    for segments in rows[row + 1 : row + _BLOCK_LINES]:
        previous = block[-1]
        height = max(previous.bottom - previous.top, 1.0)
        below = [s for s in segments if abs(s.x0 - first.x0) <= _ALIGN]
        if not below or below[0].top - previous.bottom > _LINE_GAP * height:
            break
        block.append(below[0])
    return block


def _blocks(page: Page) -> Iterator[list[Segment]]:
    """The lines of each addressee block at the top of ``page``, from its first line down."""
    rows = [split_line(line, page.number, index) for index, line in enumerate(page.lines)]
    rows = rows[:_TOP_LINES]
    taken: set[tuple[int, float]] = set()  # a person's line under a label opens no second block
    for row, segments in enumerate(rows):
        for position, segment in enumerate(segments):
            block: list[Segment] = []
            if _is_addressee_label(segment):
                if position + 1 < len(segments):  # "Quote to:   Dr. Priya Natarajan"
                    block = _column_down(rows, row, segments[position + 1])
                else:  # "Prepared for" over its block
                    block = _column_down(rows, row, segment)[1:]
            elif opens_with_honorific(segment.text) and (segment.line, segment.x0) not in taken:
                block = _column_down(rows, row, segment)
            taken.update((s.line, s.x0) for s in block)
            if block:
                yield block


def addressee_candidates(pages: Sequence[Page]) -> Iterator[Candidate]:
    """Yield the customer named as the company line of an addressee block on the first page."""
    first = pages[0] if pages and pages[0].number == 1 else None
    if first is None:
        return
    for block in _blocks(first):
        for segment in block:
            match = COMPANY_NAME.match(segment.text)
            if match is None or match.end("name") < len(segment.text.rstrip(" ,.")):
                continue  # a company's name is the whole line
            name = match.group("name").strip(" ,")
            words = tuple(segment.placed(segment.words[: len(name.split())]))
            yield Candidate("customer_legal_name", name, _SCORE, Source.SENTENCE, words)
            break
