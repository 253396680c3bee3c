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

Memory does not grow with the batch beyond one 32-byte digest per done key (and the
number of its part): a part's rows leave memory when it is committed, and the merge
goes through the run's keys a window at a time, reading from each part only the offsets
and rows of that window and writing them as one row group.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import IO, Any, Self

from triage.batch.engines import release_freed_memory
from triage.batch.records import CaseRecord
from triage.batch.tables import TABLE_COLUMNS, arrow, read_table, table_writer, write_table
from triage.errors import InputError

__all__ = ["MERGE_WINDOW", "OutputFolder"]

MERGE_WINDOW = 250
"""Keys merged at a time (one row group per window in each table). Merging the parts of a
2,000-order Ray run again in a fresh process raised the driver's peak by 10.8 MB with
1,000-key windows (10.5 for its first 1,000 cases, 9.3 for 500: a window's tables, sorted,
are the part that grows) and by 9.1 MB with 250-key ones, most of it Arrow's own code and
buffers, loaded once."""


def _fsync_write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


class OutputFolder:
    """Commits records in parts and knows which keys are already done."""

    def __init__(
        self,
        root: Path,
        *,
        part_size: int = 200,
        part_seconds: float = 20.0,
        merge_window: int = MERGE_WINDOW,
    ) -> None:
        self.root = root
        self.part_size = part_size
        self.part_seconds = part_seconds
        self.merge_window = merge_window
        self.parts_dir = root / "parts"
        # A done key's 32-byte digest -> the number of the part holding it (an index of
        # _parts; one int object per part, shared by its keys): about 0.15 KB per key.
        self._done: dict[bytes, int] = {}
        self._parts: list[str] = []
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
            self._note_part(part.name, (entry["key"] for entry in self._index(part.name)))
        return self

    def _index(self, part: str) -> Iterator[dict[str, Any]]:
        text = (self.parts_dir / part / "index.jsonl").read_text(encoding="utf-8")
        return (json.loads(line) for line in text.splitlines())

    def _note_part(self, part: str, keys: Iterable[str]) -> None:
        number = len(self._parts)
        self._parts.append(part)
        for key in keys:
            self._done[bytes.fromhex(key)] = number

    def __enter__(self) -> Self:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def is_done(self, key: str) -> bool:
        """Return whether a committed part already holds the result of ``key``."""
        return bytes.fromhex(key) in self._done

    @property
    def done_count(self) -> int:
        """Return how many distinct keys the committed parts hold."""
        return len(self._done)

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
        index: list[str] = []
        offset = 0
        for record in self._pending:
            data = (record.line + "\n").encode()
            lines.append(data)
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
        self._note_part(name, (record.key for record in self._pending))
        self._pending.clear()
        self.committed_parts += 1
        release_freed_memory()  # the part's rows and Arrow buffers, freed below live keys

    def merge(self, keys: Iterable[str]) -> int:
        """Write results.jsonl and both tables for ``keys`` (the cases' keys), in that order.

        Return how many cases they hold; a key no part holds is left out (the keys are the
        cases' of one source, so each comes once). ``keys`` is read ``merge_window`` at a
        time, so memory holds one window's offsets and rows whatever the batch's size.
        """
        self.commit()
        pa = arrow()
        names = ["results.jsonl", *(f"{table}.parquet" for table in TABLE_COLUMNS)]
        staged = {name: self.root / f".{name}.tmp" for name in names}
        merged = 0
        with ExitStack() as stack:
            lines = stack.enter_context(staged["results.jsonl"].open("wb"))
            writers = {
                table: stack.enter_context(table_writer(staged[f"{table}.parquet"], table))
                for table in TABLE_COLUMNS
            }
            remaining = iter(keys)
            while window := tuple(islice(remaining, self.merge_window)):
                merged += self._merge_window(window, lines, writers, pa)
                release_freed_memory()  # one window's Arrow buffers, not every window's
        for name, path in staged.items():
            path.replace(self.root / name)
        return merged

    def _merge_window(
        self,
        window: tuple[str, ...],
        lines: IO[bytes],
        writers: dict[str, Any],
        pa: Any,
    ) -> int:
        """Append one window of keys to the merged outputs; return how many it held."""
        position: dict[str, int] = {}
        by_part: dict[int, set[str]] = defaultdict(set)
        for key in window:
            part = self._done.get(bytes.fromhex(key))
            if part is None or key in position:
                continue
            position[key] = len(position)
            by_part[part].add(key)
        where: list[tuple[int, int, int]] = [(0, 0, 0)] * len(position)
        pieces: dict[str, list[Any]] = {table: [] for table in TABLE_COLUMNS}
        for part, wanted in sorted(by_part.items()):
            name = self._parts[part]
            for entry in self._index(name):
                if entry["key"] in wanted:  # a key committed twice is taken from one part
                    where[position[entry["key"]]] = (part, entry["offset"], entry["length"])
            for table, found in pieces.items():
                piece = read_table(self.parts_dir / name / f"{table}.parquet")
                order = [
                    position[k] if k in wanted else -1 for k in piece.column("key").to_pylist()
                ]
                piece = piece.append_column("_position", pa.array(order, pa.int64()))
                found.append(piece.filter(pa.compute.greater_equal(piece.column("_position"), 0)))
        self._copy_lines(where, lines)
        for table, found in pieces.items():
            if found:
                rows = pa.concat_tables(found).sort_by("_position").drop_columns(["_position"])
                writers[table].write_table(rows)
        return len(position)

    def _copy_lines(self, where: list[tuple[int, int, int]], out: IO[bytes]) -> None:
        handles: dict[int, IO[bytes]] = {}
        try:
            for part, offset, length in where:
                if part not in handles:
                    path = self.parts_dir / self._parts[part] / "results.jsonl"
                    handles[part] = path.open("rb")
                handles[part].seek(offset)
                out.write(handles[part].read(length))
        finally:
            for handle in handles.values():
                handle.close()

    def close(self) -> None:
        """Release the folder's lock (buffered records are committed first)."""
        if self._lock is None:
            return
        try:
            self.commit()
        finally:
            self._lock.close()
            self._lock = None
