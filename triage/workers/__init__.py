"""Child processes for the CPU-heavy stages: a FIFO pool, and a host sharing it across processes.

``WorkerPool`` (``triage.workers.pool``) runs long-lived children in this process's care;
``PoolHost`` and ``RemotePool`` (``triage.workers.host``) let several server processes share
one set of pools owned by their supervising process.
"""

from triage.workers.gate import Admission, Gate, GateClosed, GateTimeout
from triage.workers.host import HostStatus, PoolHost, RemoteGate, RemotePool
from triage.workers.pool import (
    NOT_READY,
    READY,
    Closing,
    Pool,
    PoolStage,
    Worker,
    WorkerLost,
    WorkerPool,
    answer_requests,
)

__all__ = [
    "NOT_READY",
    "READY",
    "Admission",
    "Closing",
    "Gate",
    "GateClosed",
    "GateTimeout",
    "HostStatus",
    "Pool",
    "PoolHost",
    "PoolStage",
    "RemoteGate",
    "RemotePool",
    "Worker",
    "WorkerLost",
    "WorkerPool",
    "answer_requests",
]
