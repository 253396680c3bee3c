"""The customer's signature block: who signed for the customer, and when, and whether at all.

A signature block is a column of labels (``Signature``, ``Name``, ``Title``, ``Date``) under
a heading naming its party (the role word, the party's own name, or "for and on behalf
of"); the heading is looked for above the label in the same column, so blocks side by side
or in a table with one column per party are told apart. A label's value may sit beside it
(``Name: X``), under it (a label row over a value row) or above it (a caption printed
under a filled line). A typed name is not a signature: when the block has a signature
label and nothing is written at it, the customer did not sign, and the block yields no
signatory and no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import groupby

from triage.documents.ocr.signatures import signed_in_ink
from triage.documents.parsed import Page
from triage.extraction.fields.block_labels import label_head, squash
from triage.extraction.fields.candidates import Candidate, Source, parse_field_value
from triage.extraction.fields.lexicon import (
    SIGNATURE_BLOCK_LABELS,
    SIGNATURE_DATE_LABELS,
    SIGNATURE_MARK_LABELS,
    SIGNATURE_NAME_LABELS,
)
from triage.extraction.layout.keyvalue import Arrangement, KeyValue
from triage.extraction.layout.segments import PlacedWord, Segment, split_line
from triage.extraction.normalise import DateStyle

__all__ = ["signature_candidates"]

_CUSTOMER = re.compile(
    r"\b(?:customer|client|licensee|subscriber|buyer|purchaser)\b", re.IGNORECASE
)
_PROVIDER = re.compile(r"\b(?:provider|supplier|vendor|licensor|seller)\b", re.IGNORECASE)
# A signing party's heading: "for and on behalf of X", "Accepted and agreed by", "Signed
# for X"; not a status printed in the block ("Signed electronically").
_BEHALF = re.compile(
    r"\bon\s+behalf\s+of\b|^(?:accepted|agreed|signed)(?:\s+and\s+(?:accepted|agreed))?"
    r"(?:\s+(?:by|for)\b|\s*:|\s*$)",
    re.IGNORECASE,
)
_LOOK_UP_LINES = 12
_HEADING_WORDS = 14  # a longer run over a block is a sentence, not the block's heading
_WINDOW_LINES = 4  # how far from its label a signature or a caption's value may be
_WINDOW_GAP = 28.0  # points of empty paper that end a signature block
_AREA_WIDTH = 230.0  # points right of a block's first label where its signature may go


def _names(text: str, name: str | None) -> bool:
    """True when ``text`` names ``name``, even cut short by a line wrap."""
    if not name:
        return False
    wanted = squash(name)
    return wanted[: max(8, (2 * len(wanted)) // 3)] in squash(text)


def _heading_above(
    page: Page, line: int, x0: float, names: tuple[str | None, str | None]
) -> tuple[str, float] | None:
    """The party whose block heading stands above ``x0`` on the lines over ``line``, and the
    right edge of that block: where the next run of the heading's line starts (the other
    party's heading, when the blocks stand side by side).

    A heading over the label's own column is looked for first; failing that, a heading
    heads its block from its left edge to the next heading beside it (or to the page's
    edge when it stands alone), so a block laid out in two columns of labels under one
    heading is read as one.
    """
    return _heading_search(page, line, x0, names, wide=False) or _heading_search(
        page, line, x0, names, wide=True
    )


def _heading_search(
    page: Page, line: int, x0: float, names: tuple[str | None, str | None], *, wide: bool
) -> tuple[str, float] | None:
    customer_name, provider_name = names
    for index in range(line - 1, max(-1, line - 1 - _LOOK_UP_LINES), -1):
        row = split_line(page.lines[index], page.number, index)
        for position, seg in enumerate(row):
            beside = position + 1 < len(row)
            right = row[position + 1].x0 - 1 if beside else page.width
            # (A label may stand a little left of the heading beside its own.)
            reach = max(seg.x1, right - 25) if wide else seg.x1 + 12
            if not (seg.x0 - 25 <= x0 <= reach):
                continue
            if len(seg.words) > _HEADING_WORDS:
                return None  # the text above the blocks ("By signing below, Customer ...")
            text = seg.text
            if _names(text, customer_name) or _CUSTOMER.search(text):
                return "customer", right
            if _names(text, provider_name) or _PROVIDER.search(text):
                return "provider", right
            if _BEHALF.search(text) and provider_name:
                return "customer", right  # a signing party that is not the provider
    return None


def _party_above(
    page: Page, line: int, x0: float, names: tuple[str | None, str | None]
) -> str | None:
    heading = _heading_above(page, line, x0, names)
    return heading[0] if heading else None


def _label_of(text: str) -> str | None:
    """Return the block label ``text`` starts with (``"Date (YYYY-MM-DD):"`` → ``date``)."""
    head = label_head(text)
    return head if head in SIGNATURE_BLOCK_LABELS or head in {"title", "position"} else None


@dataclass(frozen=True, slots=True)
class _Column:
    """Where a label sits: its page, line, and the x-range of its column."""

    page: Page
    line: int
    x0: float
    x1: float
    top: float
    bottom: float


def _column(page: Page, rows: list[list[Segment]], line: int, seg: Segment) -> _Column:
    """The label's column: from a little left of it to the next run on its line."""
    row = rows[line]
    after = [s.x0 for s in row if s.x0 > seg.x0 + 1]
    right = min(after) - 1 if after else page.width
    return _Column(page, line, seg.x0 - 12, right, seg.top, seg.bottom)


