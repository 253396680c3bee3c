"""Kernel limits a child process puts on itself before it touches untrusted input.

``RLIMIT_AS`` caps the address space once, at start; the ``RLIMIT_CPU`` soft limit is moved
before each request to "CPU used so far + the request's budget", so the kernel stops a
runaway request (SIGXCPU) even if the parent's wall-clock watchdog were late. (The parse
worker, ``triage.documents.worker``, sets the same two limits.)

``single_threaded`` keeps the native libraries of a child from reserving address space per
core: with one thread per core, OpenBLAS (numpy's, OpenCV's and SciPy's copies each) keeps a
buffer of 32 MB per thread, every extra thread an 8 MB stack and a 64 MB glibc malloc arena.
On 2 cores a parse child doing OCR reserved 770 MB for ~220 MB resident (1.05 GB, over the
1024 MB limit, when its parent's script also imported the extractor); on more cores it only
grows. The child has one core's budget, so one thread costs it nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import math
import os
import resource

__all__ = ["SINGLE_THREADED", "limit_cpu", "limit_memory", "single_threaded"]

# Read by OpenMP (libgomp: tesseract), OpenBLAS and MKL when they load.
SINGLE_THREADED = ("OMP_NUM_THREADS", "OMP_THREAD_LIMIT", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
_M_ARENA_MAX = -8  # glibc's mallopt parameter: how many malloc arenas threads may create


def single_threaded() -> None:
    """Make the native libraries this process loads from now on run one thread each, and
    let glibc create no malloc arena beyond the main one.

    Call it first thing in a child: the thread variables count only for a library not yet
    loaded (one its parent's script made the child import already keeps its threads).
    """
    for variable in SINGLE_THREADED:
        os.environ[variable] = "1"
    with contextlib.suppress(OSError, AttributeError):  # not glibc: its own policy, then
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 1)


def limit_memory(memory_mb: int) -> None:
    """Cap this process's address space at ``memory_mb`` (never above its hard limit)."""
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def limit_cpu(budget_s: float) -> None:
    """Let the kernel stop this process once it has used ``budget_s`` more CPU seconds."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    used = usage.ru_utime + usage.ru_stime
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    soft = math.ceil(used + budget_s) + 1
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
