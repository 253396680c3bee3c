"""An LLM's proposed value, read into the contract's type for its field.

The type comes from ``ExtractedFields`` itself, so a field's vocabulary (currency codes,
billing frequencies, money as a decimal string) is enforced exactly as for the
deterministic extractor. Dates must be ISO strings; a number or boolean where text is
expected, or text where a number is expected that is not a plain numeral, is refused.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, get_args

from pydantic import TypeAdapter, ValidationError

from triage.contract import FIELD_NAMES, ExtractedFields

__all__ = ["FieldValueError", "field_value_type", "read_field_value"]


class FieldValueError(ValueError):
    """The proposed value does not fit the field's contract type."""


@cache
def field_value_type(name: str) -> Any:
    """Return the contract's value type of field ``name`` (e.g. ``int``, ``date``, an enum)."""
    if name not in FIELD_NAMES:
        raise KeyError(name)
    field_class = ExtractedFields.model_fields[name].annotation
    value_annotation = field_class.model_fields["value"].annotation  # type: ignore[union-attr]
    members = [arg for arg in get_args(value_annotation) if arg is not type(None)]
    return members[0] if len(members) == 1 else value_annotation


@cache
def _adapter(name: str) -> TypeAdapter[Any]:
    return TypeAdapter(field_value_type(name))


def _base_type(value_type: Any) -> Any:
    origin_args = get_args(value_type)
    return origin_args[0] if origin_args else value_type


def read_field_value(name: str, raw: object) -> Any:
    """Return ``raw`` as a value of field ``name``'s type; raise FieldValueError if it is not."""
    if raw is None:
        raise FieldValueError("no value")
    base = _base_type(field_value_type(name))
    candidate: object = raw.strip() if isinstance(raw, str) else raw
    if isinstance(candidate, str) and not candidate:
        raise FieldValueError("empty value")
    if base is date and not isinstance(candidate, str):
        raise FieldValueError("a date must be an ISO string YYYY-MM-DD")
    if base is str and not isinstance(candidate, str):
        raise FieldValueError("expected text")
    if base is not bool and isinstance(candidate, bool):
        raise FieldValueError("true/false is not a value of this field")
    if base is bool and not isinstance(candidate, bool):
        lowered = str(candidate).casefold()
        if lowered not in {"true", "false", "yes", "no"}:
            raise FieldValueError("expected true or false")
        candidate = lowered in {"true", "yes"}
    if isinstance(base, type) and issubclass(base, Enum) and isinstance(candidate, str):
        candidate = candidate.casefold().replace("-", "_").replace(" ", "_")
    if base is Decimal and isinstance(candidate, int | float):
        candidate = str(candidate)
    if base is Decimal and isinstance(candidate, str):
        candidate = candidate.replace(",", "")
    if name == "currency" and isinstance(candidate, str):
        candidate = candidate.upper()
    if isinstance(base, type) and issubclass(base, int) and isinstance(candidate, float):
        if not candidate.is_integer():
            raise FieldValueError("expected a whole number")
        candidate = int(candidate)
    try:
        return _adapter(name).validate_python(candidate)
    except ValidationError as error:
        raise FieldValueError(error.errors()[0]["msg"]) from None
