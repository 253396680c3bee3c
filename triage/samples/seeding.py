"""Independent, reproducible random streams per (seed, case, purpose)."""

from __future__ import annotations

import hashlib
from random import Random

__all__ = ["case_rng"]


def case_rng(seed: int, index: int, stream: str) -> Random:
    """Return a Random seeded from ``(seed, index, stream)`` only.

    Each case draws from its own streams, so case k is the same whatever the number of
    cases generated, and adding draws to one stream never shifts another.
    """
    digest = hashlib.sha256(f"{seed}:{index}:{stream}".encode()).digest()
    return Random(int.from_bytes(digest[:8], "big"))
