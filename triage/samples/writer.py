"""Write generated cases as the contract's folder-of-cases layout.

``DIR/case-0001/order.pdf``, ``quote.json``, ``customer.json``, ``labels.json``. Cases are
built in worker processes when there are enough of them; each case depends only on
(seed, index), so the bytes do not depend on the number of workers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from triage.errors import InputError
from triage.samples.case import generate_case

__all__ = ["MAX_CASES", "generate_cases", "write_case"]

MAX_CASES = 100_000
_PARALLEL_FROM = 16


def write_case(out_dir: Path, seed: int, index: int) -> Path:
    """Generate case ``index`` and write its four files; return the case folder."""
    case = generate_case(seed, index)
    folder = out_dir / case.labels.case
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "order.pdf").write_bytes(case.form.pdf)
    (folder / "quote.json").write_text(case.deal.quote.model_dump_json(indent=2) + "\n")
    (folder / "customer.json").write_text(case.deal.customer.model_dump_json(indent=2) + "\n")
    (folder / "labels.json").write_text(case.labels.model_dump_json(indent=2) + "\n")
    return folder


def _write_all(out_dir: Path, n: int, seed: int) -> Iterator[Path]:
    workers = min(os.cpu_count() or 1, 8)
    if n < _PARALLEL_FROM or workers == 1:
        for index in range(n):
            yield write_case(out_dir, seed, index)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(write_case, [out_dir] * n, [seed] * n, range(n), chunksize=2)


def generate_cases(
    out_dir: Path,
    n: int,
    seed: int,
    *,
    on_case: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write ``n`` cases for ``seed`` under ``out_dir``; return their folders in order.

    ``on_case`` is called with each case name as it is written. Raises InputError for
    ``n`` outside 1..MAX_CASES or an ``out_dir`` that is a file.
    """
    if not 1 <= n <= MAX_CASES:
        raise InputError(f"--n must be between 1 and {MAX_CASES}, got {n}")
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"{out_dir} exists and is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    folders = []
    for folder in _write_all(out_dir, n, seed):
        folders.append(folder)
        if on_case is not None:
            on_case(folder.name)
    return folders
