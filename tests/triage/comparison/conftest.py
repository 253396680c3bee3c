"""Fixtures of the comparison tests: the shipped default pack, loaded once."""

from __future__ import annotations

import pytest

from triage.comparison import RulePack
from triage.config import REPO_ROOT


@pytest.fixture(scope="session")
def pack() -> RulePack:
    """The shipped default rule pack."""
    return RulePack.load(REPO_ROOT / "rules" / "default.yaml")
