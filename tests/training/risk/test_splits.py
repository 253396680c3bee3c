"""Splits never put one customer on both sides; the time split holds out the latest orders."""

from __future__ import annotations

import numpy as np

from training.risk.splits import customer_folds, customer_split, time_split

CUSTOMERS = np.array([f"ACC-{i % 37}" for i in range(400)])
DATES = np.array("2027-01-01", dtype="datetime64[D]") + (np.arange(400) * 7919 % 365)


def test_the_customer_split_keeps_each_customer_on_one_side() -> None:
    split = customer_split(CUSTOMERS, test_fraction=0.25, seed=3)
    assert not set(CUSTOMERS[split.train]) & set(CUSTOMERS[split.test])
    assert len(split.train) + len(split.test) == len(CUSTOMERS)
    assert 0.1 < len(split.test) / len(CUSTOMERS) < 0.4


def test_the_time_split_trains_on_earlier_orders_of_other_customers() -> None:
    customers = np.array([f"ACC-{i}" for i in range(300)] + [f"ACC-{i}" for i in range(100)])
    split = time_split(customers, DATES, test_fraction=0.2)
    assert len(split.test) == 80
    assert DATES[split.train].max() <= DATES[split.test].min()
    assert not set(customers[split.train]) & set(customers[split.test])


def test_folds_keep_each_customer_in_one_fold() -> None:
    folds = customer_folds(CUSTOMERS, n_folds=3, seed=1)
    assert set(folds) == {0, 1, 2}
    for customer in set(CUSTOMERS):
        assert len(set(folds[customer == CUSTOMERS])) == 1
