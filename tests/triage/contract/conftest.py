"""The example documents of CONTRACT.md, as raw JSON-ready dicts."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from tests.contract_examples import CUSTOMER, QUOTE


@pytest.fixture
def quote_doc() -> dict[str, Any]:
    """A fresh copy of the contract's example quote."""
    return copy.deepcopy(QUOTE)


@pytest.fixture
def customer_doc() -> dict[str, Any]:
    """A fresh copy of the contract's example customer record."""
    return copy.deepcopy(CUSTOMER)
