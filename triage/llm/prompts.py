"""The prompts, each under a versioned name that every call log and cache key carries.

Changing a prompt's wording means a new version string: cached answers of the old one are
then never reused, and the call log says which wording produced which answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from triage.contract import ClauseType

__all__ = [
    "CLAUSE_OPINION",
    "FIELD_FALLBACK",
    "FIELD_GUIDANCE",
    "SUMMARY",
    "Prompt",
]


@dataclass(frozen=True)
class Prompt:
    """A system message and a user template with ``{placeholders}``, under one version."""

    version: str
    system: str
    user: str

    def render(self, **values: str) -> tuple[str, str]:
        """Return the (system, user) texts with ``values`` filled into the user template."""
        return self.system, self.user.format(**values)


FIELD_GUIDANCE: dict[str, str] = {
    "order_number": "the order form's own number or reference (text)",
    "customer_legal_name": "the customer's full legal entity name (text)",
    "provider_legal_name": "the provider's / vendor's full legal entity name (text)",
    "currency": "the three-letter ISO currency code of the fees, e.g. USD or EUR",
    "order_date": "the date the order form was issued, as YYYY-MM-DD",
    "start_date": "the subscription start date, as YYYY-MM-DD",
    "end_date": "the subscription end date, as YYYY-MM-DD",
    "term_months": "the subscription term length in whole months (integer)",
    "billing_frequency": "how often fees are invoiced: monthly, quarterly, semiannual, "
    "annual or one_time",
    "billing_start_date": "the date invoicing starts, as YYYY-MM-DD",
    "payment_terms_days": "the number of days after the invoice date within which payment "
    "is due (integer)",
    "po_number": "the customer's purchase order (PO) number (text)",
    "auto_renewal": "whether the subscription renews automatically (true or false)",
    "renewal_term_months": "the length of each renewal term in months (integer)",
    "renewal_notice_days": "the days of notice needed to stop the renewal (integer)",
    "renewal_uplift_cap_pct": "the maximum price increase at renewal, in percent (number)",
    "total_contract_value": 'the total contract value as a decimal string, e.g. "54000.00"',
    "customer_signatory": "the name of the person who signed for the customer (text)",
    "customer_signed_date": "the date the customer signed, as YYYY-MM-DD",
}

FIELD_FALLBACK = Prompt(
    version="field-fallback.v1",
    system=(
        "You read signed order forms and copy facts out of them. Answer with one JSON "
        'object and nothing else: {"value": ..., "quote": "..."}. "quote" must be a '
        "short passage copied word for word from the document that states the value. "
        'If the document does not state it, answer {"value": null, "quote": null}. '
        "Never guess."
    ),
    user=(
        "Document:\n<<<\n{document}\n>>>\n\n"
        "Field: {field}\nMeaning: {guidance}\n"
        'Answer with {{"value": ..., "quote": "..."}} only.'
    ),
)

CLAUSE_OPINION = Prompt(
    version="clause-opinion.v1",
    system=(
        "You are a contracts analyst. A passage from an order form may depart from the "
        f"provider's standard terms. Clause types: {', '.join(t.value for t in ClauseType)}. "
        'Answer with one JSON object and nothing else: {"type": "<one clause type or '
        'standard>", "quote": "<the words of the passage that show it, copied exactly>"}. '
        'Boilerplate such as governing law, confidentiality or counterparts is "standard".'
    ),
    user="Passage:\n<<<\n{passage}\n>>>\n",
)

SUMMARY = Prompt(
    version="analyst-summary.v1",
    system=(
        "You explain to a finance analyst, in two to four plain sentences, why an order "
        "was sent to review. Use only the facts given. Do not add numbers, codes, names or "
        "advice that are not in the facts. Answer with one JSON object and nothing else: "
        '{"summary": "..."}.'
    ),
    user="Facts of the check (JSON):\n{facts}\n",
)
