"""Comparing money and percentages with a tolerance for rounding."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["MoneyTolerance", "PercentTolerance", "amounts_agree", "percentages_agree"]

HUNDRED = Decimal(100)


class MoneyTolerance(BaseModel):
    """How far two amounts may differ and still agree: the larger of an absolute and a
    relative allowance (defaults: 0.01 and 0.05 % of the expected amount)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    absolute: Annotated[Decimal, Field(ge=0, le=1000)] = Decimal("0.01")
    relative_pct: Annotated[Decimal, Field(ge=0, le=10)] = Decimal("0.05")

    def allowance(self, expected: Decimal) -> Decimal:
        """Return the largest difference from ``expected`` that still counts as agreement."""
        return max(self.absolute, abs(expected) * self.relative_pct / HUNDRED)


class PercentTolerance(BaseModel):
    """How far two percentages (e.g. discounts) may differ and still agree, in points."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    points: Annotated[float, Field(ge=0, le=5)] = 0.005


def amounts_agree(expected: Decimal, found: Decimal, tolerance: MoneyTolerance) -> bool:
    """Return True when ``found`` is within the tolerance of ``expected``."""
    return abs(found - expected) <= tolerance.allowance(expected)


def percentages_agree(expected: float, found: float, tolerance: PercentTolerance) -> bool:
    """Return True when two percentages differ by no more than the tolerance's points."""
    return abs(found - expected) <= tolerance.points + 1e-9
