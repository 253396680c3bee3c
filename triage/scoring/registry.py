"""The model registry: versions under ``models/risk/``, a promoted pointer and its history.

Layout::

    models/risk/
      risk-2026.11.1/  model.skops  metadata.json  MODEL_CARD.md  (+ training's extras)
      PROMOTED         the version the service loads (one line)
      history.jsonl    one promote / rollback event per line, oldest first

Promotions form a stack: ``promote`` pushes, ``rollback`` pops back to the version that was
promoted before. The pointer is replaced atomically so a reader never sees half a name.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from triage.errors import Conflict, NotFound
from triage.scoring.metadata import ModelMetadata, read_metadata

__all__ = ["MetricDelta", "ModelRegistry", "PromotionEvent"]

VERSION_PATTERN = re.compile(r"^risk-(\d{4})\.(\d{1,2})\.(\d+)$")
POINTER_FILE = "PROMOTED"
HISTORY_FILE = "history.jsonl"


@dataclass(frozen=True)
class PromotionEvent:
    """One change of the promoted version."""

    action: str
    version: str
    previous: str | None
    at: str


@dataclass(frozen=True)
class MetricDelta:
    """One metric of one target and model, in version A and version B."""

    target: str
    model: str
    metric: str
    a: float | None
    b: float | None


class ModelRegistry:
    """Model versions stored under one folder, with the promoted pointer."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def versions(self) -> list[str]:
        """Return every stored version that has metadata, oldest first."""
        if not self.root.is_dir():
            return []
        names = [
            path.name
            for path in self.root.iterdir()
            if VERSION_PATTERN.match(path.name) and (path / "metadata.json").is_file()
        ]
        return sorted(names, key=_version_key)

    def path(self, version: str) -> Path:
        """Return the folder of ``version``; NotFound if it is not a stored version."""
        if not VERSION_PATTERN.match(version) or version not in self.versions():
            known = ", ".join(self.versions()) or "none"
            raise NotFound(f"no model version {version!r} in {self.root} (known: {known})")
        return self.root / version

    def metadata(self, version: str) -> ModelMetadata:
        """Return the metadata of ``version``."""
        return read_metadata(self.path(version))

    def next_version(self, today: date) -> str:
        """Return the next free version name for ``today``'s month, e.g. ``risk-2026.11.2``."""
        prefix = f"risk-{today.year}.{today.month}."
        taken = [int(v.removeprefix(prefix)) for v in self.versions() if v.startswith(prefix)]
        return f"{prefix}{max(taken, default=0) + 1}"

    def promoted(self) -> str | None:
        """Return the promoted version, or None when nothing is promoted."""
        pointer = self.root / POINTER_FILE
        if not pointer.is_file():
            return None
        return pointer.read_text().strip() or None

    def history(self) -> list[PromotionEvent]:
        """Return every promote and rollback event, oldest first."""
        path = self.root / HISTORY_FILE
        if not path.is_file():
            return []
        lines = path.read_text().splitlines()
        return [PromotionEvent(**json.loads(line)) for line in lines if line.strip()]

    def promote(self, version: str) -> PromotionEvent:
        """Make ``version`` the one the service loads; return the recorded event."""
        self.path(version)
        return self._record("promote", version, self.promoted())

    def rollback(self) -> PromotionEvent:
        """Return to the version promoted before the current one; Conflict if there is none."""
        stack = self._promotion_stack()
        if len(stack) < 2:
            raise Conflict("nothing to roll back to: no earlier promotion is recorded")
        return self._record("rollback", stack[-2], stack[-1])

    def compare(self, a: str, b: str) -> list[MetricDelta]:
        """Return every metric of versions ``a`` and ``b`` side by side."""
        left, right = self.metadata(a).metrics, self.metadata(b).metrics
        rows: list[MetricDelta] = []
        for target in sorted(set(left) | set(right)):
            models = sorted(set(left.get(target, {})) | set(right.get(target, {})))
            for model in models:
                ma, mb = left.get(target, {}).get(model, {}), right.get(target, {}).get(model, {})
                for metric in sorted(set(ma) | set(mb)):
                    rows.append(MetricDelta(target, model, metric, ma.get(metric), mb.get(metric)))
        return rows

    def _promotion_stack(self) -> list[str]:
        stack: list[str] = []
        for event in self.history():
            if event.action == "promote":
                stack.append(event.version)
            elif stack:
                stack.pop()
        current = self.promoted()
        if current is not None and (not stack or stack[-1] != current):
            stack.append(current)  # a pointer committed without history
        return stack

    def _record(self, action: str, version: str, previous: str | None) -> PromotionEvent:
        event = PromotionEvent(action, version, previous, datetime.now(UTC).isoformat())
        if action == "promote" and previous is not None and not self.history():
            seed = PromotionEvent("promote", previous, None, event.at)
            self._append(seed)  # keep the committed pointer reachable by rollback
        pointer = self.root / POINTER_FILE
        staging = pointer.with_suffix(".tmp")
        staging.write_text(version + "\n")
        os.replace(staging, pointer)
        self._append(event)
        return event

    def _append(self, event: PromotionEvent) -> None:
        with (self.root / HISTORY_FILE).open("a") as history:
            history.write(json.dumps(event.__dict__, sort_keys=True) + "\n")


def _version_key(version: str) -> tuple[int, int, int]:
    match = VERSION_PATTERN.match(version)
    if match is None:
        return (0, 0, 0)
    year, month, serial = match.groups()
    return (int(year), int(month), int(serial))
