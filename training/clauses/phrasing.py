"""A tiny template language for composing varied clause phrasings.

A template holds ``{slot}`` references, filled from :data:`SLOTS` (each a list of
alternatives), and ``[a|b|c]`` choices, which may nest. Expansion draws every choice
from a seeded :class:`random.Random`, so one seed always yields the same sentences.
"""

from __future__ import annotations

import random
import re

__all__ = ["SLOTS", "expand"]

_CHOICE = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"\{([a-z_]+)\}")

SLOTS: dict[str, list[str]] = {
    "cust": [
        "Customer",
        "Client",
        "Licensee",
        "Subscriber",
        "the Customer",
        "Buyer",
        "Acme Corporation",
        "Globex Ltd",
        "Initech, Inc.",
        "Umbrella Health LLC",
        "you",
    ],
    "prov": [
        "Provider",
        "Vendor",
        "Supplier",
        "Licensor",
        "Company",
        "the Service Provider",
        "Northwind Software Inc.",
        "Contoso Cloud Ltd",
        "Seller",
        "we",
    ],
    "agr": [
        "the Agreement",
        "the Master Subscription Agreement",
        "the MSA",
        "the Master Services Agreement",
        "the Terms of Service",
        "the General Terms",
        "the Subscription Terms",
        "the Framework Agreement",
    ],
    "doc": [
        "this Order Form",
        "this Order",
        "this Schedule",
        "this Ordering Document",
        "this Quote",
        "this Statement of Work",
        "this Sales Order",
        "this Addendum",
    ],
    "days": [
        "thirty (30) days",
        "30 days",
        "sixty (60) days",
        "60 days",
        "ninety (90) days",
        "90 days",
        "fifteen (15) days",
        "45 days",
        "forty-five (45) days",
        "ten (10) business days",
        "120 days",
        "one hundred eighty (180) days",
        "twenty (20) calendar days",
        "seven days",
    ],
    "months": [
        "twelve (12) months",
        "12 months",
        "twenty-four (24) months",
        "36 months",
        "three (3) years",
        "two years",
        "eighteen months",
        "the Initial Term",
        "the first renewal term",
        "six (6) months",
        "48 months",
    ],
    "pct": [
        "3%",
        "five percent (5%)",
        "2.5%",
        "ten per cent",
        "4 %",
        "seven percent (7%)",
        "fifteen percent (15%)",
        "1.5 percent",
        "20%",
        "8%",
    ],
    "mult": [
        "two times (2x)",
        "three (3) times",
        "3x",
        "five times",
        "two hundred percent (200%) of",
        "4×",
        "one and a half times",
        "ten times",
    ],
    "amount": [
        "$5,000,000",
        "USD 2,000,000",
        "EUR 1 million",
        "two million dollars ($2,000,000)",
        "£750,000",
        "$10 million",
        "USD 500,000.00",
        "CAD 3,500,000",
    ],
    "fees": [
        "the fees",
        "the Fees",
        "all fees",
        "the subscription fees",
        "the charges",
        "amounts payable",
        "the annual fees",
        "the recurring charges",
    ],
    "service": [
        "the Services",
        "the Subscription Service",
        "the Platform",
        "the Cloud Services",
        "the Software",
        "the hosted service",
        "the SaaS offering",
        "the Products",
    ],
}


def expand(template: str, rng: random.Random) -> str:
    """Return ``template`` with every choice and slot drawn from ``rng``, spaces tidied."""
    text = template
    while True:
        match = _CHOICE.search(text)
        if match is None:
            break
        options = match.group(1).split("|")
        text = text[: match.start()] + rng.choice(options) + text[match.end() :]
    text = _SLOT.sub(lambda m: rng.choice(SLOTS[m.group(1)]), text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    return text[:1].upper() + text[1:]
