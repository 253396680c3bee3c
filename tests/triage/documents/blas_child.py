"""A child's entry for test_ocr_engine_memory, in a module of its own: the child imports
the module of its target first, and a test module imports numpy before the child could
limit its threads."""

from __future__ import annotations

from multiprocessing.connection import Connection

from triage.workers.limits import single_threaded


def blas_threads(answer: Connection) -> None:
    """Go single-threaded as a parse child does, load numpy, send its BLAS pools' threads."""
    single_threaded()
    import numpy  # noqa: F401
    from threadpoolctl import threadpool_info

    answer.send([pool["num_threads"] for pool in threadpool_info()])
