"""The outcome process: plausible base rates, and history plus interactions beat a count."""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

from triage.contract import BillingFrequency, ExceptionCode
from triage.samples import draw_case
from triage.samples.deal import Deal
from triage.samples.outcomes import draw_outcome
from triage.samples.seeding import case_rng

N = 1600


def _features(deal: Deal) -> list[float]:
    history, codes = deal.customer.history, deal.codes
    quarterly = deal.quote.billing_frequency in (
        BillingFrequency.QUARTERLY,
        BillingFrequency.SEMIANNUAL,
    )
    row = [float(code in codes) for code in ExceptionCode]
    row += [
        history.disputed_invoices_12m / (history.invoices_12m + 3),
        history.avg_days_late_12m,
        float(history.invoices_12m == 0),
        float(np.log10(float(deal.quote.total_contract_value) + 1)),
        float(quarterly and ExceptionCode.BILLING_START_DEVIATION in codes),
        float(deal.customer.payment_terms_days),
        float(len(deal.order.clauses)),
    ]
    return row


def test_rates_are_realistic_and_a_model_beats_the_exception_count() -> None:
    deals = [draw_case(3, i) for i in range(N)]
    outcomes = [draw_outcome(d, case_rng(3, i, "outcome")) for i, d in enumerate(deals)]
    disputed = np.array([o.disputed for o in outcomes])
    late = np.array([o.days_late > 15 for o in outcomes])
    assert 0.12 <= disputed.mean() <= 0.28
    assert 0.15 <= late.mean() <= 0.35
    features = np.array([_features(d) for d in deals])
    count = np.array([len(d.codes) for d in deals])
    half = N // 2
    for target in (disputed, late):
        model = LogisticRegression(max_iter=3000).fit(features[:half], target[:half])
        model_auc = roc_auc_score(target[half:], model.predict_proba(features[half:])[:, 1])
        count_auc = roc_auc_score(target[half:], count[half:])
        assert count_auc > 0.55, "the exception count should still carry some signal"
        assert model_auc >= count_auc + 0.05
        assert model_auc < 0.95, "outcomes must stay noisy"
