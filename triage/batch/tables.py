"""The Parquet tables of a batch: one row per order, and one row per exception.

pyarrow comes with the ``[ray]`` extra; it is imported only when a table is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from triage.errors import InputError

__all__ = ["TABLE_COLUMNS", "arrow", "read_table", "table_writer", "write_table"]

_ORDER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("case", "string"),
    ("order_id", "string"),
    ("decision", "string"),
    ("exception_codes", "list"),
    ("exception_count", "int32"),
    ("dispute", "float64"),
    ("delay", "float64"),
    ("total_contract_value", "string"),
    ("document_sha256", "string"),
    ("pages", "int32"),
    ("rules_version", "string"),
    ("policy_version", "string"),
    ("extractor_version", "string"),
    ("model_version", "string"),
    ("error_code", "string"),
    ("error_detail", "string"),
    ("seconds", "float64"),
    ("attempts", "int32"),
    ("key", "string"),
)

_EXCEPTION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("case", "string"),
    ("order_id", "string"),
    ("code", "string"),
    ("severity", "string"),
    ("queue", "string"),
    ("field", "string"),
    ("expected", "string"),
    ("found", "string"),
    ("message", "string"),
    ("rule", "string"),
    ("key", "string"),
)

TABLE_COLUMNS = {"orders": _ORDER_COLUMNS, "exceptions": _EXCEPTION_COLUMNS}


def arrow() -> Any:
    """Return the pyarrow module (with parquet and compute loaded); InputError if missing."""
    # Arrow's default pool (mimalloc) keeps what it frees: merging the parts of 500 and
    # 2,000 orders left the driver 26 and 39 MB larger; the system allocator, 8 and 10 MB.
    # The variable counts if Arrow has not allocated yet; set_memory_pool covers the rest.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.parquet
    except ImportError:
        raise InputError(
            "writing a batch folder (Parquet) needs pyarrow: "
            "pip install 'contract-exception-triage[ray]'"
        ) from None
    if os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "system":
        pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    return pyarrow


def _schema(pa: Any, table: str) -> Any:
    types = {"string": pa.string(), "int32": pa.int32(), "float64": pa.float64()}
    return pa.schema(
        [
            (name, pa.list_(pa.string()) if kind == "list" else types[kind])
            for name, kind in TABLE_COLUMNS[table]
        ]
    )


def write_table(path: Path, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Write ``rows`` as the Parquet table ``table`` ('orders' or 'exceptions') at ``path``."""
    pa = arrow()
    pa.parquet.write_table(pa.Table.from_pylist(list(rows), schema=_schema(pa, table)), path)


def read_table(path: Path) -> Any:
    """Return the pyarrow table stored at ``path``.

    ``ParquetFile`` reads the file itself; ``parquet.read_table`` would go through Arrow's
    dataset layer, whose libraries (dataset, substrait) cost the driver several MB of
    resident memory the first time, for nothing a single file needs.
    """
    with arrow().parquet.ParquetFile(path) as handle:
        return handle.read(use_threads=False)


@contextmanager
def table_writer(path: Path, table: str) -> Iterator[Any]:
    """Yield a Parquet writer of ``table`` at ``path``: each ``write_table`` adds row groups.

    The file is complete (and valid with no rows) once the block ends.
    """
    pa = arrow()
    writer = pa.parquet.ParquetWriter(path, _schema(pa, table))
    try:
        yield writer
    finally:
        writer.close()
