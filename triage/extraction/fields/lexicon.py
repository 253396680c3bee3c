"""Label synonyms: which field a key/value label names, and how sure that reading is."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "FIELD_LABELS",
    "RANGE_LABELS",
    "SIGNATURE_DATE_LABELS",
    "SIGNATURE_MARK_LABELS",
    "SIGNATURE_NAME_LABELS",
    "WEAK_LABELS",
    "match_label",
]

FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "order_number": (
        "order number",
        "order no",
        "order #",
        "order id",
        "order form number",
        "order form no",
        "order form #",
        "order reference",
        "order ref",
        "order form id",
        "order form reference",
        "reference number",
        "order",
        "document number",
        "agreement no",
        "agreement number",
        "contract number",
        "contract no",
        "order agreement no",
        "sales order number",
        "sales order no",
    ),
    "customer_legal_name": (
        "customer",
        "customer name",
        "customer legal name",
        "client",
        "client name",
        "bill-to entity",
        "bill to entity",
        "licensee",
        "subscriber",
        "customer entity",
        "legal name of customer",
        "company name",
        "buyer",
        "purchaser",
        "customer legal entity",
        "client legal name",
        "sold to",
        "sold-to",
        "ordering entity",
        "customer company",
        "licensee name",
    ),
    "provider_legal_name": (
        "provider",
        "supplier",
        "vendor",
        "vendor entity",
        "contracting entity",
        "licensor",
        "seller",
        "service provider",
        "provider entity",
        "provider legal name",
        "supplier entity",
        "provider name",
        "supplier name",
        "vendor name",
        "licensor name",
        "supplier legal name",
        "vendor legal name",
    ),
    "currency": (
        "currency",
        "contract currency",
        "billing currency",
        "invoice currency",
        "currency of payment",
    ),
    "order_date": (
        "order date",
        "date of order",
        "issue date",
        "order form date",
        "date issued",
        "quote date",
        "document date",
        "date of issue",
        "quote created",
        "date prepared",
        "date created",
        "created",
        "prepared on",
        "quotation date",
    ),
    "start_date": (
        "start date",
        "subscription start",
        "subscription start date",
        "service commencement date",
        "commencement date",
        "service start date",
        "term start",
        "term start date",
        "start",
    ),
    "end_date": (
        "end date",
        "subscription end",
        "subscription end date",
        "expiry date",
        "expiration date",
        "term end",
        "term end date",
        "service end date",
        "end",
    ),
    "term_months": (
        "subscription term",
        "initial term",
        "term",
        "contract term",
        "term length",
        "initial subscription term",
        "duration",
        "subscription period",
        "term (months)",
        "initial term (months)",
    ),
    "billing_frequency": (
        "billing frequency",
        "invoicing",
        "billing cycle",
        "billing",
        "invoicing frequency",
        "invoice frequency",
        "billing schedule",
        "payment frequency",
        "billing period",
        "billing interval",
        "invoice schedule",
        "invoicing schedule",
        "invoicing frequency",
        "invoicing cycle",
        "invoice cycle",
    ),
    "billing_start_date": (
        "billing start date",
        "first invoice date",
        "invoicing commences",
        "billing start",
        "billing commencement date",
        "invoicing start date",
        "billing commences",
        "invoicing starts",
        "billing begins",
    ),
    "payment_terms_days": (
        "payment terms",
        "payment",
        "terms of payment",
        "payment term",
        "terms",
        "payment due",
        "invoice terms",
    ),
    "po_number": (
        "po number",
        "purchase order",
        "customer po #",
        "customer po",
        "po #",
        "po no",
        "purchase order number",
        "po",
        "p.o. number",
        "po reference",
        "customer po number",
    ),
    "auto_renewal": (
        "auto renewal",
        "auto-renewal",
        "automatic renewal",
        "auto-renew",
        "renews automatically",
        "automatic renewal applies",
        "auto renew",
    ),
    "renewal_term_months": ("renewal term", "renewal period", "renewal term length"),
    "renewal_notice_days": (
        "renewal notice",
        "non-renewal notice",
        "notice of non-renewal",
        "renewal notice period",
        "notice period",
        "cancellation notice",
    ),
    "renewal_uplift_cap_pct": (
        "renewal uplift cap",
        "uplift cap",
        "renewal price cap",
        "renewal increase cap",
        "renewal uplift",
        "price increase cap",
        "maximum renewal uplift",
        "renewal price increase cap",
    ),
    "total_contract_value": (
        "total contract value",
        "total fees",
        "grand total (tcv)",
        "grand total",
        "tcv",
        "total order value",
        "contract value",
        "order total",
        "total value",
        "total contract value (tcv)",
    ),
}

SIGNATURE_NAME_LABELS = frozenset(
    {
        "name",
        "print name",
        "printed name",
        "signatory",
        "signed by",
        "authorized signatory",
        "name of signatory",
        "name (print)",
        "name (printed)",
        "print name here",
        "full name",
    }
)
SIGNATURE_DATE_LABELS = frozenset({"date", "date signed", "signed on", "signature date", "dated"})
# Where the signature itself goes: nothing written there means the party did not sign.
SIGNATURE_MARK_LABELS = frozenset(
    {
        "signature",
        "authorised signature",
        "authorized signature",
        "signed",
        "sign here",
        "customer signature",
        "signature of customer",
        "by",
    }
)


def normalise_label(label: str) -> str:
    """Return a label lower-cased with punctuation (but '#' and '-') dropped."""
    text = label.lower().replace("no.", "no").replace("&", "and")
    text = re.sub(r"[^\w#\-() ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_EXACT: dict[str, list[str]] = {}
for _field, _labels in FIELD_LABELS.items():
    for _label in _labels:
        _EXACT.setdefault(normalise_label(_label), []).append(_field)
_MULTIWORD = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(k) for k in sorted(_EXACT, key=len, reverse=True) if " " in k)
    + r")(?!\w)"
)


# Labels that name a field only sometimes ("Total" may be a subtotal): a lower score.
WEAK_LABELS: dict[str, str] = {
    "total": "total_contract_value",
    "effective date": "start_date",
    "total amount": "total_contract_value",
    "amount due": "total_contract_value",
    "renewal": "auto_renewal",
    # The invoiced party is usually the customer, but may be a shared-services company.
    "bill to": "customer_legal_name",
    "bill-to": "customer_legal_name",
    "invoice to": "customer_legal_name",
}
# Labels whose value is a date range: the first date starts the term, the second ends it.
RANGE_LABELS = frozenset(
    {
        "service period",
        "subscription period",
        "term dates",
        "period",
        "contract period",
        "subscription term",
        "term",
        "initial term",
        "service term",
        "period of performance",
    }
)


@lru_cache(maxsize=8192)
def match_label(label: str) -> tuple[tuple[str, float], ...]:
    """Return the fields ``label`` may name with a score: 1.0 exact, 0.75 containing a synonym."""
    text = normalise_label(label)
    bare = normalise_label(re.sub(r"\([^)]*\)", " ", label))  # "(YYYY-MM-DD)", "(as registered)"
    if text not in _EXACT and bare in _EXACT:
        text = bare
    if text in _EXACT:
        return tuple((field, 1.0) for field in _EXACT[text])
    if text in WEAK_LABELS:
        return ((WEAK_LABELS[text], 0.7),)
    if len(text.split()) > 6:
        return ()
    spans: list[tuple[int, int, str]] = []
    for start in range(len(text)):
        match = _MULTIWORD.match(text, start)
        if match and (start == 0 or not text[start - 1].isalnum()):
            spans.append((start, match.end(), match.group(1)))
    # Overlapping synonyms: the longest wins ("purchase order ref" is a PO, not an "order ref").
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: s[0] - s[1]):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    found = {field: 0.75 for _, _, synonym in kept for field in _EXACT[synonym]}
    return tuple(sorted(found.items()))
