"""Rules on the parties and the paperwork: entities, signature, PO, tax id, credit, clauses."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from triage.comparison.context import RuleContext
from triage.comparison.entities import same_entity
from triage.comparison.findings import Finding, json_value
from triage.comparison.registry import RULES, NoParams
from triage.contract import ClauseType, ExceptionCode, Severity

__all__ = ["ClauseParams"]


class ClauseParams(BaseModel):
    """Params of the clause rule: which clause types are escalated, and how far."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    escalated_types: list[ClauseType] = [
        ClauseType.LIABILITY_CAP_CHANGE,
        ClauseType.MOST_FAVORED_NATION,
    ]
    escalated_severity: Severity = Severity.HIGH
    excerpt_chars: Annotated[int, Field(ge=20, le=2000)] = 160


@RULES.register(
    "entity.v1", code=ExceptionCode.ENTITY_MISMATCH, params=NoParams, placeholders=("party",)
)
def entity(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The customer or provider named on the order is a different legal entity from the ERP's."""
    findings = []
    for name, party, expected in (
        ("customer_legal_name", "customer", ctx.customer.legal_name),
        ("provider_legal_name", "provider", ctx.customer.provider_entity),
    ):
        found = ctx.term(name)
        if found.ok and not same_entity(expected, found.value):
            findings.append(Finding(name, expected, found.value, found.evidence, {"party": party}))
    return findings


@RULES.register(
    "signature.v1",
    code=ExceptionCode.SIGNATURE_MISSING,
    params=NoParams,
    placeholders=("missing",),
)
def signature(ctx: RuleContext[NoParams]) -> list[Finding]:
    """No customer signatory name or no customer signature date on the order form."""
    signatory = ctx.term("customer_signatory", absence_is_finding=True)
    signed = ctx.term("customer_signed_date", absence_is_finding=True)
    missing = [
        words
        for reading, words in ((signatory, "signatory name"), (signed, "signature date"))
        if reading.ok and (reading.value is None or not str(reading.value).strip())
    ]
    if not missing:
        return []
    field = "customer_signatory" if signatory.value is None else "customer_signed_date"
    found = {"customer_signatory": signatory.value, "customer_signed_date": signed.value}
    return [
        Finding(
            field,
            "signatory name and signature date",
            json_value(found),
            signatory.evidence + signed.evidence,
            {"missing": " and ".join(missing)},
        )
    ]


@RULES.register("po_number.v1", code=ExceptionCode.PO_MISSING, params=NoParams)
def po_number(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The ERP says a PO is required and the order carries no PO number."""
    if not ctx.customer.po_required:
        return []
    po = ctx.term("po_number", absence_is_finding=True)
    if not po.ok or (po.value is not None and po.value.strip()):
        return []
    return [Finding("po_number", "a PO number", None, po.evidence)]


@RULES.register(
    "credit_hold.v1", code=ExceptionCode.CREDIT_HOLD, params=NoParams, placeholders=("account_id",)
)
def credit_hold(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The ERP has the customer on credit hold."""
    if not ctx.customer.credit_hold:
        return []
    return [
        Finding(
            "customer.credit_hold", False, True, details={"account_id": ctx.customer.account_id}
        )
    ]


@RULES.register(
    "tax_id.v1", code=ExceptionCode.TAX_ID_MISSING, params=NoParams, placeholders=("account_id",)
)
def tax_id(ctx: RuleContext[NoParams]) -> list[Finding]:
    """The customer is not tax-exempt and the ERP holds no tax id."""
    customer = ctx.customer
    if customer.tax_exempt or (customer.tax_id and customer.tax_id.strip()):
        return []
    return [
        Finding("customer.tax_id", "a tax id", None, details={"account_id": customer.account_id})
    ]


@RULES.register(
    "nonstandard_clause.v1",
    code=ExceptionCode.NONSTANDARD_CLAUSE,
    params=ClauseParams,
    placeholders=("clause_type", "excerpt"),
)
def nonstandard_clause(ctx: RuleContext[ClauseParams]) -> list[Finding]:
    """One finding per non-standard clause the classifier found in the document."""
    findings = []
    limit = ctx.params.excerpt_chars
    for index, clause in enumerate(ctx.extraction.clauses):
        text = " ".join(clause.text.split())
        excerpt = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
        escalated = clause.type in ctx.params.escalated_types
        findings.append(
            Finding(
                field=f"clauses[{index}]",
                expected="standard terms",
                found=clause.type.value,
                evidence=tuple(clause.evidence),
                details={"clause_type": clause.type.value.replace("_", " "), "excerpt": excerpt},
                severity=ctx.params.escalated_severity if escalated else None,
            )
        )
    return findings
