"""The customer's signature block: who signed for the customer, and when.

A signature block is a run of ``Name:`` / ``Date:`` labels under a heading naming the
party (the role word or the party's own name); the heading is found above the label in
the same column, so side-by-side blocks are told apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

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

_CUSTOMER = re.compile(r"\b(?:customer|client|licensee|subscriber|buyer|purchaser)\b", re.IGNORECASE)
_PROVIDER = re.compile(r"\b(?:provider|supplier|vendor|licensor|seller)\b", re.IGNORECASE)
_LOOK_UP_LINES = 12


def _party_above(page: Page, line: int, x0: float, names: tuple[str | None, str | None]) -> str | None:
    customer_name, provider_name = (n.lower() if n else None for n in names)
    for index in range(line - 1, max(-1, line - 1 - _LOOK_UP_LINES), -1):
        for seg in split_line(page.lines[index], page.number, index):
            if not (seg.x0 - 25 <= x0 <= seg.x1):
                continue
            text = seg.text
            if (customer_name and customer_name in text.lower()) or _CUSTOMER.search(text):
                return "customer"
            if (provider_name and provider_name in text.lower()) or _PROVIDER.search(text):
                return "provider"
    return None


def signature_candidates(
    pages: Sequence[Page], pairs: Sequence[KeyValue], style: DateStyle | None,
    names: tuple[str | None, str | None],
) -> Iterator[Candidate]:  # fmt: skip
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
        text = pair.value_text.replace("/s/", " ")
        value = parse_field_value(field, text, style)
        if value is not None:
            yield Candidate(field, value, 0.9 if pair.colon else 0.8, Source.SIGNATURE, pair.value)
