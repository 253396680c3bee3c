"""Legal names: same-entity spelling variants (clean) and genuinely different entities.

By docs/semantics.md, case, punctuation and legal-suffix variants (Inc/Inc./Incorporated,
LLC/L.L.C., Ltd/Limited, Corp/Corporation, &/and) name the same entity.
"""

from __future__ import annotations

from random import Random

from triage.samples import catalog

__all__ = ["clean_variant", "different_entity", "legal_name"]

_EQUIVALENT_SUFFIXES: tuple[tuple[str, ...], ...] = (
    ("Inc.", "Inc", "Incorporated"),
    ("LLC", "L.L.C."),
    ("Ltd", "Ltd.", "Limited"),
    ("Corporation", "Corp.", "Corp"),
    ("Pty Ltd", "Pty. Ltd.", "Pty Limited"),
)

_DIVISIONS = ("Holdings", "Services", "International", "Group", "Trading")


def legal_name(rng: Random, country: catalog.Country) -> str:
    """Return a customer legal name: a company stem and one of the country's suffixes."""
    return f"{rng.choice(catalog.CUSTOMER_STEMS)} {rng.choice(country.suffixes)}"


def _split_suffix(name: str) -> tuple[str, str]:
    for group in _EQUIVALENT_SUFFIXES:
        for suffix in sorted(group, key=len, reverse=True):
            if name.endswith(" " + suffix):
                return name[: -len(suffix) - 1], suffix
    head, _, tail = name.rpartition(" ")
    return head, tail


def clean_variant(rng: Random, name: str) -> str:
    """Return a spelling of ``name`` that is the same legal entity (often ``name`` itself)."""
    roll = rng.random()
    if roll < 0.5:
        return name
    stem, suffix = _split_suffix(name)
    if roll < 0.7:
        group = next((g for g in _EQUIVALENT_SUFFIXES if suffix in g), (suffix,))
        suffix = rng.choice(group)
    elif roll < 0.8 and "&" in stem:
        stem = stem.replace("&", "and")
    elif roll < 0.9:
        return f"{stem}, {suffix}"
    else:
        return f"{stem} {suffix}".upper()
    return f"{stem} {suffix}"


def different_entity(rng: Random, name: str, country: catalog.Country) -> str:
    """Return the name of a different legal entity that resembles ``name`` (an affiliate)."""
    stem, suffix = _split_suffix(name)
    choice = rng.random()
    if choice < 0.4:
        return f"{stem} {rng.choice(_DIVISIONS)} {suffix}"
    if choice < 0.7:
        region = {"US": "USA", "GB": "UK", "DE": "Deutschland", "FR": "France"}
        return f"{stem} {region.get(country.code, country.name)} {suffix}"
    others = [s for s in catalog.CUSTOMER_STEMS if s != stem]
    return f"{rng.choice(others)} {suffix}"
