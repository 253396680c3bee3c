"""Signature blocks read by their geometry: each party's column (or block) and what is in it.

A row of party headings ("For the Customer | For the Supplier", "CUSTOMER: X | SUPPLIER: Y",
or two company names of which one is the known provider) splits the page into one column
per party; a heading standing alone heads a block reaching down to the next heading. Under
it, the block's labels (``Signature``, ``Name``, ``Date``) sit in the party's column, or in a
label column left of every party's column (a signature table): the label's value is the run
on its line inside the party's column, or, when the label is a caption printed under a
drawn line, the run standing on that line above it.

A block with a signature label and nothing at it (no text, no strokes, no conformed
``/s/``) was not signed: a typed name is not a signature, and nothing is read from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from triage.documents.parsed import Page, Ruling, Word
from triage.extraction.fields.block_labels import label_head, squash
from triage.extraction.fields.candidates import Candidate, Source, parse_field_value
from triage.extraction.fields.lexicon import (
    FIELD_LABELS,
    SIGNATURE_DATE_LABELS,
    SIGNATURE_MARK_LABELS,
    SIGNATURE_NAME_LABELS,
)
from triage.extraction.layout.segments import Segment, split_line
from triage.extraction.normalise import DateStyle

__all__ = ["block_signature_candidates"]

# The role words of each party: the one-word labels the lexicon gives its name field.
_ROLES = {
    party: frozenset(label for label in FIELD_LABELS[field] if " " not in label)
    for party, field in (("customer", "customer_legal_name"), ("provider", "provider_legal_name"))
}
_HEADING_WORDS = 12  # a longer run over a block is a sentence, not its heading
_BLOCK_LINES = 12  # how far under its heading a block's labels may stand
_BLOCK_GAP = 48.0  # points of empty paper that end a block
_LEFT_SLACK = 25.0  # a label may stand a little left of its party's heading
_CAPTION_RULE = 9.0  # a caption's line is drawn at most this far above it
_VALUE_ON_RULE = 18.0  # a value typed on a line stands at most this far above it
_CELL_SLACK = 12.0  # a value on the line may start this far left of its caption
_MARK_ABOVE, _MARK_BELOW = 28.0, 12.0  # how far from its label a signature may be written
_BLANK = re.compile(r"^[_.\-–—\s]*$")


def _names(text: str, name: str | None) -> bool:
    return bool(name) and len(squash(name or "")) >= 4 and squash(name or "") in squash(text)


def _label_of(text: str) -> str | None:
    """The signature-block label ``text`` starts with, as its kind (mark, name, date)."""
    head = label_head(text)
    if head in SIGNATURE_MARK_LABELS:
        return "mark"
    if head in SIGNATURE_NAME_LABELS:
        return "customer_signatory"
    if head in SIGNATURE_DATE_LABELS:
        return "customer_signed_date"
    return None


def _party_of(text: str, names: tuple[str | None, str | None]) -> str | None:
    """Which party a run heads: by its role word, else by the party's known name."""
    if _label_of(text) or len(text.split()) > _HEADING_WORDS:
        return None
    words = set(re.findall(r"[a-zäöüéèà]+", text.lower()))
    roles = [party for party, role_words in _ROLES.items() if words & role_words]
    if len(roles) == 1:
        return roles[0]
    if roles:
        return None
    customer, provider = names
    if _names(text, customer):
        return "customer"
    if _names(text, provider):
        return "provider"
    return None


@dataclass(frozen=True, slots=True)
class _Heading:
    """A party's heading: its line and the x-range of the party's column under it."""

    party: str
    line: int
    seg: Segment
    x0: float
    x1: float
    # The left edge of the leftmost heading of its row: labels left of it are a label column.
    row_x0: float


def _headings(
    rows: list[list[Segment]], width: float, names: tuple[str | None, str | None]
) -> list[_Heading]:
    """The party headings of a page, each with the column it heads."""
    found: list[_Heading] = []
    for index, row in enumerate(rows):
        parties = [(seg, _party_of(seg.text, names)) for seg in row]
        known = [party for _, party in parties if party]
        if not known:
            continue
        named = all(not any(c.isdigit() for c in seg.text) for seg in row)
        if len(row) == 2 and len(known) == 1 and named:
            # Two names side by side, one of them the known party's: the other is the
            # counterparty ("COBBLESTONE METRICS LLC   SUMMIT HOLLOW RESORTS, INC.").
            other = "customer" if known[0] == "provider" else "provider"
            parties = [(seg, party or other) for seg, party in parties]
        heads = [(seg, party) for seg, party in parties if party]
        row_x0 = heads[0][0].x0
        for position, (seg, party) in enumerate(heads):
            right = heads[position + 1][0].x0 - _LEFT_SLACK if position + 1 < len(heads) else width
            left = seg.x0 - _LEFT_SLACK
            found.append(_Heading(party, index, seg, left, right, row_x0))
    return found


def _block_lines(rows: list[list[Segment]], head: _Heading, headings: list[_Heading]) -> range:
    """The lines of the block under ``head``: down to the next heading over its column."""
    stops = {h.line for h in headings if h.line > head.line and h.x0 < head.x1 and head.x0 < h.x1}
    edge = head.seg.bottom
    end = head.line + 1
    for index in range(head.line + 1, min(len(rows), head.line + 1 + _BLOCK_LINES)):
        if index in stops or not rows[index]:
            break
        top = min(s.top for s in rows[index])
        if top - edge > _BLOCK_GAP:
            break
        edge = max(s.bottom for s in rows[index])
        end = index + 1
    return range(head.line + 1, end)


def _in_column(seg: Segment, head: _Heading) -> bool:
    return head.x0 <= seg.x0 < head.x1