def _in_column(seg: Segment, column: _Column) -> bool:
    return column.x0 <= seg.x0 < column.x1


def _is_heading(text: str, names: tuple[str | None, str | None]) -> bool:
    return bool(
        _label_of(text)
        or _BEHALF.search(text)
        or (len(text) > 1 and text.endswith(":"))
        or _CUSTOMER.match(text)
        or _PROVIDER.match(text)
        or any(_names(text, name) for name in names)
    )


def _nearby(
    rows: list[list[Segment]], column: _Column, step: int, names: tuple[str | None, str | None]
) -> Iterator[Segment]:
    """Runs in the label's column on the lines above (step -1) or below (step 1), up to the
    next line that holds a block label or the block's heading."""
    edge = column.top if step < 0 else column.bottom
    for index in range(column.line + step, column.line + step * (_WINDOW_LINES + 1), step):
        if not 0 <= index < len(rows) or not rows[index]:
            return
        inside = [s for s in rows[index] if _in_column(s, column)]
        top, bottom = min(s.top for s in rows[index]), max(s.bottom for s in rows[index])
        if (edge - bottom if step < 0 else top - edge) > _WINDOW_GAP:
            return  # past the block: a footer, the next section
        if any(_is_heading(s.text, names) for s in inside):
            return
        edge = top if step < 0 else bottom
        yield from inside


@dataclass(frozen=True, slots=True)
class _Label:
    """A label of the customer's signature block, where it is and how its rows run."""

    name: str
    column: _Column
    seg: Segment
    rows: list[list[Segment]]


def _block_labels(page: Page, names: tuple[str | None, str | None]) -> list[_Label]:
    """Return the customer's block labels on ``page`` with their columns."""
    rows = [split_line(line, page.number, i) for i, line in enumerate(page.lines)]
    found = []
    for index, row in enumerate(rows):
        for seg in row:
            label = _label_of(seg.text)
            heading = _heading_above(page, index, seg.x0, names) if label else None
            if label is None or heading is None or heading[0] != "customer":
                continue
            column = _column(page, rows, index, seg)
            if heading[1] < column.x1:  # the block ends where the next party's begins
                column = replace(column, x1=max(heading[1], seg.x1))
            found.append(_Label(label, column, seg, rows))
    return found


def _captions_under(labels: list[_Label], names: tuple[str | None, str | None]) -> bool:
    """Whether the block prints its labels under the values (captions under filled lines).

    A block that writes values under its labels starts with a label right under its
    heading; one that captions its values starts with a value (a signature, a name) and
    ends with a row of captions with nothing under it.
    """
    if not labels:
        return False
    first = min(labels, key=lambda label: label.column.line)
    if any(True for _ in _nearby(first.rows, first.column, -1, names)):
        return True
    last = max(labels, key=lambda label: label.column.line)
    return not any(True for _ in _nearby(last.rows, last.column, 1, names)) and any(
        True for _ in _nearby(last.rows, last.column, -1, names)
    )


def _is_signed(label: _Label, above: bool, names: tuple[str | None, str | None]) -> bool:
    """Whether anything is written at a signature label: after it on its line, or in its
    column on the side where this block writes its values."""
    seg, column = label.seg, label.column
    if ":" in seg.text and len(seg.text.split(":", 1)[1].strip()) > 0:
        return True  # "Signature: /s/ A. Name" or an envelope id after the label
    beside = [s for s in label.rows[column.line] if s.x0 > seg.x1]
    if beside and not _label_of(beside[0].text) and (":" in seg.text or len(beside) == 1):
        return True  # written on the label's own line, in the cell right of it
    if any(True for _ in _nearby(label.rows, column, -1 if above else 1, names)):
        return True
    return _ink_near(label, above)


def _ink_near(label: _Label, above: bool) -> bool:
    """Whether strokes are drawn at the label (a signature written with a pen tool)."""
    column = label.column
    low, high = (
        (column.top - _WINDOW_GAP * 1.6, column.top + 2)
        if above
        else (column.bottom - 2, column.bottom + _WINDOW_GAP * 1.6)
    )
    seg = label.seg
    for mark in column.page.ink_marks:
        x, y = (mark.x0 + mark.x1) / 2, (mark.top + mark.bottom) / 2
        if column.x0 <= x < column.x1 and low <= y <= high:
            return True
        # Strokes on the label's own line, right of it ("Signature  ~~~~~~"), up to the
        # next run on that line (the next party's block beside this one, with its own
        # signature).
        if mark.x0 >= seg.x1 - 2 and x < column.x1 and seg.top - _WINDOW_GAP <= y <= seg.bottom + 4:
            return True
    return False


