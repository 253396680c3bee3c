"""Party and paperwork rules: entities, signature, PO, credit hold, tax id, clauses."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.triage.comparison.builders import make_customer, make_extraction, make_quote, read
from triage.comparison import RulePack, same_entity
from triage.contract import BillingException, ClauseType, Customer, ExceptionCode, Severity

CODE = ExceptionCode


def check(
    pack: RulePack, customer: Customer | None = None, **fields: Any
) -> list[BillingException]:
    quote = make_quote()
    return pack.evaluate(make_extraction(quote, **fields), quote, customer or make_customer())


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Acme Corporation", "ACME CORP."),
        ("Acme, Inc.", "Acme Incorporated"),
        ("Smith & Sons L.L.C.", "Smith and Sons LLC"),
        ("Kiwi Foods Ltd", "Kiwi Foods Limited"),
        ("Koala Labs Pty Ltd", "Koala Labs Pty. Limited"),
        ("Grün Werke GmbH", "Grun Werke GMBH"),
        ("Acme Corporation", "Acme"),
    ],
)
def test_spelling_variants_of_one_entity_are_the_same(left: str, right: str) -> None:
    assert same_entity(left, right)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Acme Corporation", "Acme Holdings Corporation"),
        ("Acme Corporation", "Acme USA Corp."),
        ("Acme Inc.", "Acme Ltd"),
        ("Acme Corporation", "Apex Corporation"),
    ],
)
def test_different_legal_entities_are_not_the_same(left: str, right: str) -> None:
    assert not same_entity(left, right)


def test_affiliate_named_as_customer_is_an_entity_mismatch(pack: RulePack) -> None:
    found = check(pack, customer_legal_name="Acme Holdings Corp.")
    assert [(e.code, e.field, e.expected) for e in found] == [
        (CODE.ENTITY_MISMATCH, "customer_legal_name", "Acme Corporation")
    ]


def test_customer_name_variant_is_not_an_entity_mismatch(pack: RulePack) -> None:
    assert check(pack, customer_legal_name="ACME Corp.") == []


def test_other_provider_entity_is_an_entity_mismatch(pack: RulePack) -> None:
    found = check(pack, provider_legal_name="Northwind Software Ltd")
    assert [(e.code, e.field) for e in found] == [(CODE.ENTITY_MISMATCH, "provider_legal_name")]


def test_unreadable_customer_name_is_low_confidence_not_an_entity_mismatch(
    pack: RulePack,
) -> None:
    found = check(pack, customer_legal_name=read("Acxx Cxrp", confidence=0.2))
    assert [(e.code, e.field) for e in found] == [
        (CODE.LOW_CONFIDENCE_EXTRACTION, "customer_legal_name")
    ]


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        (
            {"customer_signatory": None, "customer_signed_date": None},
            "signatory name and signature date",
        ),
        ({"customer_signed_date": None}, "signature date"),
        ({"customer_signatory": None}, "signatory name"),
    ],
)
def test_blank_signature_block_is_signature_missing(
    pack: RulePack, fields: dict[str, Any], missing: str
) -> None:
    found = check(pack, **fields)
    assert [e.code for e in found] == [CODE.SIGNATURE_MISSING]
    assert found[0].message == f"Order form has no customer {missing}."


def test_signed_order_has_no_signature_finding(pack: RulePack) -> None:
    assert check(pack, customer_signed_date=date(2027, 1, 1)) == []


def test_no_po_when_required_is_po_missing(pack: RulePack) -> None:
    assert [e.code for e in check(pack, po_number=None)] == [CODE.PO_MISSING]


def test_no_po_when_not_required_passes(pack: RulePack) -> None:
    assert check(pack, make_customer(po_required=False), po_number=None) == []


def test_blank_po_number_counts_as_missing(pack: RulePack) -> None:
    assert [e.code for e in check(pack, po_number="  ")] == [CODE.PO_MISSING]


def test_credit_hold_is_critical(pack: RulePack) -> None:
    found = check(pack, make_customer(credit_hold=True))
    assert [(e.code, e.severity, e.queue) for e in found] == [
        (CODE.CREDIT_HOLD, Severity.CRITICAL, "credit")
    ]


def test_no_credit_hold_passes(pack: RulePack) -> None:
    assert check(pack, make_customer(credit_hold=False)) == []


@pytest.mark.parametrize(
    ("tax_id", "exempt", "flagged"),
    [(None, False, True), ("", False, True), (None, True, False), ("US-1", False, False)],
)
def test_tax_id_missing_only_when_not_exempt(
    pack: RulePack, tax_id: str | None, exempt: bool, flagged: bool
) -> None:
    found = check(pack, make_customer(tax_id=tax_id, tax_exempt=exempt))
    assert [e.code for e in found] == ([CODE.TAX_ID_MISSING] if flagged else [])


def test_every_deviating_clause_is_reported_with_its_evidence(pack: RulePack) -> None:
    quote = make_quote()
    clauses = [
        (ClauseType.TERMINATION_FOR_CONVENIENCE, "Customer may terminate on 30 days notice."),
        (ClauseType.LIABILITY_CAP_CHANGE, "Liability is capped at three times the fees."),
    ]
    found = pack.evaluate(make_extraction(quote, clauses=clauses), quote, make_customer())
    assert [(e.code, e.severity, e.found) for e in found] == [
        (CODE.NONSTANDARD_CLAUSE, Severity.HIGH, "Liability is capped at 3 times the fees."),
        (CODE.NONSTANDARD_CLAUSE, Severity.MEDIUM, "Customer may terminate on 30 days notice."),
    ]
    assert found[1].evidence[0].text == clauses[0][1]
    assert "terminate on 30 days" in found[1].message
    assert (
        found[0].message == "Liability cap is 3 times the fees; standard is 1 (playbook 2026.12.1)"
    )


def test_no_clauses_no_clause_findings(pack: RulePack) -> None:
    assert check(pack) == []


def test_long_clause_text_is_shortened_in_the_finding(pack: RulePack) -> None:
    quote = make_quote()
    text = "Provider shall deposit the source code in escrow. " * 40
    found = pack.evaluate(
        make_extraction(quote, clauses=[(ClauseType.OTHER_NONSTANDARD, text)]),
        quote,
        make_customer(),
    )
    assert len(found) == 1 and len(found[0].message) < 400
    assert found[0].found is not None and len(found[0].found) <= 160
