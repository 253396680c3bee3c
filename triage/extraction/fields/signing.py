"""Who signs: the parties named over the signature blocks ("For and on behalf of X").

When the document names one party elsewhere, the other signing party is the counterparty.
When it names neither, the letterhead (the first line of the first page) is the provider's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from triage.documents.parsed import Page
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.lexicon import (
    SIGNATURE_BLOCK_LABELS,
    match_label,
    normalise_label,
)
from triage.extraction.layout.segments import PlacedWord, Segment, split_line

__all__ = ["SigningParty", "counterparty_candidates", "signing_parties"]

_HEADING = re.compile(
    r"^(?:signed\s+)?(?:for\s+and\s+)?on\s+behalf\s+of\s*:?\s*(?P<a>.*)$"
    r"|^(?:accepted|agreed|signed|executed)(?:\s+and\s+(?:agreed|accepted))?"
    r"\s+(?:(?:for\s+and\s+)?on\s+behalf\s+of|by|for)\s*:?\s*(?P<b>.+)$",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:customer|provider|supplier|vendor|client)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class SigningParty:
    """A party named over a signature block, with the words of its name."""

    name: str
    words: tuple[PlacedWord, ...]


def signing_parties(pages: Sequence[Page]) -> list[SigningParty]:
    """Return the parties named in signature-block headings, left to right, top to bottom."""
    found: list[SigningParty] = []
    for page in pages:
        rows = [split_line(line, page.number, i) for i, line in enumerate(page.lines)]
        for index, row in enumerate(rows):
            for seg in row:
                match = _HEADING.match(seg.text)
                if not match:
                    continue
                # The name follows the heading, or stands under it ("Signed for and on
                # behalf of" over "Saltmarsh Ports Authority").
                named = match.group("a") if match.group("a") is not None else match.group("b")
                skip = len(seg.words) - len(named.split())
                words = seg.placed(seg.words[skip:]) + _wrapped_name(rows, index, seg)
                name = " ".join(w.text for _, _, w in words).strip(" :,")
                if not name or _ROLE_WORDS.match(name) or len(name.split()) > 8:
                    continue
                found.append(SigningParty(name, tuple(words)))
    return found


def _wrapped_name(rows: list[list[Segment]], index: int, heading: Segment) -> list[PlacedWord]:
    """The rest of a party name that wrapped onto the next line of its heading cell."""
    if index + 1 >= len(rows):
        return []
    height = heading.bottom - heading.top
    for seg in rows[index + 1]:
        if (
            abs(seg.x0 - heading.x0) <= 1.5
            and seg.top - heading.bottom < 0.8 * height
            and _continues_a_name(seg.text)
        ):
            return seg.placed()
    return []


def _continues_a_name(text: str) -> bool:
    """Whether a line under a heading is the rest of the party's name: no label of its own
    ("Name:", "Title: CFO"), though the name may close the heading with a colon
    ("... on behalf of Harrowgate" over "Analytics Limited:")."""
    body = text.rstrip()
    if body.endswith(":"):
        body = body[:-1].rstrip()
    if not body or ":" in body:
        return False
    return normalise_label(body) not in SIGNATURE_BLOCK_LABELS and not any(
        score >= 1.0 for _, score in match_label(body)
    )


def _same(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        """Return the text lower-cased with everything but letters and digits removed."""
        return re.sub(r"[^a-z0-9]", "", text.lower())

    return norm(a) == norm(b)


def counterparty_candidates(
    pages: Sequence[Page], customer: str | None, provider: str | None
) -> Iterator[Candidate]:
    """Yield the party that is missing, read as the signing party that is not the known one."""
    parties = signing_parties(pages)
    if len({p.name.lower() for p in parties}) != 2:
        return
    if provider is None and customer is None and pages and pages[0].lines:
        letterhead = pages[0].lines[0].text
        provider = next((p.name for p in parties if _same(p.name, letterhead)), None)
        if provider is not None:
            match = next(p for p in parties if p.name == provider)
            yield Candidate("provider_legal_name", provider, 0.6, Source.SIGNATURE, match.words)
    for known, missing in ((provider, "customer_legal_name"), (customer, "provider_legal_name")):
        if known is None:
            continue
        others = [p for p in parties if not _same(p.name, known)]
        if len(others) == 1:
            yield Candidate(missing, others[0].name, 0.7, Source.SIGNATURE, others[0].words)
