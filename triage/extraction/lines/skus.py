"""What a product code looks like, for the readers of tables, rows and sentences."""

from __future__ import annotations

import re

__all__ = ["PRODUCT_CODE", "is_compound_word", "is_printed_code", "looks_like_sku"]

PRODUCT_CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:[-_./][A-Z0-9]+)+$")
"""A code of capitals and digits in parts ("PV-ENT", "BRM-CAL-01")."""


def looks_like_sku(text: str) -> bool:
    """Return True for a product code: one token with a digit or separator, or all capitals."""
    return (
        len(text) >= 2
        and " " not in text
        and (bool(re.search(r"[\d\-_/.]", text)) or text.isupper())
    )


def is_compound_word(text: str) -> bool:
    """Return True for words joined by hyphens ("Scanner-Anbindung", "E-Mail-Archiv",
    "Add-on"): letters only, some in lower case. A code's parts are capitals and digits."""
    parts = text.split("-")
    return (
        len(parts) > 1 and all(part.isalpha() for part in parts) and any(c.islower() for c in text)
    )


def is_printed_code(token: str) -> bool:
    """Return True for a token that reads as a code, not a word: capitals and digits in
    parts ("TLM-S"), or letters and digits together without lower case ("X200")."""
    text = token.strip("()[],;:")
    if PRODUCT_CODE.match(text):
        return True
    return (
        len(text) >= 2
        and any(c.isdigit() for c in text)
        and any(c.isalpha() for c in text)
        and not any(c.islower() for c in text)
    )
