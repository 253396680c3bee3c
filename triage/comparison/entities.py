"""Telling whether two legal names name the same entity.

Case, accents, punctuation, whitespace, ``&``/``and`` and spelling variants of one legal
form (Inc / Inc. / Incorporated, LLC / L.L.C., Ltd / Limited ...) are cosmetic. A different
base name is a different entity, and so is a different legal form (Acme Inc vs Acme Ltd);
a legal form written on one side only is taken as an omission, not a different entity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["EntityName", "normalise_entity_name", "same_entity"]

# Spelling variants of each legal form, written as normalised token sequences.
_LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "inc": ("inc", "incorporated"),
    "corp": ("corp", "corporation"),
    "llc": ("llc", "limited liability company"),
    "llp": ("llp", "limited liability partnership"),
    "lp": ("lp", "limited partnership"),
    "pty ltd": ("pty ltd", "pty limited", "proprietary limited", "proprietary ltd"),
    "co ltd": ("co ltd", "company limited", "co limited", "company ltd"),
    "ltd": ("ltd", "limited"),
    "plc": ("plc", "public limited company"),
    "gmbh": ("gmbh", "gesellschaft mit beschrankter haftung"),
    "ag": ("ag", "aktiengesellschaft"),
    "sa": ("sa",),
    "sas": ("sas",),
    "sarl": ("sarl",),
    "srl": ("srl",),
    "spa": ("spa",),
    "bv": ("bv",),
    "nv": ("nv",),
    "ab": ("ab",),
    "oy": ("oy",),
    "kk": ("kk", "kabushiki kaisha"),
    "co": ("co", "company"),
}
# Longest variants first, so "pty ltd" is taken before "ltd".
_VARIANTS: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    sorted(
        ((tuple(variant.split()), form) for form, vs in _LEGAL_FORMS.items() for variant in vs),
        key=lambda item: -len(item[0]),
    )
)
_JOINING = re.compile(r"[.'’`]")
_SEPARATING = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class EntityName:
    """A legal name reduced to its base words and its legal form (None if not written)."""

    base: str
    legal_form: str | None


def _tokens(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ")
    text = _JOINING.sub("", text)  # "L.L.C." -> "llc", "O'Brien" -> "obrien"
    tokens = [t for t in _SEPARATING.split(text) if t]
    words: list[str] = []
    in_initials = False
    for token in tokens:  # "L L C" (from "L. L. C.") -> "llc"
        is_letter = len(token) == 1 and token.isalpha()
        if is_letter and in_initials:
            words[-1] += token
        else:
            words.append(token)
        in_initials = is_letter
    return words[1:] if len(words) > 1 and words[0] == "the" else words


@lru_cache(maxsize=4096)  # the same ERP names come back order after order
def normalise_entity_name(name: str) -> EntityName:
    """Return ``name`` as base words and legal form, ignoring case, punctuation and spelling."""
    tokens = _tokens(name)
    legal_form: str | None = None
    for variant, form in _VARIANTS:
        size = len(variant)
        if len(tokens) > size and tuple(tokens[-size:]) == variant:
            legal_form = form
            tokens = tokens[:-size]
            break
    while tokens and tokens[-1] == "and":
        tokens = tokens[:-1]
    return EntityName(base=" ".join(tokens), legal_form=legal_form)


def same_entity(left: str, right: str) -> bool:
    """Return True when both names denote one legal entity (see the module docstring)."""
    a, b = normalise_entity_name(left), normalise_entity_name(right)
    if a.base != b.base:
        return False
    return a.legal_form is None or b.legal_form is None or a.legal_form == b.legal_form
