"""What a pricing table's header words mean: the column roles of a line-item table.

The header words per role are data, in ``models/extraction/lexicon.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from triage.extraction.layout.segments import Segment
from triage.extraction.layout.tables import Column
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


def _one_cell(first: Column, second: Column) -> Column:
    """One header cell naming two things ("Description / service period")."""
    role = next((r for r in _CELL_ROLE_ORDER if r in (first.role, second.role)), first.role)
    return Column(role, first.x0, second.x1)


def classify_header(segment: Segment) -> list[Column]:
    """Return the columns a header segment names; [] unless every word belongs to one.

    A segment may hold several adjacent header cells ("Qty Unit Price"); the longest
    phrase of the lexicon is taken at each position.
    """
    words = segment.words
    if len(words) == 1 and _is_number_sign(words[0].text):
        return [Column("line_number", words[0].x0, words[0].x1)]
    tokens = [_norm(w.text) for w in words]
    columns: list[Column] = []
    index = 0
    slash_before = False
    while index < len(words):
        if words[index].text in _JOINERS and columns:
            slash_before = True  # "Description / service period": one cell, read as one
            index += 1
            continue
        word = words[index].text.lower().rstrip(".")
        if word in _YEAR_WORDS and index + 1 < len(words) and tokens[index + 1].isdigit():
            # "Year 1 | Year 2 | Year 3": a ramp printed with one amount column per year
            step = int(tokens[index + 1])
            columns.append(Column(f"{YEAR_ROLE}{step}", words[index].x0, words[index + 1].x1))
            index += 2
            continue
        if not tokens[index]:
            index += 1
            continue
        for size in range(min(_LONGEST, len(words) - index), 0, -1):
            role = _PHRASES.get(tuple(tokens[index : index + size]))
            if role is not None:
                column = Column(role, words[index].x0, words[index + size - 1].x1)
                if slash_before:
                    column = _one_cell(columns.pop(), column)
                columns.append(column)
                slash_before = False
                index += size
                break
        else:
            return []
    return columns
