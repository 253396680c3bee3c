"""Reading the inputs of a check from files: the PDF, the quote and the customer record.

Every failure becomes an InputError whose message names the file and, for JSON, the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from triage.contract import Customer, Quote
from triage.errors import InputError

__all__ = [
    "OrderInputs",
    "describe_error_items",
    "describe_validation_error",
    "load_case",
    "load_order_inputs",
    "parse_json_input",
    "read_bytes",
]

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class OrderInputs:
    """Everything one check needs, read and validated."""

    pdf: bytes
    filename: str
    quote: Quote
    customer: Customer


def _dotted(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(document)"


def describe_error_items(
    items: Iterable[Mapping[str, Any]], where: Callable[[tuple[Any, ...]], str] = _dotted
) -> str:
    """Return pydantic error items as one line: ``<where(loc)>: message; ...``.

    An unknown field is called by that name rather than pydantic's "extra inputs" wording.
    """
    parts = []
    for item in items:
        message = "unknown field" if item.get("type") == "extra_forbidden" else item.get("msg")
        parts.append(f"{where(tuple(item.get('loc', ())))}: {message}")
    return "; ".join(parts)


def describe_validation_error(error: ValidationError) -> str:
    """Return validation errors as one line: ``field.path: message; ...``."""
    return describe_error_items(error.errors())


def parse_json_input(raw: bytes | str, model: type[M], *, source: str) -> M:
    """Validate JSON text as ``model``; raise InputError naming ``source`` and the field."""
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        raise InputError(f"{source}: {describe_validation_error(error)}") from None


def read_bytes(path: Path) -> bytes:
    """Return the file's bytes; raise InputError if it is missing or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None


def load_order_inputs(pdf_path: Path, quote_path: Path, customer_path: Path) -> OrderInputs:
    """Read and validate the three inputs of one check."""
    return OrderInputs(
        pdf=read_bytes(pdf_path),
        filename=pdf_path.name,
        quote=parse_json_input(read_bytes(quote_path), Quote, source=str(quote_path)),
        customer=parse_json_input(read_bytes(customer_path), Customer, source=str(customer_path)),
    )


def load_case(case_dir: Path) -> OrderInputs:
    """Read one case folder of the contract's layout: order.pdf, quote.json, customer.json."""
    return load_order_inputs(
        case_dir / "order.pdf", case_dir / "quote.json", case_dir / "customer.json"
    )