def _rule_above(page: Page, seg: Segment) -> float | None:
    """The y of a drawn line just above ``seg`` and over it (a caption under a filled
    line); a table's cell border, met by a vertical rule, is no such line."""
    for rule in page.rulings:
        flat = rule.bottom - rule.top < 2
        over = rule.x0 <= seg.x0 + 2 and rule.x1 >= min(seg.x1, seg.x0 + 20)
        if flat and over and 0 <= seg.top - rule.top <= _CAPTION_RULE and not _in_grid(page, rule):
            return rule.top
    return None


def _in_grid(page: Page, rule: Ruling) -> bool:
    return any(
        other.x1 - other.x0 < 2
        and rule.x0 - 1 <= other.x0 <= rule.x1 + 1
        and other.top - 1 <= rule.top <= other.bottom + 1
        for other in page.rulings
    )


@dataclass(frozen=True, slots=True)
class _Block:
    """What a party's block holds: whether a signature label is there, whether anything
    is written at it, and the value runs of its name and date labels."""

    has_mark: bool
    signed: bool
    values: tuple[tuple[str, Segment], ...]


def _read_block(page: Page, rows: list[list[Segment]], head: _Heading, lines: range) -> _Block:
    has_mark = signed = False
    values: list[tuple[str, Segment]] = []
    for index in lines:
        for seg in rows[index]:
            kind = _label_of(seg.text)
            if kind is None or not (_in_column(seg, head) or seg.x1 <= head.row_x0):
                continue
            value = _value_of(page, rows, head, lines, seg)
            if kind == "mark":
                has_mark = True
                signed = signed or value is not None or _ink_at(page, head, lines, rows, seg)
            elif value is not None:
                values.append((kind, value))
    return _Block(has_mark, signed, tuple(values))


def _value_of(
    page: Page, rows: list[list[Segment]], head: _Heading, lines: range, label: Segment
) -> Segment | None:
    """The run written at ``label``: on its line in the party's column, or on the drawn
    line above it when the label is a caption under that line."""
    rule = _rule_above(page, label)
    if rule is not None:
        # The caption's cell: from the caption to the next caption on its row, if any. The
        # next caption's value may start a little left of it, as this one's may (the date
        # typed over "Date" is not the signature's value).
        cell_end = min(
            (
                seg.x0 - _CELL_SLACK
                for seg in rows[label.line]
                if seg.x0 > label.x1 and _in_column(seg, head)
            ),
            default=head.x1,
        )
        for index in range(label.line - 1, lines.start - 1, -1):
            for seg in rows[index]:
                if (
                    _in_column(seg, head)
                    and -3 <= rule - seg.bottom <= _VALUE_ON_RULE
                    and seg.x1 > label.x0 - _CELL_SLACK
                    and seg.x0 < cell_end
                ):
                    return seg if _writes(seg) else None
            if rows[index] and rule - max(s.bottom for s in rows[index]) > _VALUE_ON_RULE:
                break
        return None
    for seg in rows[label.line]:
        if seg.x0 > label.x1 and _in_column(seg, head):
            return seg if _writes(seg) else None
    if ":" in label.text and _writes_text(label.text.split(":", 1)[1]):
        return Segment(label.page, label.line, _after_colon(label))
    return None


def _after_colon(label: Segment) -> tuple[Word, ...]:
    words = label.words
    for position, word in enumerate(words):
        if word.text.endswith(":"):
            return words[position + 1 :]
    return words


def _writes_text(text: str) -> bool:
    return not _BLANK.match(text)


def _writes(seg: Segment) -> bool:
    return _writes_text(seg.text) and _label_of(seg.text) is None


def _ink_at(
    page: Page, head: _Heading, lines: range, rows: list[list[Segment]], label: Segment
) -> bool:
    """Whether strokes, or a run of text, are set at the signature label in the party's
    column: on its line right of it, a little above it, or above its caption line."""
    top = max(label.top - _MARK_ABOVE, rows[head.line][0].bottom if rows[head.line] else 0.0)
    low, high = top, label.bottom + _MARK_BELOW
    in_own_column = _in_column(label, head)
    for mark in page.ink_marks:
        x, y = (mark.x0 + mark.x1) / 2, (mark.top + mark.bottom) / 2
        if head.x0 <= x < head.x1 and low <= y <= high and (not in_own_column or x > label.x1):
            return True
    # A conformed signature ("/s/ A. Name") set a little above its label, right of it.
    return any(
        index != label.line
        and _in_column(seg, head)
        and low <= (seg.top + seg.bottom) / 2 <= label.bottom
        and seg.x0 > label.x1 - 2
        and seg.text.startswith("/s/")
        for index in lines
        for seg in rows[index]
    )


def block_signature_candidates(
    pages: Sequence[Page], style: DateStyle | None, names: tuple[str | None, str | None]
) -> Iterator[Candidate]:
    """Yield the signatory and signing date read from the customer's signature block.

    ``names`` are the customer's and the provider's names when already known. A block
    whose signature label has nothing written at it yields nothing.
    """
    for page in pages:
        rows = [split_line(line, page.number, i) for i, line in enumerate(page.lines)]
        headings = _headings(rows, page.width, names)
        for head in headings:
            if head.party != "customer":
                continue
            block = _read_block(page, rows, head, _block_lines(rows, head, headings))
            if block.has_mark and not block.signed:
                continue
            for field, seg in block.values:
                text = seg.text.replace("/s/", " ").strip()
                value = parse_field_value(field, text, style)
                if value is not None:
                    yield Candidate(field, value, 0.85, Source.SIGNATURE, tuple(seg.placed()))
