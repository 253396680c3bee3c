"""Calibrated confidence: a monotone map from a rule-based score to P(value is correct).

One step function per field (and one for line items), fitted on generated cases by
pool-adjacent-violators (``python -m training.extraction.fit_calibration``) and shipped as
JSON in ``models/extraction/calibration.json``.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Calibration", "StepMap", "fit_step_map"]

LINE_ITEMS = "line_items"


@dataclass(frozen=True, slots=True)
class StepMap:
    """``value[i]`` applies to raw scores from ``thresholds[i]`` up to the next threshold."""

    thresholds: tuple[float, ...]
    values: tuple[float, ...]

    def __call__(self, raw: float) -> float:
        """Return the calibrated probability of ``raw`` (raw itself when nothing was fitted)."""
        if not self.thresholds:
            return raw
        index = bisect_right(self.thresholds, raw) - 1
        return self.values[max(index, 0)] if index >= 0 else min(self.values[0], raw)


def fit_step_map(raw: Sequence[float], correct: Sequence[bool], prior: float = 2.0) -> StepMap:
    """Return the isotonic (pool-adjacent-violators) fit of correctness on raw scores.

    Each pooled block's rate is shrunk as ``correct / (n + prior)`` so that a score reached
    by few cases cannot claim near-certainty.
    """
    pooled: dict[float, list[float]] = {}
    for score, ok in zip(raw, correct, strict=True):
        tally = pooled.setdefault(round(score, 6), [0.0, 0.0])
        tally[0] += float(ok)
        tally[1] += 1.0
    blocks: list[list[float]] = []  # [start score, correct count, total], one per distinct score
    for score in sorted(pooled):
        blocks.append([score, *pooled[score]])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1][1] += last[1]
            blocks[-1][2] += last[2]
    thresholds = tuple(round(b[0], 6) for b in blocks)
    values = tuple(round(b[1] / (b[2] + prior), 4) for b in blocks)
    return StepMap(thresholds, values)


@dataclass(frozen=True, slots=True)
class Calibration:
    """Step maps by field name (and ``line_items``); an unknown name passes raw through."""

    version: str
    maps: dict[str, StepMap]

    def __call__(self, name: str, raw: float) -> float:
        """Return the calibrated confidence of ``raw`` for field ``name``."""
        step = self.maps.get(name)
        return round(step(raw), 4) if step else round(raw, 4)

    @classmethod
    def identity(cls) -> Calibration:
        """Return a calibration that leaves every score as it is."""
        return cls("uncalibrated", {})

    @classmethod
    def load(cls, path: Path) -> Calibration:
        """Read a calibration JSON file; a missing file means no calibration."""
        if not path.exists():
            return cls.identity()
        data = json.loads(path.read_text())
        maps = {
            name: StepMap(tuple(entry["thresholds"]), tuple(entry["values"]))
            for name, entry in data["maps"].items()
        }
        return cls(str(data["version"]), maps)

    def save(self, path: Path) -> None:
        """Write the calibration as JSON."""
        payload = {
            "version": self.version,
            "maps": {
                name: {"thresholds": list(step.thresholds), "values": list(step.values)}
                for name, step in sorted(self.maps.items())
            },
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload, indent=1) + "\n")
