"""Where a batch's cases come from: a folder of cases or a manifest (JSONL or CSV).

A manifest row names a case and its three inputs: ``case``, ``pdf`` (a path, or a URL that
fsspec understands such as ``s3://bucket/order.pdf``), ``quote`` and ``customer`` (each a
path or URL of a JSON file, or the JSON itself inline). Relative paths are read from the
manifest's folder, so a backlog exported from CPQ/ERP needs no copying into case folders.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from triage.batch.cases import list_cases
from triage.contract import Customer, Quote
from triage.errors import InputError
from triage.inputs import OrderInputs, parse_json_input, read_bytes

__all__ = ["MANIFEST_COLUMNS", "CaseRef", "CaseRefs", "RawCase", "list_case_refs", "read_case"]

MANIFEST_COLUMNS = ("case", "pdf", "quote", "customer")


@dataclass(frozen=True, slots=True)
class CaseRef:
    """One case of a source: its id and where each of its inputs is (or the inline JSON)."""

    case: str
    pdf: str
    quote: str
    customer: str


@dataclass(frozen=True, slots=True)
class RawCase:
    """A case's inputs as bytes, not yet validated (validation runs with the pipeline)."""

    case: str
    filename: str
    pdf: bytes
    quote: bytes
    customer: bytes
    quote_source: str
    customer_source: str

    def inputs(self) -> OrderInputs:
        """Return the inputs with quote and customer validated; InputError names the field."""
        return OrderInputs(
            pdf=self.pdf,
            filename=self.filename,
            quote=parse_json_input(self.quote, Quote, source=self.quote_source),
            customer=parse_json_input(self.customer, Customer, source=self.customer_source),
        )


def _is_url(location: str) -> bool:
    return "://" in location and not location.startswith("file://")


def _read_location(location: str) -> bytes:
    """Return the bytes at a path or fsspec URL; raise InputError naming it on failure."""
    if not _is_url(location):
        return read_bytes(Path(location.removeprefix("file://")))
    try:
        import fsspec
    except ImportError:
        raise InputError(
            f"{location}: reading URLs needs fsspec (pip install 'contract-exception-triage[ray]')"
        ) from None
    try:
        with fsspec.open(location, "rb") as handle:
            data: bytes = handle.read()
    except (OSError, ValueError, ImportError) as error:
        raise InputError(f"{location}: cannot read ({error})") from None
    return data


def _is_inline(value: str) -> bool:
    return value.lstrip().startswith("{")


def _read_json_input(value: str) -> bytes:
    return value.encode() if _is_inline(value) else _read_location(value)


def read_case(ref: CaseRef) -> RawCase:
    """Return the bytes of ``ref``'s inputs; raise InputError naming what cannot be read."""
    return RawCase(
        case=ref.case,
        filename=ref.pdf.rstrip("/").rsplit("/", 1)[-1] or "order.pdf",
        pdf=_read_location(ref.pdf),
        quote=_read_json_input(ref.quote),
        customer=_read_json_input(ref.customer),
        quote_source=f"{ref.case}: quote" if _is_inline(ref.quote) else ref.quote,
        customer_source=f"{ref.case}: customer" if _is_inline(ref.customer) else ref.customer,
    )


class CaseRefs:
    """The cases of a source, read again on each pass rather than held in memory.

    A manifest is checked whole once (every row valid, no case id twice) when the source
    is opened, keeping only a count and a 16-byte digest per case id for that pass; each
    iteration then reads it again a line at a time, so a driver holds one row, not the
    backlog. A folder's case names are listed (and sorted) once.
    """

    def __init__(self, rows: Callable[[], Iterator[CaseRef]], count: int) -> None:
        self._rows = rows
        self._count = count

    def __iter__(self) -> Iterator[CaseRef]:
        return self._rows()

    def __len__(self) -> int:
        return self._count


def _folder_refs(root: Path) -> CaseRefs:
    names = [case.name for case in list_cases(root)]

    def rows() -> Iterator[CaseRef]:
        for name in names:
            case = root / name
            yield CaseRef(
                case=name,
                pdf=str(case / "order.pdf"),
                quote=str(case / "quote.json"),
                customer=str(case / "customer.json"),
            )

    return CaseRefs(rows, len(names))


def _manifest_rows(manifest: Path) -> Iterator[tuple[str, dict[str, object]]]:
    """Yield ``(where, row)`` for each row, reading the manifest a line at a time."""
    try:
        handle = manifest.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise InputError(f"{manifest}: cannot read ({error.strerror})") from None
    with handle:
        if manifest.suffix.lower() == ".csv":
            for number, row in enumerate(csv.DictReader(handle), start=2):
                yield f"{manifest}:{number}", dict(row)
            return
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise InputError(f"{manifest}:{number}: not JSON ({error.msg})") from None
            if not isinstance(row, dict):
                raise InputError(f"{manifest}:{number}: expected a JSON object per line")
            yield f"{manifest}:{number}", row


def _cell(where: str, row: dict[str, object], column: str, base: Path) -> str:
    value = row.get(column)
    if isinstance(value, dict) and column in ("quote", "customer"):
        return json.dumps(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{where}: {column}: missing (a manifest row needs {MANIFEST_COLUMNS})")
    value = value.strip()
    if column == "case" or value.startswith("{") or _is_url(value) or Path(value).is_absolute():
        return value
    return str(base / value)


def _manifest_case_refs(manifest: Path) -> Iterator[tuple[str, CaseRef]]:
    for where, row in _manifest_rows(manifest):
        unknown = sorted(set(row) - set(MANIFEST_COLUMNS))
        if unknown:
            raise InputError(f"{where}: {unknown[0]}: unknown field")
        ref = CaseRef(*(_cell(where, row, column, manifest.parent) for column in MANIFEST_COLUMNS))
        yield where, ref


def _manifest_refs(manifest: Path) -> CaseRefs:
    seen: set[bytes] = set()
    for where, ref in _manifest_case_refs(manifest):
        digest = hashlib.blake2b(ref.case.encode(), digest_size=16).digest()
        if digest in seen:
            raise InputError(f"{where}: case {ref.case!r} appears twice in the manifest")
        seen.add(digest)
    if not seen:
        raise InputError(f"{manifest}: the manifest lists no cases")

    def rows() -> Iterator[CaseRef]:
        return (ref for _, ref in _manifest_case_refs(manifest))

    return CaseRefs(rows, len(seen))


def list_case_refs(source: Path) -> CaseRefs:
    """Return the cases of a folder (in name order) or a manifest (in its order), streamed.

    Raise InputError for a missing source, a manifest of another format, an unknown or
    missing column, or a case id that appears twice.
    """
    if source.is_dir():
        return _folder_refs(source)
    if not source.exists():
        raise InputError(f"{source}: no such folder or manifest")
    if source.suffix.lower() not in (".jsonl", ".csv"):
        raise InputError(f"{source}: a manifest must be .jsonl or .csv")
    return _manifest_refs(source)
