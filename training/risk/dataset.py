"""Training rows, and snapshots of them written with their hash.

A snapshot is a compressed ``.npz`` (plain arrays, never pickled objects) next to a JSON
manifest holding the content hash. The hash covers the feature names and every array's
dtype, shape and bytes, so it is the same on every machine for the same rows, and a
training run that names it can be reproduced exactly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import numpy.typing as npt

from triage.errors import InputError
from triage.scoring.features import FEATURE_NAMES, OrderFeatures, feature_matrix

__all__ = ["RiskDataset", "RiskRow", "read_snapshot", "write_snapshot"]

ARRAYS = ("features", "disputed", "days_late", "customers", "order_dates", "cases")


@dataclass(frozen=True)
class RiskRow:
    """One order with a known outcome: its features and what happened."""

    case: str
    customer: str
    order_date: date
    features: OrderFeatures
    disputed: bool
    days_late: int


@dataclass(frozen=True)
class RiskDataset:
    """Rows as aligned arrays: features, outcomes, customer (the group) and order date."""

    feature_names: tuple[str, ...]
    features: npt.NDArray[np.float64]
    disputed: npt.NDArray[np.int64]
    days_late: npt.NDArray[np.int64]
    customers: npt.NDArray[np.str_]
    order_dates: npt.NDArray[np.datetime64]
    cases: npt.NDArray[np.str_]
    source: str

    @classmethod
    def from_rows(cls, rows: list[RiskRow], source: str) -> RiskDataset:
        """Return the dataset of ``rows``, in the order given."""
        return cls(
            feature_names=FEATURE_NAMES,
            features=feature_matrix([row.features for row in rows]),
            disputed=np.array([int(row.disputed) for row in rows], dtype=np.int64),
            days_late=np.array([row.days_late for row in rows], dtype=np.int64),
            customers=np.array([row.customer for row in rows], dtype=np.str_),
            order_dates=np.array([row.order_date for row in rows], dtype="datetime64[D]"),
            cases=np.array([row.case for row in rows], dtype=np.str_),
            source=source,
        )

    def __len__(self) -> int:
        return int(self.features.shape[0])

    def delayed(self, threshold_days: int) -> npt.NDArray[np.int64]:
        """Return 1 where the invoice was paid more than ``threshold_days`` late."""
        return (self.days_late > threshold_days).astype(np.int64)

    def subset(self, rows: npt.NDArray[np.intp]) -> RiskDataset:
        """Return the dataset of the given row indices."""
        arrays = {name: getattr(self, name)[rows] for name in ARRAYS}
        return RiskDataset(feature_names=self.feature_names, source=self.source, **arrays)

    def sha256(self) -> str:
        """Return the content hash of the rows (feature names and all arrays)."""
        digest = hashlib.sha256("\n".join(self.feature_names).encode())
        for name in ARRAYS:
            array = np.ascontiguousarray(getattr(self, name))
            digest.update(f"{name}:{array.dtype.str}:{array.shape}".encode())
            digest.update(array.tobytes())
        return digest.hexdigest()


def write_snapshot(dataset: RiskDataset, directory: Path) -> Path:
    """Write ``dataset`` as ``dataset-<hash>.npz`` plus its manifest; return the npz path."""
    digest = dataset.sha256()
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"dataset-{digest[:16]}.npz"
    arrays = {name: getattr(dataset, name) for name in ARRAYS}
    np.savez_compressed(path, feature_names=np.array(dataset.feature_names), **arrays)
    manifest = {
        "sha256": digest,
        "source": dataset.source,
        "rows": len(dataset),
        "customers": int(np.unique(dataset.customers).size),
        "positive_rate_disputed": float(dataset.disputed.mean()) if len(dataset) else 0.0,
    }
    path.with_suffix(".json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    return path


def read_snapshot(path: Path) -> RiskDataset:
    """Return the dataset in snapshot ``path``; InputError if it does not match its hash."""
    manifest_path = path.with_suffix(".json")
    if not path.is_file() or not manifest_path.is_file():
        raise InputError(f"snapshot {path} or its manifest {manifest_path.name} is missing")
    manifest = json.loads(manifest_path.read_text())
    with np.load(path, allow_pickle=False) as stored:
        arrays = {name: stored[name] for name in ARRAYS}
        names = tuple(str(name) for name in stored["feature_names"])
    dataset = RiskDataset(feature_names=names, source=manifest["source"], **arrays)
    if dataset.sha256() != manifest["sha256"]:
        raise InputError(f"snapshot {path} does not match the hash in its manifest")
    return dataset
