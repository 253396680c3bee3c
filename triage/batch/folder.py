"""The output folder of a resumable batch: parts committed atomically, then merged.

Layout of ``--out DIR``::

    DIR/parts/part-<run>-<n>/   one committed part: results.jsonl, orders.parquet,
                                exceptions.parquet and index.jsonl (case, key, offset, length)
    DIR/results.jsonl           every case once, in case order (the contract's lines)
    DIR/orders.parquet          one row per order: decision, codes, risk, versions, error
    DIR/exceptions.parquet      one row per exception

A part is written under ``parts/.tmp-…`` and renamed into place, so after a ``kill -9`` a
part is either wholly there or not at all; unfinished ones are removed on the next open.
The merged files are written at the end of every run (temporary file, then rename) from the
parts whose keys the run asked for, so each case appears once even when older parts hold
results of other versions. A lock file keeps two drivers out of one folder.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Self

from triage.batch.records import CaseRecord
from triage.batch.tables import arrow, read_table, write_table
from triage.errors import InputError

__all__ = ["OutputFolder"]


@dataclass(frozen=True, slots=True)
class _Stored:
    part: str
    offset: int
    length: int


def _fsync_write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class OutputFolder:
    """Commits records in parts and knows which keys are already done."""

    def __init__(self, root: Path, *, part_size: int = 200, part_seconds: float = 20.0) -> None:
        self.root = root
        self.part_size = part_size
        self.part_seconds = part_seconds
        self.parts_dir = root / "parts"
        self._stored: dict[str, _Stored] = {}
        self._pending: list[CaseRecord] = []
        self._pending_since = time.monotonic()
        self._run = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
        self._serial = 0
        self._lock: IO[bytes] | None = None
        self.committed_parts = 0

    def open(self) -> Self:
        """Lock the folder, drop unfinished parts and load the keys of committed ones."""
        arrow()
        try:
            self.parts_dir.mkdir(parents=True, exist_ok=True)
            self._lock = (self.root / ".lock").open("wb")
        except OSError as error:
            raise InputError(f"{self.root}: cannot write ({error.strerror})") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise InputError(f"{self.root}: another batch is writing to this folder") from None
        for leftover in self.parts_dir.glob(".tmp-*"):
            shutil.rmtree(leftover, ignore_errors=True)
        for part in sorted(self.parts_dir.glob("part-*")):
            for line in (part / "index.jsonl").read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                self._stored[entry["key"]] = _Stored(part.name, entry["offset"], entry["length"])
        return self

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_done(self, key: str) -> bool:
        """Return whether a committed part already holds the result of ``key``."""
        return key in self._stored

    @property
    def done_count(self) -> int:
        """Return how many distinct keys the committed parts hold."""
        return len(self._stored)

    def add(self, record: CaseRecord) -> None:
        """Buffer one record; commit a part when it is full or old enough."""
        if not self._pending:
            self._pending_since = time.monotonic()
        self._pending.append(record)
        age = time.monotonic() - self._pending_since
        if len(self._pending) >= self.part_size or age >= self.part_seconds:
            self.commit()

    def commit(self) -> None:
        """Write the buffered records as one part and rename it into place."""
        if not self._pending:
            return
        self._serial += 1
        name = f"part-{self._run}-{self._serial:05d}"
        staging = self.parts_dir / f".tmp-{name}"
        staging.mkdir()
        lines: list[bytes] = []
        stored: dict[str, _Stored] = {}
        index: list[str] = []
        offset = 0
        for record in self._pending:
            data = (record.line + "\n").encode()
            lines.append(data)
            stored[record.key] = _Stored(name, offset, len(data))
            entry = {"case": record.case, "key": record.key, "offset": offset, "length": len(data)}
            index.append(json.dumps(entry) + "\n")
            offset += len(data)
        _fsync_write(staging / "results.jsonl", b"".join(lines))
        write_table(staging / "orders.parquet", "orders", [r.order for r in self._pending])
        rows = [row for r in self._pending for row in r.exceptions]
        write_table(staging / "exceptions.parquet", "exceptions", rows)
        _fsync_write(staging / "index.jsonl", "".join(index).encode())
        staging.rename(self.parts_dir / name)
        directory = os.open(self.parts_dir, os.O_RDONLY)
        try:
            os.fsync(directory)
        finally:
            os.close(directory)
        self._stored.update(stored)
        self._pending.clear()
        self.committed_parts += 1

    def merge(self, cases: Sequence[tuple[str, str]]) -> int:
        """Write results.jsonl and both tables for ``(case, key)`` pairs, in that order.

        Return how many cases they hold; a case whose key no part holds is left out.
        """
        self.commit()
        wanted = [(case, key) for case, key in cases if key in self._stored]
        self._merge_jsonl(wanted)
        position = {key: n for n, (_, key) in enumerate(wanted)}
        parts = sorted({self._stored[key].part for key in position})
        for table in ("orders", "exceptions"):
            self._merge_table(table, parts, position)
        return len(wanted)

    def _merge_jsonl(self, wanted: Sequence[tuple[str, str]]) -> None:
        staging = self.root / ".results.jsonl.tmp"
        handle: IO[bytes] | None = None
        current = ""
        with staging.open("wb") as out:
            for _, key in wanted:
                stored = self._stored[key]
                if stored.part != current:
                    if handle:
                        handle.close()
                    handle = (self.parts_dir / stored.part / "results.jsonl").open("rb")
                    current = stored.part
                assert handle is not None
                handle.seek(stored.offset)
                out.write(handle.read(stored.length))
            if handle:
                handle.close()
        staging.replace(self.root / "results.jsonl")

    def _merge_table(self, table: str, parts: list[str], position: dict[str, int]) -> None:
        pa = arrow()
        pc = pa.compute
        # Columnar all the way: 100k orders stay a few tens of MB, not 100k dicts.
        pieces = []
        for part in parts:
            piece = read_table(self.parts_dir / part / f"{table}.parquet")
            order = [position.get(key, -1) for key in piece.column("key").to_pylist()]
            piece = piece.append_column("_position", pa.array(order, pa.int64()))
            pieces.append(piece.filter(pc.greater_equal(piece.column("_position"), 0)))
        staging = self.root / f".{table}.parquet.tmp"
        if pieces:
            merged = pa.concat_tables(pieces).sort_by("_position").drop_columns(["_position"])
            pa.parquet.write_table(merged, staging)
        else:
            write_table(staging, table, [])
        staging.replace(self.root / f"{table}.parquet")

    def close(self) -> None:
        """Release the folder's lock (buffered records are committed first)."""
        if self._lock is None:
            return
        try:
            self.commit()
        finally:
            self._lock.close()
            self._lock = None
