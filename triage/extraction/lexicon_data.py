"""The extractor's label lexicon, read from ``models/extraction/lexicon.yaml``.

Which words name which field, which header words name which table column: data that
analysts and engineers extend without touching code. The file sits with the extractor's
models, so ``models_fingerprint`` hashes it into the extractor version and stored results
tell lexicons apart. It is read once per process and validated; a malformed file stops
start-up with a message naming the problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator

from triage.errors import ConfigError

_Model = TypeVar("_Model", bound=BaseModel)

__all__ = ["FIELDS", "LEXICON_PATH", "Lexicon", "alternation", "load_lexicon", "read_data_file"]

LEXICON_PATH = Path(__file__).resolve().parents[2] / "models" / "extraction" / "lexicon.yaml"
"""The lexicon shipped with the repository's models."""

FIELDS = frozenset(
    {
        "order_number", "customer_legal_name", "provider_legal_name", "currency",
        "order_date", "start_date", "end_date", "term_months", "billing_frequency",
        "billing_start_date", "payment_terms_days", "po_number", "auto_renewal",
        "renewal_term_months", "renewal_notice_days", "renewal_uplift_cap_pct",
        "total_contract_value", "customer_signed_date",
    }
)  # fmt: skip
"""The fields a label, a cue or a word list may name."""


_PROSE_LINE_KEYS = frozenset(
    {"per_unit", "count_lead", "price_per_month", "price_per_quarter", "year_ordinals"}
)


# Word lists held in named groups, and the groups each must have (in the error's order).
_WORD_GROUPS: dict[str, tuple[str, ...]] = {
    "date_words": ("day_suffixes", "before_month", "before_year"),
    "payment_words": ("end_of_month", "on_receipt"),
    "before_tax_words": ("exclusions", "alone"),
    "line_kind_words": ("usage", "one_time", "service", "subscription"),
}


class Lexicon(BaseModel):
    """Label synonyms per field, weak labels, range labels, block and addressee labels,
    forms of address, legal forms, column roles."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: str
    field_labels: dict[str, tuple[str, ...]]
    weak_labels: dict[str, str]
    range_labels: frozenset[str]
    signature_name_labels: frozenset[str]
    signature_date_labels: frozenset[str]
    signature_mark_labels: frozenset[str]
    column_roles: dict[str, tuple[str, ...]]
    month_names: dict[int, tuple[str, ...]]
    date_words: dict[str, tuple[str, ...]]
    payment_words: dict[str, tuple[str, ...]]
    duration_units: dict[str, tuple[str, ...]]
    fallback_cues: tuple[str, ...]
    other_quantity_words: dict[str, frozenset[str]]
    tax_words: frozenset[str]
    before_tax_words: dict[str, tuple[str, ...]]
    block_labels: frozenset[str]
    addressee_labels: frozenset[str]
    fee_labels: frozenset[str]
    label_abbreviations: dict[str, str]
    document_date_labels: frozenset[str]
    honorifics: frozenset[str]
    salutations: frozenset[str]
    legal_forms: tuple[str, ...]
    name_joiners: frozenset[str]
    order_document_words: tuple[str, ...]
    quote_document_words: tuple[str, ...]
    prose_line_words: dict[str, tuple[str, ...]]
    line_kind_words: dict[str, tuple[str, ...]]

    @field_validator("fallback_cues")
    @classmethod
    def _patterns(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as error:
                message = f"fallback cue {pattern!r} is not a regular expression: {error}"
                raise ValueError(message) from error
        return patterns

    @field_validator("legal_forms")
    @classmethod
    def _printed_forms(cls, forms: tuple[str, ...]) -> tuple[str, ...]:
        for form in forms:
            if not form or not form[0].isalpha() or form != form.strip():
                message = f"legal form {form!r} must start with a letter, no spaces round it"
                raise ValueError(message)
        return forms

    @field_validator(*_WORD_GROUPS)
    @classmethod
    def _word_groups(
        cls, words: dict[str, tuple[str, ...]], info: ValidationInfo
    ) -> dict[str, tuple[str, ...]]:
        keys = _WORD_GROUPS[info.field_name or ""]
        if set(words) != set(keys):
            named = f"{', '.join(keys[:-1])} and {keys[-1]}"
            raise ValueError(f"{info.field_name} needs {named}")
        return words

    @field_validator("duration_units")
    @classmethod
    def _units(cls, units: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        if set(units) != {"month", "year", "day"}:
            raise ValueError("duration_units needs exactly the units month, year and day")
        return units

    @field_validator("month_names")
    @classmethod
    def _twelve_months(cls, names: dict[int, tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
        if sorted(names) != list(range(1, 13)):
            raise ValueError("month_names needs the months 1 to 12")
        return names

    @field_validator("field_labels")
    @classmethod
    def _known_fields(cls, labels: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        unknown = sorted(set(labels) - FIELDS)
        if unknown:
            raise ValueError(f"labels for unknown fields: {', '.join(unknown)}")
        return labels

    @field_validator("other_quantity_words")
    @classmethod
    def _quantity_fields(cls, words: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        unknown = sorted(set(words) - FIELDS)
        if unknown:
            raise ValueError(f"other_quantity_words for unknown fields: {', '.join(unknown)}")
        return words

    @field_validator("prose_line_words")
    @classmethod
    def _prose_words(cls, words: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
        missing = sorted(_PROSE_LINE_KEYS - set(words))
        if missing:
            raise ValueError(f"prose_line_words lacks: {', '.join(missing)}")
        return words

    @field_validator("weak_labels")
    @classmethod
    def _weak_fields(cls, labels: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(labels.values()) - FIELDS)
        if unknown:
            raise ValueError(f"weak labels for unknown fields: {', '.join(unknown)}")
        return labels


def read_data_file(path: Path, model: type[_Model], what: str) -> _Model:
    """Return the YAML file at ``path`` validated as ``model``; raise ConfigError naming
    ``what`` the file is and what is wrong with it."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read the {what} {path}: {error}") from error
    except yaml.YAMLError as error:
        raise ConfigError(f"the {what} {path} is not valid YAML: {error}") from error
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise ConfigError(f"the {what} {path} is invalid: {error}") from error


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Return the lexicon at ``path``; raise ConfigError naming what is wrong with it."""
    return read_data_file(path, Lexicon, "extraction lexicon")


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of lexicon ``words``, longest first (so "due on
    receipt" wins over "on receipt"), a space in a phrase matching any run of spaces."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
