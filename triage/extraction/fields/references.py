"""Identifiers and currency named in prose: "Order Schedule No. SO-2027-98561", "purchase
order reference PO-805461", a quote's number in its title line ("Angebot / Quote WS-8812"),
"All fees are stated in CAD", a dated letter's date line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from triage.documents.parsed import Page, Word
from triage.extraction.fields.blocks import TextBlock
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.layout.segments import PlacedWord, Segment, split_line
from triage.extraction.lexicon_data import load_lexicon
from triage.extraction.normalise.dates import DATE_PATTERN, DateStyle, parse_date
from triage.extraction.normalise.money import parse_currency

__all__ = [
    "currency_candidates",
    "dateline_candidates",
    "money_currency_candidates",
    "reference_candidates",
    "title_reference_candidates",
]

_HEAD_LINES = 15  # a letter's head: its first lines
_SET_APART = 0.25  # of the page's width between a line's text and a date at its right end
_ID = r"(?P<id>[A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_.]*[A-Z0-9]|\d{3,})"
_REFERENCES = (
    (
        "po_number",
        re.compile(
            r"\b(?:purchase\s+order|P\.?\s?O\.?)(?:\s+(?:number|no\.?|reference|ref\.?|#))*\s*[:#]?\s*"
            + r"\[?"
            + _ID,
            re.IGNORECASE,
        ),
    ),
    (
        "order_number",
        re.compile(
            r"\border(?:\s+(?:"
            + "|".join(re.escape(word) for word in load_lexicon().order_document_words)
            + r"))?"
            r"(?:\s+(?:number|no\.?|reference|ref\.?|id|#))*\s*[:#]?\s*\[?" + _ID,
            re.IGNORECASE,
        ),
    ),
)
_TITLE_REFERENCE = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(word) for word in load_lexicon().quote_document_words)
    + r")(?:\s+(?:number|no\.?|n[°º]|nr\.?|reference|ref\.?|id|#))*\s*[:#]?\s*\[?"
    + _ID
    + r"(?!\w)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_TITLE_SCORE = 0.5  # below a printed order number or a labelled quote number
_CURRENCY_CUE = re.compile(
    r"\b(?:quoted|denominated|stated|expressed|payable|invoiced|currency|amounts?\s+are|fees\s+are)\b",
    re.IGNORECASE,
)


def _has_digit_and_letter(text: str) -> bool:
    return any(c.isdigit() for c in text)


def reference_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield order and PO numbers written after their names in running text, bare or in
    the brackets of a filled-in template ("Order [AB-1234]")."""
    for block in blocks:
        for field, pattern in _REFERENCES:
            for match in pattern.finditer(block.text):
                value = match.group("id").rstrip(".")
                if not _has_digit_and_letter(value) or DATE_PATTERN.fullmatch(value):
                    continue
                if field == "order_number" and re.match(
                    r"purchase\s*$", block.text[: match.start()][-9:], re.I
                ):
                    continue
                words = block.words_between(match.start("id"), match.end("id"))
                yield Candidate(field, value, 0.8, Source.SENTENCE, words)


def title_reference_candidates(first: Page) -> Iterator[Candidate]:
    """Yield the number a quote or offer gives itself in a line of its first page's head
    ("Weserland GmbH - Angebot / Quote WS-8812"), a weak order number: where the form
    prints an order number, that one is the order's."""
    if first.number != 1:
        return
    for index, line in enumerate(first.lines[:_HEAD_LINES]):
        for segment in split_line(line, first.number, index):
            for match in _TITLE_REFERENCE.finditer(segment.text):
                value = match.group("id").rstrip(".")
                if _YEAR.fullmatch(value) or DATE_PATTERN.fullmatch(value):
                    continue
                words = _words_of(segment, match.start("id"), match.end("id"))
                yield Candidate("order_number", value, _TITLE_SCORE, Source.SENTENCE, words)


def _words_of(segment: Segment, start: int, end: int) -> tuple[PlacedWord, ...]:
    """The words of ``segment`` over the character range ``[start, end)`` of its text."""
    chosen: list[Word] = []
    offset = 0
    for word in segment.words:
        if offset < end and start < offset + len(word.text):
            chosen.append(word)
        offset += len(word.text) + 1
    return tuple(segment.placed(tuple(chosen)))


