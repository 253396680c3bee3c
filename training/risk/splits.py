"""Splits that never put one customer's orders on both sides.

The customer split holds out a random share of customers. The time split holds out the
latest orders and then drops every earlier order of those customers from training, so
neither a customer nor the future leaks into the training rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from sklearn.model_selection import GroupKFold, GroupShuffleSplit

__all__ = ["TrainTestSplit", "customer_folds", "customer_split", "time_split"]

Indices = npt.NDArray[np.intp]


@dataclass(frozen=True)
class TrainTestSplit:
    """Row indices of the training and held-out test rows, and how they were chosen."""

    train: Indices
    test: Indices
    kind: str

    def describe(self) -> str:
        """Return a one-line summary, e.g. ``customer split: 1600 train / 400 test``."""
        return f"{self.kind} split: {len(self.train)} train / {len(self.test)} test"


def customer_split(
    customers: npt.NDArray[np.str_], *, test_fraction: float, seed: int
) -> TrainTestSplit:
    """Hold out ``test_fraction`` of the customers (with all their orders)."""
    splitter = GroupShuffleSplit(n_splits=1, test_size=test_fraction, random_state=seed)
    placeholder = np.zeros((len(customers), 1))
    train, test = next(splitter.split(placeholder, groups=customers))
    return TrainTestSplit(np.sort(train), np.sort(test), "customer")


def time_split(
    customers: npt.NDArray[np.str_],
    order_dates: npt.NDArray[np.datetime64],
    *,
    test_fraction: float,
) -> TrainTestSplit:
    """Hold out the latest ``test_fraction`` of orders; train on earlier orders of others."""
    order = np.lexsort((np.arange(len(order_dates)), order_dates))
    cut = len(order) - max(1, round(len(order) * test_fraction))
    test = np.sort(order[cut:])
    held_out = np.isin(customers, customers[test])
    train = np.sort(np.setdiff1d(order[:cut][~held_out[order[:cut]]], test))
    return TrainTestSplit(train, test, "time")


def customer_folds(
    customers: npt.NDArray[np.str_], *, n_folds: int, seed: int
) -> npt.NDArray[np.int64]:
    """Return a fold number per row; one customer's orders always share a fold."""
    folds = np.empty(len(customers), dtype=np.int64)
    splitter = GroupKFold(n_splits=n_folds, shuffle=True, random_state=seed)
    placeholder = np.zeros((len(customers), 1))
    for fold, (_, rows) in enumerate(splitter.split(placeholder, groups=customers)):
        folds[rows] = fold
    return folds
