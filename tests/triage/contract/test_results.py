"""Extraction and check-result shapes serialise exactly as the contract prints them."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from triage.contract import (
    FIELD_NAMES,
    BillingException,
    CheckResult,
    Decision,
    DocumentInfo,
    Evidence,
    ExceptionCode,
    ExtractedField,
    ExtractedFields,
    ExtractedLineItem,
    Extraction,
    Severity,
)

CONTRACT_FIELDS = {
    "order_number", "customer_legal_name", "provider_legal_name", "currency", "order_date",
    "start_date", "end_date", "term_months", "billing_frequency", "billing_start_date",
    "payment_terms_days", "po_number", "auto_renewal", "renewal_term_months",
    "renewal_notice_days", "renewal_uplift_cap_pct", "total_contract_value",
    "customer_signatory", "customer_signed_date",
}  # fmt: skip

DOC = DocumentInfo(sha256="0" * 64, pages=3, filename="order.pdf")


def test_every_contract_field_is_present_and_null_when_not_found() -> None:
    payload = json.loads(Extraction(document=DOC).model_dump_json())
    assert set(payload["fields"]) == CONTRACT_FIELDS == set(FIELD_NAMES)
    for name, field in payload["fields"].items():
        assert field["value"] is None, name
        assert field["confidence"] == 0, name


def test_evidence_bbox_serialises_as_four_numbers() -> None:
    evidence = Evidence(page=2, bbox=(72.0, 410.2, 318.5, 422.9), text="forty-five (45) days")
    fields = ExtractedFields(
        payment_terms_days=ExtractedField[int](value=45, confidence=0.93, evidence=[evidence])
    )
    payload = json.loads(Extraction(document=DOC, fields=fields).model_dump_json())
    assert payload["fields"]["payment_terms_days"]["value"] == 45
    assert payload["fields"]["payment_terms_days"]["evidence"][0]["bbox"] == [
        72.0, 410.2, 318.5, 422.9,
    ]  # fmt: skip


def test_line_item_money_is_a_decimal_string() -> None:
    item = ExtractedLineItem(sku="PLAT-ENT", unit_price=Decimal("1200.00"), confidence=0.9)
    assert json.loads(item.model_dump_json())["unit_price"] == "1200.00"


def test_line_total_is_none_when_any_amount_is_unreadable() -> None:
    items = [
        ExtractedLineItem(sku="A", net_amount=Decimal("10.50")),
        ExtractedLineItem(sku="B", net_amount=Decimal("4.50")),
    ]
    assert Extraction(document=DOC, line_items=items).line_total() == Decimal("15.00")
    items.append(ExtractedLineItem(sku="C"))
    assert Extraction(document=DOC, line_items=items).line_total() is None


def test_field_lookup_refuses_names_outside_the_contract() -> None:
    with pytest.raises(KeyError):
        ExtractedFields().get("colour")


def test_confidence_outside_unit_interval_is_refused() -> None:
    with pytest.raises(ValidationError, match="confidence"):
        ExtractedField[int](value=1, confidence=1.5)


def test_check_result_round_trips_with_exception_and_extraction() -> None:
    result = CheckResult(
        order_id="ord_1",
        decision=Decision.REVIEW,
        exceptions=[
            BillingException(
                code=ExceptionCode.PAYMENT_TERMS_MISMATCH, severity=Severity.HIGH,
                queue="finance-ar", field="payment_terms_days", expected=30, found=45,
                message="Order form says Net 45; customer master says Net 30.",
            )
        ],
        reasons=["1 high-severity exception"],
        extraction=Extraction(document=DOC),
    )  # fmt: skip
    payload = json.loads(result.model_dump_json())
    assert payload["decision"] == "review"
    assert payload["exceptions"][0]["code"] == "PAYMENT_TERMS_MISMATCH"
    assert CheckResult.model_validate(payload) == result


def test_severity_ranks_order_low_to_critical() -> None:
    ranks = [s.rank for s in (Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)]
    assert ranks == [0, 1, 2, 3]
