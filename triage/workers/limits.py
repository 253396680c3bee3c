"""Kernel limits a child process puts on itself before it touches untrusted input.

``RLIMIT_AS`` caps the address space once, at start; the ``RLIMIT_CPU`` soft limit is moved
before each request to "CPU used so far + the request's budget", so the kernel stops a
runaway request (SIGXCPU) even if the parent's wall-clock watchdog were late. (The parse
worker, ``triage.documents.worker``, sets the same two limits.)
"""

from __future__ import annotations

import math
import resource

__all__ = ["limit_cpu", "limit_memory"]


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
