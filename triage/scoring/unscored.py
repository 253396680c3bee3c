"""The scorer used when no risk model is registered: it reports no score at all.

Routing then decides on exceptions alone, and says so in its reasons. This is a real
operating mode (a fresh install before any model is trained), not a stand-in.
"""

from __future__ import annotations

from collections.abc import Mapping

from triage.contract import BillingException, Customer, Extraction, Quote, RiskScore

__all__ = ["Unscored"]


class Unscored:
    """A RiskScorer that returns None for every order."""

    version = "none"

    def score(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
        *,
        thresholds: Mapping[str, float] | None = None,
    ) -> RiskScore | None:
        """Return None: no model, no score."""
        return None

    def order_risk(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
    ) -> dict[str, float] | None:
        """Return None: no model, no order risk either."""
        return None
