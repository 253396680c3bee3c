"""Vocabulary: several ways to print every commercial term.

Each function takes the case's render RNG and returns one phrasing; the value a reader
should extract never depends on which phrasing was drawn.
"""

from __future__ import annotations

from random import Random

from triage.contract import BillingFrequency

__all__ = [
    "FIELD_LABELS",
    "billing_label_value",
    "billing_sentence",
    "field_label",
    "number_words",
    "payment_label_value",
    "payment_sentence",
    "quantity_words",
    "term_phrase",
]

# fmt: off
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen")
# fmt: on
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_words(n: int) -> str:
    """Return ``n`` (0-999) in English words: 45 -> ``forty-five``."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    hundreds, rest = divmod(n, 100)
    head = f"{_ONES[hundreds]} hundred"
    return head if rest == 0 else f"{head} and {number_words(rest)}"


def quantity_words(rng: Random, n: int, unit: str) -> str:
    """Return ``n`` units as ``twelve (12) months`` or ``12 months``."""
    plural = unit if n == 1 else unit + "s"
    if n < 1000 and rng.random() < 0.5:
        return f"{number_words(n)} ({n}) {plural}"
    return f"{n} {plural}"


def term_phrase(rng: Random, months: int) -> str:
    """Return a subscription term: ``twenty-four (24) months``, ``36 months``."""
    return quantity_words(rng, months, "month")


FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "order_number": ("Order Number", "Order Form No.", "Order Reference", "Order ID"),
    "customer_legal_name": ("Customer", "Customer Legal Name", "Bill-To Entity", "Client"),
    "provider_legal_name": ("Provider", "Supplier", "Vendor Entity", "Contracting Entity"),
    "currency": ("Currency", "Contract Currency", "Billing Currency"),
    "order_date": ("Order Date", "Date of Order", "Issue Date"),
    "start_date": ("Start Date", "Subscription Start", "Service Commencement Date"),
    "end_date": ("End Date", "Subscription End", "Expiry Date"),
    "term_months": ("Subscription Term", "Initial Term", "Term"),
    "billing_frequency": ("Billing Frequency", "Invoicing", "Billing Cycle"),
    "billing_start_date": ("Billing Start Date", "First Invoice Date", "Invoicing Commences"),
    "payment_terms_days": ("Payment Terms", "Payment", "Terms of Payment"),
    "po_number": ("PO Number", "Purchase Order", "Customer PO #"),
    "total_contract_value": ("Total Contract Value", "Total Fees", "Grand Total (TCV)"),
}


def field_label(rng: Random, field: str) -> str:
    """Return one of the key/value labels for ``field``."""
    return rng.choice(FIELD_LABELS[field])


_BILLING_VALUES: dict[BillingFrequency, tuple[str, ...]] = {
    BillingFrequency.MONTHLY: ("Monthly", "Monthly in advance", "Every month"),
    BillingFrequency.QUARTERLY: ("Quarterly", "Quarterly in advance", "Every three months"),
    BillingFrequency.SEMIANNUAL: ("Semi-annual", "Semiannually", "Every six months"),
    BillingFrequency.ANNUAL: ("Annual", "Annually in advance", "Yearly"),
    BillingFrequency.ONE_TIME: ("One-time", "Single invoice", "Once, upfront"),
}

_BILLING_SENTENCES: dict[BillingFrequency, tuple[str, ...]] = {
    BillingFrequency.MONTHLY: (
        "Fees are invoiced monthly in advance.",
        "Provider will bill the Customer every month.",
        "Invoices are issued on a monthly basis.",
    ),
    BillingFrequency.QUARTERLY: (
        "Fees are invoiced quarterly in advance.",
        "Provider will bill the Customer every three months.",
        "Invoices are issued on a quarterly basis.",
    ),
    BillingFrequency.SEMIANNUAL: (
        "Fees are invoiced semi-annually in advance.",
        "Provider will bill the Customer every six months.",
        "Invoices are issued twice a year.",
    ),
    BillingFrequency.ANNUAL: (
        "Fees are invoiced annually in advance.",
        "Provider will bill the Customer once a year.",
        "Invoices are issued on an annual basis.",
    ),
    BillingFrequency.ONE_TIME: (
        "All fees are invoiced once, in a single invoice.",
        "Provider will issue one invoice for the full amount.",
        "Fees are billed one time, upfront.",
    ),
}


def billing_label_value(rng: Random, frequency: BillingFrequency) -> str:
    """Return a billing frequency as a table value: ``Quarterly in advance``."""
    return rng.choice(_BILLING_VALUES[frequency])


def billing_sentence(rng: Random, frequency: BillingFrequency) -> str:
    """Return a billing frequency as a sentence: ``Fees are invoiced quarterly in advance.``"""
    return rng.choice(_BILLING_SENTENCES[frequency])


def payment_label_value(rng: Random, days: int) -> str:
    """Return payment terms as a table value: ``Net 30``, ``45 days from invoice date``."""
    return rng.choice(
        (
            f"Net {days}",
            f"Net {days} days",
            f"{days} days from invoice date",
            f"{days} days from receipt of invoice",
        )
    )


def payment_sentence(rng: Random, days: int) -> str:
    """Return payment terms as a sentence of prose."""
    words = number_words(days)
    return rng.choice(
        (
            f"All invoices are payable within {words} ({days}) days of the invoice date.",
            f"Customer shall pay each invoice {days} days from receipt of invoice.",
            f"Payment is due net {words} ({days}) days after the date of invoice.",
            f"Invoices are due and payable Net {days}.",
        )
    )
