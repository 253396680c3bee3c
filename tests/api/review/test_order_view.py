"""The comparison grid marks what a rule judged, and only that, as a problem."""

from __future__ import annotations

from tests.triage.comparison.builders import make_customer, make_extraction, make_quote
from triage.comparison import RulePack
from triage.config import REPO_ROOT
from triage.contract import CheckResult, Decision, ExtractedField
from triage.service.order_view import comparison_grid


def _grid(**fields: object) -> dict[str, str]:
    quote, customer = make_quote(), make_customer()
    extraction = make_extraction(quote, **fields)
    pack = RulePack.load(REPO_ROOT / "rules" / "default.yaml")
    result = CheckResult(
        order_id="ord_grid",
        decision=Decision.REVIEW,
        exceptions=pack.evaluate(extraction, quote, customer),
        extraction=extraction,
    )
    return {row.field: row.status for row in comparison_grid(result, quote, customer)}


def test_a_judged_difference_is_a_mismatch_and_sorts_first() -> None:
    statuses = _grid(payment_terms_days=45)
    assert statuses["payment_terms_days"] == "mismatch"
    assert next(iter(statuses)) == "payment_terms_days"


def test_a_needed_term_the_order_lacks_is_missing() -> None:
    assert _grid(billing_frequency=ExtractedField())["billing_frequency"] == "missing"


def test_a_term_no_rule_needs_is_merely_not_stated() -> None:
    assert _grid(order_number=ExtractedField())["order_number"] == "not-stated"


def test_a_needed_term_read_below_its_threshold_is_low_confidence() -> None:
    shaky = ExtractedField[int](value=30, confidence=0.2)
    assert _grid(payment_terms_days=shaky)["payment_terms_days"] == "low-confidence"
