"""What a pricing table's header words mean: the column roles of a line-item table.

The header words per role are data, in ``models/extraction/lexicon.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from triage.documents.parsed import Word
from triage.extraction.layout.segments import Segment
from triage.extraction.layout.table_header import Column
from triage.extraction.lexicon_data import load_lexicon

__all__ = ["COLUMN_ROLES", "YEAR_ROLE", "classify_header"]

_HEADER_MARKS = re.compile(r"[()\[\]:*]")

COLUMN_ROLES: dict[str, tuple[str, ...]] = load_lexicon().column_roles
"""Header words per column role, from ``models/extraction/lexicon.yaml``."""


# Units and currency markers that decorate a header cell without changing its meaning.
_DECORATION = frozenset(
    {"usd", "eur", "gbp", "cad", "aud", "chf", "$", "€", "£", "%", "#", "/", "-", "–"}
    # periods and tax notes: "Unit price / yr", "Price p.a.", "Amount (excl. VAT)"
    | {"yr", "year", "p.a", "pa", "per", "annum", "mo", "month", "excl", "incl", "vat", "tax"}
)


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    token = _HEADER_MARKS.sub("", text.lower()).strip().rstrip(".")
    if len(token) > 1 and token.endswith("%"):
        token = token[:-1]  # a unit set against its word ("DISC%", "Rabatt%"): "disc %"
    return "" if token in _DECORATION else token


_PHRASES: dict[tuple[str, ...], str] = {
    tuple(t for t in map(_norm, phrase.split()) if t): role
    for role, phrases in COLUMN_ROLES.items()
    for phrase in phrases
}
_LONGEST = max(len(p) for p in _PHRASES)


YEAR_ROLE = "year:"
"""Role prefix of a ramp's per-year amount column ("Year 2" is ``year:2``)."""
_YEAR_WORDS = frozenset({"year", "yr", "jahr", "année", "annee", "año", "anno", "jaar"})


def _is_number_sign(text: str) -> bool:
    return text.strip() in {"#", "No.", "No", "Nr.", "Pos."}


_JOINERS = frozenset({"/", "&", "+"})
# Which role a cell headed by two roles takes: the description carries the rest (a period
# written under a product's name is found in the description's text).
_CELL_ROLE_ORDER = ("description", "sku")


def _cell_role(first: str, second: str) -> str:
    """The role of one header cell naming two things ("Description / service period")."""
    return next((r for r in _CELL_ROLE_ORDER if r in (first, second)), first)


def _one_cell(first: Column, second: Column) -> Column:
    """One header cell naming two things ("Description / service period")."""
    return Column(_cell_role(first.role, second.role), first.x0, second.x1)


# (role, index of the cell's first word, index of its last word)
_Span = tuple[str, int, int]


def _named(words: Sequence[Word]) -> list[Column]:
    """The columns a run of header words names; [] unless every word belongs to one.

    A run may hold several adjacent header cells ("Qty Unit Price"); the longest phrase of
    the lexicon is taken at each position.
    """
    return [
        Column(role, words[first].x0, words[last].x1)
        for role, first, last in _named_spans(tuple(w.text for w in words))
    ]


@lru_cache(maxsize=8192)
def _named_spans(texts: tuple[str, ...]) -> tuple[_Span, ...]:
    """What ``_named`` reads from the words' texts alone (the same header texts recur on
    every page of every order from one provider)."""
    if len(texts) == 1 and _is_number_sign(texts[0]):
        return (("line_number", 0, 0),)
    tokens = [_norm(text) for text in texts]
    spans: list[_Span] = []
    index = 0
    slash_before = False
    while index < len(texts):
        if texts[index] in _JOINERS and spans:
            slash_before = True  # "Description / service period": one cell, read as one
            index += 1
            continue
        word = texts[index].lower().rstrip(".")
        if word in _YEAR_WORDS and index + 1 < len(texts) and tokens[index + 1].isdigit():
            # "Year 1 | Year 2 | Year 3": a ramp printed with one amount column per year
            spans.append((f"{YEAR_ROLE}{int(tokens[index + 1])}", index, index + 1))
            index += 2
            continue
        if not tokens[index]:
            index += 1
            continue
        for size in range(min(_LONGEST, len(texts) - index), 0, -1):
            role = _PHRASES.get(tuple(tokens[index : index + size]))
            if role is not None:
                span = (role, index, index + size - 1)
                if slash_before:
                    before, first, _ = spans.pop()
                    span = (_cell_role(before, role), first, span[2])
                spans.append(span)
                slash_before = False
                index += size
                break
        else:
            return ()
    return tuple(spans)


# A translation beside or under a header word is a few words with no figures ("Menge",
# "Prix unitaire", "Quantité commandée"), none of them a word of the lexicon's own header
# phrases: "Annual fee / unit" is one name qualified ("per unit"), not two languages.
_GLOSS_WORDS = 3
_HEADER_VOCABULARY = frozenset(token for phrase in _PHRASES for token in phrase)


def _alternatives(parts: Sequence[Segment]) -> list[list[Word]]:
    """The names a header cell gives its column: each line of the cell, each split again
    at a slash ("Menge / Qty", "Menge/Qty")."""
    groups: list[list[Word]] = []
    for part in parts:
        groups.append([])
        for word in part.words:
            if "/" not in word.text or _named_spans((word.text,)):
                groups[-1].append(word)
                continue
            pieces = [p for p in word.text.split("/") if p]
            if not pieces:  # a slash of its own: the next language begins
                groups.append([])
                continue
            for number, piece in enumerate(pieces):
                if number:
                    groups.append([])
                groups[-1].append(replace(word, text=piece))
    return [group for group in groups if group]


def _translation(words: Sequence[Word]) -> bool:
    """Whether an unknown name may be another language's: no figures, no header word."""
    return not any(c.isdigit() for w in words for c in w.text) and not any(
        _norm(w.text) in _HEADER_VOCABULARY for w in words
    )


def _glossed(parts: Sequence[Segment]) -> list[Column]:
    """One column named in two or three languages, one of them known; [] unless every
    other name is a short translation (a few words without figures)."""
    known: Column | None = None
    for group in _alternatives(parts):
        named = _named(group)
        if len(named) > 1:
            return []  # several cells run together: no translation of one name
        if named:
            known = named[0] if known is None else _one_cell(known, named[0])
        elif len(group) > _GLOSS_WORDS or not _translation(group):
            return []
    if known is None:
        return []
    words = [w for part in parts for w in part.words]
    return [Column(known.role, min(w.x0 for w in words), max(w.x1 for w in words))]


def classify_header(parts: Sequence[Segment]) -> list[Column]:
    """Return the columns a header cell names, from its parts (its lines, top first);
    [] unless its words are header words.

    The words are read as one phrase first: a line may hold several adjacent cells ("Qty
    Unit Price"), and a cell of several lines is one name wrapped ("Unit" over "price").
    Failing that, the cell names one column in two or three languages, at least one of
    them known: "Menge / Qty", "Artikel / Article / Item", "Qty" over a smaller "Menge".
    """
    named = _named([w for part in parts for w in part.words])
    if named and (len(parts) == 1 or len(named) == 1):
        return named
    return _glossed(parts)
