"""What a pricing table's header words mean: the column roles of a line-item table."""

from __future__ import annotations

import re
from functools import lru_cache

from triage.extraction.layout.segments import Segment
from triage.extraction.layout.tables import Column

__all__ = ["COLUMN_ROLES", "classify_header"]

COLUMN_ROLES: dict[str, tuple[str, ...]] = {
    "sku": (
        "sku",
        "item code",
        "product code",
        "part number",
        "part no",
        "part #",
        "code",
        "item #",
        "item no",
        "product id",
        "plan code",
        "article",
        "ref",
    ),
    "description": (
        "description",
        "product",
        "products",
        "service",
        "services",
        "item",
        "item description",
        "product description",
        "offering",
        "plan",
        "details",
        "product / service",
        "product/service",
        "name",
        "module",
    ),
    # The line's running number: read so that it joins no other cell, then ignored.
    "line_number": ("no", "ln", "line", "pos", "line no", "nr", "nº", "#"),
    "kind": ("type", "kind", "category", "charge type", "billing type", "fee type"),
    "quantity": (
        "qty",
        "quantity",
        "units",
        "seats",
        "licenses",
        "licences",
        "volume",
        "committed units",
        "users",
        "committed qty",
        "commit",
        "no. of units",
    ),
    "unit_price": (
        "unit price",
        "list price",
        "price",
        "rate",
        "unit fee",
        "unit cost",
        "price per unit",
        "annual unit price",
        "unit rate",
        "overage rate",
        "price/unit",
        "list",
        "unit list price",
        "sales price",
        "annual price",
    ),
    "discount": (
        "discount",
        "disc",
        "disc.",
        "discount %",
        "disc %",
        "disc. %",
        "% off",
        "discount (%)",
    ),
    "net_amount": (
        "net amount",
        "net",
        "amount",
        "total",
        "extended price",
        "line total",
        "net price",
        "net fees",
        "fees",
        "ext. price",
        "net total",
        "total fees",
        "net fee",
        "extended",
        "subtotal",
        "net value",
        "total price",
        "annual fee",
        "annual fees",
        "monthly fee",
        "fee",
        "extended amount",
        "line amount",
        "amount due",
    ),
    "start_date": ("start", "start date", "from", "begins", "period start", "start on"),
    "end_date": ("end", "end date", "to", "until", "through", "period end", "ends", "end on"),
    "period": (
        "period",
        "term",
        "dates",
        "service period",
        "subscription period",
        "date range",
        "billing period",
        "service dates",
        "term dates",
    ),
}


# Units and currency markers that decorate a header cell without changing its meaning.
_DECORATION = frozenset(
    {"usd", "eur", "gbp", "cad", "aud", "chf", "$", "€", "£", "%", "#", "/", "-", "–"}
    # periods and tax notes: "Unit price / yr", "Price p.a.", "Amount (excl. VAT)"
    | {"yr", "year", "p.a", "pa", "per", "annum", "mo", "month", "excl", "incl", "vat", "tax"}
)


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    token = re.sub(r"[()\[\]:*]", "", text.lower()).strip().rstrip(".")
    return "" if token in _DECORATION else token


_PHRASES: dict[tuple[str, ...], str] = {
    tuple(t for t in map(_norm, phrase.split()) if t): role
    for role, phrases in COLUMN_ROLES.items()
    for phrase in phrases
}
_LONGEST = max(len(p) for p in _PHRASES)


def _is_number_sign(text: str) -> bool:
    return text.strip() in {"#", "No.", "No", "Nr.", "Pos."}


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
    while index < len(words):
        if not tokens[index]:
            index += 1
            continue
        for size in range(min(_LONGEST, len(words) - index), 0, -1):
            role = _PHRASES.get(tuple(tokens[index : index + size]))
            if role is not None:
                columns.append(Column(role, words[index].x0, words[index + size - 1].x1))
                index += size
                break
        else:
            return []
    return columns
