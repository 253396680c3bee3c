"""The customer's signature block: who signed for the customer, and when.

A signature block is a run of ``Name:`` / ``Date:`` labels under a heading naming the
party (the role word or the party's own name); the heading is found above the label in
the same column, so side-by-side blocks are told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from triage.documents.ocr.signatures import signed_in_ink
from triage.documents.parsed import Page
from triage.extraction.fields.candidates import Candidate, Source, parse_field_value
from triage.extraction.fields.lexicon import (
    SIGNATURE_DATE_LABELS,
    SIGNATURE_NAME_LABELS,
    normalise_label,
)
from triage.extraction.layout.keyvalue import KeyValue
from triage.extraction.layout.segments import split_line
from triage.extraction.normalise import DateStyle

__all__ = ["signature_candidates"]

_CUSTOMER = re.compile(
    r"\b(?:customer|client|licensee|subscriber|buyer|purchaser)\b", re.IGNORECASE
)
_PROVIDER = re.compile(r"\b(?:provider|supplier|vendor|licensor|seller)\b", re.IGNORECASE)
_BEHALF = re.compile(r"\bon\s+behalf\s+of\b|^(?:accepted|agreed|signed)\b", re.IGNORECASE)
_LOOK_UP_LINES = 12


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names(text: str, name: str | None) -> bool:
    """True when ``text`` names ``name``, even cut short by a line wrap."""
    if not name:
        return False
    wanted = _squash(name)
    return wanted[: max(8, (2 * len(wanted)) // 3)] in _squash(text)


def _party_above(
    page: Page, line: int, x0: float, names: tuple[str | None, str | None]
) -> str | None:
    customer_name, provider_name = names
    for index in range(line - 1, max(-1, line - 1 - _LOOK_UP_LINES), -1):
        for seg in split_line(page.lines[index], page.number, index):
            if not (seg.x0 - 25 <= x0 <= seg.x1):
                continue
            text = seg.text
            if _names(text, customer_name) or _CUSTOMER.search(text):
                return "customer"
            if _names(text, provider_name) or _PROVIDER.search(text):
                return "provider"
            if _BEHALF.search(text) and provider_name:
                return "customer"  # a signing party that is not the provider
    return None


def signature_candidates(
    pages: Sequence[Page],
    pairs: Sequence[KeyValue],
    style: DateStyle | None,
    names: tuple[str | None, str | None],
) -> Iterator[Candidate]:
    """Yield the signatory and the signing date of the customer's signature block.

    ``names`` are the customer's and the provider's names when already known.
    """
    by_number = {page.number: page for page in pages}
    for pair in pairs:
        label = normalise_label(pair.label)
        if label in SIGNATURE_NAME_LABELS:
            field = "customer_signatory"
        elif label in SIGNATURE_DATE_LABELS:
            field = "customer_signed_date"
        else:
            continue
        page_number, line, _ = pair.value[0]
        label_line = line if pair.arrangement.value != "below" else line - 1
        party = _party_above(by_number[page_number], label_line, pair.label_x0, names)
        if party != "customer":
            continue
        # OCR hook (issue 15): a scanned block with no ink in its signing area is unsigned,
        # whatever name and date are printed in it.
        if signed_in_ink(by_number[page_number], label_line, pair.label_x0) is False:
            continue
        text = pair.value_text.replace("/s/", " ")
        value = parse_field_value(field, text, style)
        if value is not None:
            yield Candidate(field, value, 0.9 if pair.colon else 0.8, Source.SIGNATURE, pair.value)