def currency_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield the currency a sentence says the fees are quoted in."""
    for block in blocks:
        for sentence in re.finditer(r"[^.]+\.?", block.text):
            text = sentence.group(0)
            if not _CURRENCY_CUE.search(text):
                continue
            codes = re.findall(r"\b[A-Z]{3}\b", text)
            code = next((c for c in codes if parse_currency(c) == c), None)
            if code is None:
                continue
            start = sentence.start() + text.find(code)
            yield Candidate(
                "currency", code, 0.75, Source.SENTENCE, block.words_between(start, start + 3)
            )


# Where an amount names its currency: a sign or prefix before the digits, a code after them,
# or the currency spelled out ("United States dollars", "pounds sterling", "euros").
_MONEY_MARK = re.compile(
    r"(?<![A-Za-z])(?:[A-Z]{1,3}\$|[$€£¥₹])\s?\d"
    r"|\b[A-Z]{3}\s?\d[\d.,' ]*"
    r"|\d[\d.,' ]*\s?(?:[A-Z]{3}\b|€|£)"
    r"|\b(?:(?:united\s+states|us|canadian|australian|new\s+zealand|singapore|hong\s+kong)"
    r"\s+dollars?|pounds?\s+sterling|euros?|swiss\s+francs?)\b",
    re.IGNORECASE,
)


def money_currency_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield the currency the document's amounts are written in, when they agree.

    Every amount with a sign, a code or a spelled-out currency is one vote; a document whose
    amounts all name one currency states it (a bare ``$`` counts as US dollars). Mixed
    currencies yield the majority at a low score, so a stated currency label wins.
    """
    votes: dict[str, list[tuple[TextBlock, int, int]]] = {}
    for block in blocks:
        for match in _MONEY_MARK.finditer(block.text):
            code = parse_currency(match.group(0))
            if code is not None:
                votes.setdefault(code, []).append((block, match.start(), match.end()))
    if not votes:
        return
    ranked = sorted(votes.items(), key=lambda item: len(item[1]), reverse=True)
    code, places = ranked[0]
    others = sum(len(p) for _, p in ranked[1:])
    if others >= len(places):
        return
    score = 0.7 if not others and len(places) >= 2 else 0.5
    block, start, end = places[0]
    yield Candidate("currency", code, score, Source.DERIVED, block.words_between(start, end))


def dateline_candidates(
    blocks: Sequence[TextBlock], style: DateStyle | None, first: Page | None = None
) -> Iterator[Candidate]:
    """Yield a letter's date: a line on the first page that holds nothing but a date, or a
    date set apart at the right end of a line of the letter's head ("Our ref: X ... 27th
    September 2027")."""
    for block in blocks[:12]:
        if block.words and block.words[0][0] != 1:
            break
        text = block.text.strip(" ,.")
        match = DATE_PATTERN.fullmatch(text)
        if match:
            value = parse_date(text, style)
            if value is not None:
                yield Candidate("order_date", value, 0.6, Source.SENTENCE, block.words)
    if first is None or first.number != 1:
        return
    above: list[Segment] = []
    for index, line in enumerate(first.lines[:_HEAD_LINES]):
        segments, over = split_line(line, first.number, index), above
        above = segments
        if len(segments) < 2:
            continue  # a date alone on its line is a block of its own, read above
        date_run, before = segments[-1], segments[-2]
        text = date_run.text.strip(" ,.")
        apart = date_run.x0 - before.x1 >= _SET_APART * first.width
        if not apart or before.text.rstrip().endswith(":") or not DATE_PATTERN.fullmatch(text):
            continue  # close to a label, the date is that label's value ("Valid until")
        if any(DATE_PATTERN.search(s.text) for s in segments[:-1]):
            continue  # a row of dates is a row of values (start, end)
        if any(s.x0 < date_run.x1 and date_run.x0 < s.x1 for s in over):
            continue  # a label over it makes the date that label's value
        value = parse_date(text, style)
        if value is not None:
            yield Candidate("order_date", value, 0.6, Source.SENTENCE, tuple(date_run.placed()))
