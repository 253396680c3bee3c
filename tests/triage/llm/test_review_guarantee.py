"""Against the shipped rule pack: an LLM-sourced value always raises LOW_CONFIDENCE_EXTRACTION."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from triage.comparison import RulePack
from triage.config import REPO_ROOT
from triage.contract import FIELD_NAMES, Customer, ExceptionCode, ExtractedField, Quote
from triage.documents.parsed import ParsedDocument
from triage.llm import GovernedChat, LlmAssistedExtractor

from .conftest import SAMPLE_VALUES, FixedExtractor

Governed = Callable[[BaseChatModel], GovernedChat]

QUOTE = {
    "quote_id": "Q-2027-00001", "account_id": "ACC-1001", "currency": "USD",
    "start_date": "2027-03-01", "end_date": "2030-02-28", "term_months": 36,
    "billing_frequency": "quarterly", "payment_terms_days": 45, "auto_renewal": True,
    "renewal_uplift_cap_pct": 5, "approved_max_discount_pct": 15,
    "total_contract_value": "54000.00",
    "lines": [{"sku": "PLAT-ENT", "description": "Platform", "kind": "subscription",
               "quantity": 15, "unit_price": "1200.00", "discount_pct": 0,
               "net_amount": "54000.00", "start_date": "2027-03-01", "end_date": "2030-02-28"}],
}  # fmt: skip
CUSTOMER = {
    "account_id": "ACC-1001", "legal_name": "Acme Corporation",
    "provider_entity": "Northwind Software Inc.", "country": "US", "currency": "USD",
    "payment_terms_days": 45, "po_required": False, "tax_id": "US-12-3456789",
    "tax_exempt": False, "credit_hold": False,
}  # fmt: skip


@pytest.fixture(scope="module")
def pack() -> RulePack:
    """Return the shipped default rule pack."""
    return RulePack.load(REPO_ROOT / "rules" / "default.yaml")


def test_an_llm_filled_term_is_flagged_by_the_shipped_pack(
    pack: RulePack, order_form: ParsedDocument, governed: Governed
) -> None:
    known = {n: ExtractedField(value=v, confidence=0.95) for n, v in SAMPLE_VALUES.items()}
    del known["payment_terms_days"]
    reply = json.dumps({"value": 45, "quote": "no later than forty-five days"})
    chat = governed(FakeListChatModel(responses=[reply]))
    # The wrapper's re-ask thresholds are the pack's own; it refuses a cap that reaches one.
    thresholds = {name: pack.thresholds.for_field(name) for name in FIELD_NAMES}
    extraction = LlmAssistedExtractor(FixedExtractor(**known), chat, thresholds=thresholds).extract(
        order_form
    )
    assert extraction.fields.payment_terms_days.value == 45
    flagged = pack.evaluate(
        extraction, Quote.model_validate(QUOTE), Customer.model_validate(CUSTOMER)
    )
    low = [e for e in flagged if e.code is ExceptionCode.LOW_CONFIDENCE_EXTRACTION]
    assert [e.field for e in low] == ["payment_terms_days"]