def _band_above(label: _Label) -> tuple[float, float, float, float]:
    """The signing area of a block with no signature label: the band over its first
    label (``Name:``), from two and a half line heights above it to half a line below,
    ``_AREA_WIDTH`` points wide or to the block's right edge."""
    seg = label.seg
    height = max(seg.bottom - seg.top, 6.0)
    right = min(label.column.x1, seg.x0 + _AREA_WIDTH)
    return (seg.x0, seg.top - 2.5 * height, right, seg.bottom + 0.5 * height)


def _blank_scan(page: Page, labels: list[_Label]) -> bool:
    """Whether ``page`` is a scan whose customer block, having no signature label, holds no
    ink over its first label (a scanned blank form, whatever name and date it prints).
    A block with a signature label is judged at that label (``_is_signed``)."""
    if not labels or any(label.name in SIGNATURE_MARK_LABELS for label in labels):
        return False
    first = min(labels, key=lambda label: (label.column.line, label.seg.x0))
    return signed_in_ink(page, _band_above(first)) is False


def signature_candidates(
    pages: Sequence[Page],
    pairs: Sequence[KeyValue],
    style: DateStyle | None,
    names: tuple[str | None, str | None],
) -> Iterator[Candidate]:
    """Yield the signatory and the signing date of the customer's signature block.

    ``names`` are the customer's and the provider's names when already known. Nothing is
    yielded when the block has a signature label with nothing written at it.
    """
    found: list[Candidate] = []
    signed: bool | None = None
    blank: set[int] = set()
    for page in pages:
        labels = _block_labels(page, names)
        if _blank_scan(page, labels):
            blank.add(page.number)
            continue
        captions = _captions_under(labels, names)
        for label in labels:
            if label.name in SIGNATURE_MARK_LABELS:
                above = captions or ":" in label.seg.text
                mark = _is_signed(label, above, names)
                signed = mark or bool(signed)
                continue
            field = _field_of(label.name)
            if not captions or field is None:
                continue
            for seg in _nearby(label.rows, label.column, -1, names):
                value = parse_field_value(field, seg.text, style)
                if value is not None:
                    found.append(
                        Candidate(field, value, 0.8, Source.SIGNATURE, tuple(seg.placed()))
                    )
                    break
    if signed is False:
        return
    by_number = {page.number: page for page in pages}
    yield from found
    yield from _pair_candidates(by_number, pairs, style, names, blank)


def _field_of(label: str) -> str | None:
    if label in SIGNATURE_NAME_LABELS:
        return "customer_signatory"
    if label in SIGNATURE_DATE_LABELS:
        return "customer_signed_date"
    return None


def _pair_candidates(
    by_number: dict[int, Page],
    pairs: Sequence[KeyValue],
    style: DateStyle | None,
    names: tuple[str | None, str | None],
    blank: set[int],
) -> Iterator[Candidate]:
    """Name and date labels of the customer's block with their value beside or under them,
    but for those on the ``blank`` pages (``_blank_scan``)."""
    for pair in pairs:
        field = _field_of(_label_of(pair.label) or "")
        if field is None or _label_of(pair.value_text):
            continue
        if field is None:
            continue
        page_number, line, _ = pair.value[0]
        below = pair.arrangement in (Arrangement.BELOW, Arrangement.CELL)
        label_line = _label_line(pair) if below else line
        party = _party_above(by_number[page_number], label_line, pair.label_x0, names)
        if party != "customer":
            continue
        if page_number in blank:
            continue
        words = _before_next_label(pair.value)
        text = " ".join(w.text for _, _, w in words).replace("/s/", " ")
        value = parse_field_value(field, text, style)
        if value is not None:
            yield Candidate(field, value, 0.9 if pair.colon else 0.8, Source.SIGNATURE, words)


def _before_next_label(value: tuple[PlacedWord, ...]) -> tuple[PlacedWord, ...]:
    """Return a value's words up to the first of its lines that starts with a block label:
    the value under ``Name (print)`` ends where ``Title`` begins. (The layout stops a value
    cell at the next row of labels when it can tell them by their smaller type; the line
    heights of a scan are too uneven for that, and a cell ran on through Title and Date.)"""
    kept: list[PlacedWord] = []
    for _, line in groupby(value, key=lambda placed: placed[:2]):
        words = list(line)
        if kept and _label_of(" ".join(w.text for _, _, w in words)):
            break
        kept += words
    return tuple(kept)


def _label_line(pair: KeyValue) -> int:
    return pair.value[0][1] - 1
