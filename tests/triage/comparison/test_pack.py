"""Rule packs: the shipped pack is complete and valid; a bad pack is refused by name."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.triage.comparison.builders import make_customer, make_extraction, make_quote
from triage.comparison import RULES, RulePack
from triage.config import REPO_ROOT
from triage.contract import ExceptionCode, Severity
from triage.errors import ConfigError

DEFAULT = REPO_ROOT / "rules" / "default.yaml"


@pytest.fixture
def pack_doc() -> dict[str, Any]:
    """A fresh copy of the shipped pack document."""
    return copy.deepcopy(yaml.safe_load(DEFAULT.read_text()))


def rule_doc(document: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in document["rules"] if r["id"] == rule_id)


def test_shipped_pack_covers_every_exception_code(pack: RulePack) -> None:
    assert pack.version == "2026.12.1"
    assert {rule.function.code for rule in pack.rules} == set(ExceptionCode)


def test_shipped_pack_uses_the_default_severities_and_queues_of_the_semantics(
    pack: RulePack,
) -> None:
    by_code = {rule.function.code: rule for rule in pack.rules}
    assert by_code[ExceptionCode.CREDIT_HOLD].severity is Severity.CRITICAL
    assert by_code[ExceptionCode.TERM_DATES_MISMATCH].severity is Severity.MEDIUM
    assert by_code[ExceptionCode.SIGNATURE_MISSING].queue == "sales-ops"
    assert by_code[ExceptionCode.RENEWAL_TERMS_MISMATCH].queue == "legal"


def test_every_registered_rule_has_a_docstring() -> None:
    assert all(rule.summary for rule in RULES)


def test_unknown_rule_function_is_refused_by_name(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "payment_terms")["function"] = "payment_terms.v9"
    with pytest.raises(
        ConfigError, match=r"rule payment_terms: unknown rule function 'payment_terms.v9'"
    ):
        RulePack.from_mapping(pack_doc)


def test_ill_typed_param_is_refused_naming_rule_and_param(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "payment_terms")["params"]["longest_standard_days"] = "sixty"
    with pytest.raises(ConfigError, match=r"rule payment_terms: params.longest_standard_days"):
        RulePack.from_mapping(pack_doc)


def test_unknown_param_is_refused_naming_it(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "total")["params"]["tolerance"] = 5
    with pytest.raises(ConfigError, match=r"rule total: params.tolerance: unknown parameter"):
        RulePack.from_mapping(pack_doc)


def test_negative_tolerance_is_refused(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "line_price")["params"]["money"]["absolute"] = "-1"
    with pytest.raises(ConfigError, match=r"rule line_price: params.money.absolute"):
        RulePack.from_mapping(pack_doc)


def test_code_not_raised_by_the_function_is_refused(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "currency")["code"] = "TOTAL_MISMATCH"
    with pytest.raises(ConfigError, match=r"rule currency: code TOTAL_MISMATCH does not match"):
        RulePack.from_mapping(pack_doc)


def test_unknown_message_placeholder_is_refused(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "currency")["message"] = "Order is in {found}; {sku}"
    with pytest.raises(ConfigError, match=r"rule currency: message placeholder \{sku\}"):
        RulePack.from_mapping(pack_doc)


def test_unknown_confidence_field_is_refused(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "extraction_confidence")["params"]["fields"]["payment_term"] = 0.7
    with pytest.raises(ConfigError, match=r"extraction_confidence: .*payment_term"):
        RulePack.from_mapping(pack_doc)


def test_pack_without_the_confidence_rule_is_refused(pack_doc: dict[str, Any]) -> None:
    pack_doc["rules"] = [r for r in pack_doc["rules"] if r["id"] != "extraction_confidence"]
    with pytest.raises(ConfigError, match=r"extraction_confidence\.v1"):
        RulePack.from_mapping(pack_doc)


def test_duplicate_rule_ids_are_refused(pack_doc: dict[str, Any]) -> None:
    pack_doc["rules"].append(rule_doc(pack_doc, "currency"))
    with pytest.raises(ConfigError, match="currency"):
        RulePack.from_mapping(pack_doc)


def test_unknown_top_level_key_is_refused(pack_doc: dict[str, Any]) -> None:
    pack_doc["tolerance"] = 1
    with pytest.raises(ConfigError, match="tolerance: unknown key"):
        RulePack.from_mapping(pack_doc)


def test_load_names_the_file_of_a_bad_pack(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: rule-pack\nversion: '1'\nrules: [\n")
    with pytest.raises(ConfigError, match=r"bad.yaml: not valid YAML"):
        RulePack.load(bad)
    with pytest.raises(ConfigError, match=r"cannot read"):
        RulePack.load(tmp_path / "absent.yaml")


def test_params_change_behaviour(pack_doc: dict[str, Any]) -> None:
    rule_doc(pack_doc, "payment_terms")["params"]["longest_standard_days"] = 90
    lenient = RulePack.from_mapping(pack_doc)
    quote = make_quote()
    found = lenient.evaluate(make_extraction(quote, payment_terms_days=75), quote, make_customer())
    assert [e.severity for e in found] == [Severity.HIGH]


def test_exceptions_are_ordered_by_severity_then_code_then_field(pack: RulePack) -> None:
    quote = make_quote()
    extraction = make_extraction(
        quote,
        billing_start_date=date(2027, 2, 1),
        payment_terms_days=90,
        po_number=None,
        currency="EUR",
    )
    found = pack.evaluate(extraction, quote, make_customer(credit_hold=True))
    assert [e.code.value for e in found] == [
        "CREDIT_HOLD",
        "PAYMENT_TERMS_MISMATCH",
        "CURRENCY_MISMATCH",
        "BILLING_START_DEVIATION",
        "PO_MISSING",
    ]
    assert all(e.rule and e.rule.endswith(".v1") for e in found)
    assert [e.model_dump(mode="json") for e in found] == [
        e.model_dump(mode="json")
        for e in pack.evaluate(extraction, quote, make_customer(credit_hold=True))
    ]
