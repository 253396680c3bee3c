"""The one feature pipeline: fixed names, pure values, and each input reaching its column."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from tests.triage.scoring.orders import customer, exception, extraction, quote
from triage.contract import ClauseType, ExceptionCode, Severity
from triage.scoring.features import FEATURE_NAMES, feature_matrix, order_features


def test_feature_names_are_unique_and_match_the_vector() -> None:
    features = order_features(extraction(), [], quote(), customer())
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    assert features.names == FEATURE_NAMES
    assert features.values.shape == (len(FEATURE_NAMES),)
    assert np.isfinite(features.values).all()


def test_the_same_order_always_gives_the_same_vector() -> None:
    first = order_features(extraction(), [exception(ExceptionCode.PO_MISSING)], quote(), customer())
    again = order_features(extraction(), [exception(ExceptionCode.PO_MISSING)], quote(), customer())
    np.testing.assert_array_equal(first.values, again.values)


def test_exceptions_are_counted_by_code_and_severity() -> None:
    raised = [
        exception(ExceptionCode.PAYMENT_TERMS_MISMATCH, Severity.CRITICAL),
        exception(ExceptionCode.NONSTANDARD_CLAUSE, Severity.MEDIUM),
        exception(ExceptionCode.NONSTANDARD_CLAUSE, Severity.HIGH),
    ]
    values = order_features(extraction(), raised, quote(), customer()).as_dict()
    assert values["exception_count"] == 3
    assert values["high_severity_count"] == 2
    assert values["severity_critical_count"] == 1
    assert values["nonstandard_clause"] == 2
    assert values["payment_terms_mismatch"] == 1
    assert values["price_mismatch"] == 0


def test_history_terms_and_clauses_reach_their_columns() -> None:
    order = extraction(payment_terms_days=60, clauses=(ClauseType.ACCEPTANCE_CLAUSE,))
    raised = [exception(ExceptionCode.PAYMENT_TERMS_MISMATCH)]
    values = order_features(order, raised, quote(), customer(late=12.0)).as_dict()
    assert values["payment_terms_days"] == 60
    assert values["payment_terms_excess_days"] == 30
    assert values["clause_acceptance_clause"] == 1
    assert values["clause_count"] == 1
    assert values["history_avg_days_late_12m"] == 12.0
    assert values["payment_terms_mismatch_x_history_days_late"] == 12.0
    assert values["history_dispute_rate"] == pytest.approx((1 + 0.3) / (8 + 3))


def test_billing_start_deviation_interacts_with_quarterly_billing_only() -> None:
    late_start = extraction(billing_start_date=date(2027, 3, 1))
    raised = [exception(ExceptionCode.BILLING_START_DEVIATION, Severity.MEDIUM)]
    quarterly = order_features(late_start, raised, quote(billing_frequency="quarterly"), customer())
    annual = order_features(late_start, raised, quote(), customer())
    assert quarterly.as_dict()["billing_start_deviation_x_quarterly_or_semiannual"] == 1
    assert annual.as_dict()["billing_start_deviation_x_quarterly_or_semiannual"] == 0
    assert annual.as_dict()["billing_start_delay_days"] == 59


def test_terms_missing_from_the_form_fall_back_and_count_as_missing() -> None:
    read = order_features(extraction(), [], quote(), customer()).as_dict()
    unread = order_features(
        extraction(omit=("payment_terms_days", "term_months")), [], quote(), customer()
    ).as_dict()
    assert unread["payment_terms_days"] == 30  # the ERP's terms apply
    assert unread["term_months"] == 12  # the quote's term applies
    assert unread["fields_missing_count"] == read["fields_missing_count"] + 2


def test_a_matrix_refuses_vectors_of_another_feature_set() -> None:
    good = order_features(extraction(), [], quote(), customer())
    assert feature_matrix([good, good]).shape == (2, len(FEATURE_NAMES))
    stale = type(good)(names=good.names[:-1], values=good.values[:-1])
    with pytest.raises(ValueError, match="feature set"):
        feature_matrix([good, stale])
