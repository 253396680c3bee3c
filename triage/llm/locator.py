"""Find an LLM's quote among the document's words and box it as evidence.

A quote counts only if its words occur consecutively in the document, compared after
case-folding, unifying typographic quotes and dashes, and trimming punctuation at word
edges. The first and last quoted words may be cut (a quote that starts or ends mid-word).
The evidence is the document's own words, one box per line, never the LLM's text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from triage.contract import Evidence
from triage.documents.parsed import ParsedDocument, Word

__all__ = ["MIN_QUOTE_CHARS", "LocatedQuote", "locate_quote", "normalise_token"]

MIN_QUOTE_CHARS = 3
_EDGE_PUNCTUATION = ".,;:!?()[]{}\"'*"
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


@dataclass(frozen=True)
class LocatedQuote:
    """The document words a quote matched: their text and one evidence box per line."""

    text: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class _PlacedToken:
    norm: str
    page: int
    line: int
    word: Word


def normalise_token(text: str) -> str:
    """Return ``text`` case-folded, NFKC-normalised, with edge punctuation trimmed."""
    folded = unicodedata.normalize("NFKC", text).translate(_TRANSLATE).casefold()
    return folded.strip(_EDGE_PUNCTUATION)


def _document_tokens(document: ParsedDocument) -> list[_PlacedToken]:
    tokens = []
    for page in document.pages:
        for line_index, line in enumerate(page.lines):
            for word in line.words:
                norm = normalise_token(word.text)
                if norm:
                    tokens.append(_PlacedToken(norm, page.number, line_index, word))
    return tokens


def _matches_at(tokens: list[_PlacedToken], start: int, wanted: list[str]) -> bool:
    last = len(wanted) - 1
    for offset, want in enumerate(wanted):
        have = tokens[start + offset].norm
        if have == want:
            continue
        if last > 0 and offset == 0 and have.endswith(want):
            continue
        if last > 0 and offset == last and have.startswith(want):
            continue
        return False
    return True


def _evidence(matched: list[_PlacedToken]) -> list[Evidence]:
    grouped: dict[tuple[int, int], list[Word]] = {}
    for token in matched:
        grouped.setdefault((token.page, token.line), []).append(token.word)
    evidence = []
    for (page, _), words in sorted(grouped.items()):
        box = (
            round(min(w.x0 for w in words), 2),
            round(min(w.top for w in words), 2),
            round(max(w.x1 for w in words), 2),
            round(max(w.bottom for w in words), 2),
        )
        evidence.append(Evidence(page=page, bbox=box, text=" ".join(w.text for w in words)))
    return evidence


def locate_quote(document: ParsedDocument, quote: str) -> LocatedQuote | None:
    """Return where ``quote`` occurs word for word in ``document``, or None if it does not.

    The first occurrence wins. Quotes shorter than ``MIN_QUOTE_CHARS`` characters are
    refused, since they would match almost anywhere.
    """
    wanted = [norm for norm in (normalise_token(part) for part in quote.split()) if norm]
    if sum(len(w) for w in wanted) < MIN_QUOTE_CHARS:
        return None
    tokens = _document_tokens(document)
    for start in range(len(tokens) - len(wanted) + 1):
        if _matches_at(tokens, start, wanted):
            matched = tokens[start : start + len(wanted)]
            text = " ".join(token.word.text for token in matched)
            return LocatedQuote(text=text, evidence=_evidence(matched))
    return None
