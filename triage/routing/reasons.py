"""The plain-words reasons of a routing decision: short sentences an analyst can read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from triage.contract import BillingException, RiskScore, Severity

__all__ = ["RiskThresholds", "exception_reasons", "risk_reasons"]

RiskThresholds = dict[str, float]


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def exception_reasons(exceptions: Sequence[BillingException]) -> list[str]:
    """Return one sentence per severity present, highest first, naming the codes.

    E.g. ``"1 high-severity exception (PAYMENT_TERMS_MISMATCH)"``.
    """
    by_severity: dict[Severity, Counter[str]] = {}
    for exception in exceptions:
        by_severity.setdefault(exception.severity, Counter())[exception.code.value] += 1
    reasons = []
    for severity in sorted(by_severity, key=lambda s: -s.rank):
        codes = by_severity[severity]
        count = sum(codes.values())
        listed = ", ".join(code if n == 1 else f"{code} ×{n}" for code, n in sorted(codes.items()))
        reasons.append(f"{_plural(count, f'{severity.value}-severity exception')} ({listed})")
    return reasons


def risk_reasons(
    risk: RiskScore,
    thresholds: RiskThresholds,
    *,
    order_risk: Mapping[str, float] | None = None,
) -> tuple[list[str], list[str]]:
    """Return (risks that send to review, risks that do not), as sentences.

    E.g. ``"dispute risk 0.41 above threshold 0.30"``. With ``order_risk`` (the same
    order's risk at a typical payment history), a risk above its threshold sends to review
    only when the order's own risk is above it too; otherwise the sentence says that the
    customer's history alone put it there.
    """
    above, within = [], []
    for kind in sorted(thresholds):
        value = float(getattr(risk, kind))
        threshold = thresholds[kind]
        own = None if order_risk is None else order_risk.get(kind)
        if value <= threshold:
            within.append(f"{kind} risk {value:.2f} within threshold {threshold:.2f}")
        elif own is None or own > threshold:
            above.append(f"{kind} risk {value:.2f} above threshold {threshold:.2f}")
        else:
            within.append(
                f"{kind} risk {value:.2f} above threshold {threshold:.2f} through the "
                f"customer's payment history alone ({own:.2f} at a typical history)"
            )
    return above, within
