"""Prose schedules: fees, quantities, periods, term and renewal in numbered paragraphs.

"Schedule 1 - Fees" states each fee in a sentence, a ramp in words ("50 users in the first
year, rising to 80 in the second"), and the term and renewal in prose. Expected lines
follow the contract: one line per priced item and per ramp year, net over its period.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["SCHEDULE_DOCS"]


def _numbered(s: Sheet, x: float, top: float, paragraphs: list[str], chars: int) -> float:
    for number, words in enumerate(paragraphs, start=1):
        s.text(x, top, f"1.{number}")
        top = s.paragraph(x + 28, top, words, chars=chars, leading=13) + 7
    return top


def ramp_in_a_sentence() -> Order:
    """'50 users in the first year, rising to 80 in the second' at US$ 420 per user per year."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    s.text(72, 52, "Order Schedule OS-2291 under the Master Subscription Agreement",
           font="Times-Bold", size=12)  # fmt: skip
    s.paragraph(72, 74, 'between Brambleway Analytics Inc. ("Provider") and Castlereagh Mutual '
                'Insurance Company ("Customer").', chars=90)  # fmt: skip
    s.text(72, 112, "Schedule 1 \u2013 Fees", font="Times-Bold", size=11.5)
    top = _numbered(s, 72, 132, [
        "The Customer subscribes to Brambleway Claims Insight for 50 users in the first year, "
        "rising to 80 users in the second year, at US$ 420.00 per user per year.",
        "The subscription term is two (2) years beginning on 1 April 2027.",
        "Fees for each year are invoiced annually in advance and are payable within thirty (30) "
        "days of the date of the invoice.",
    ], chars=84)  # fmt: skip
    s.text(72, top + 10, "Schedule 2 \u2013 Term and Renewal", font="Times-Bold", size=11.5)
    s.paragraph(72, top + 30, "At the end of the term the subscription renews automatically for "
                "successive periods of twelve (12) months unless either party gives notice of "
                "non-renewal at least sixty (60) days before the end of the then-current term.",
                chars=88)  # fmt: skip
    fields = {
        "order_number": "OS-2291",
        "customer_legal_name": "Castlereagh Mutual Insurance Company",
        "provider_legal_name": "Brambleway Analytics Inc.",
        "start_date": date(2027, 4, 1),
        "end_date": date(2029, 3, 31),
        "term_months": 24,
        "billing_frequency": "annual",
        "payment_terms_days": 30,
        "auto_renewal": True,
        "renewal_term_months": 12,
        "renewal_notice_days": 60,
        "total_contract_value": D("54600"),
        "currency": "USD",
    }
    lines = [
        {"quantity": 50, "unit_price": D("420"), "net_amount": D("21000"),
         "start_date": date(2027, 4, 1), "end_date": date(2028, 3, 31)},
        {"quantity": 80, "unit_price": D("420"), "net_amount": D("33600"),
         "start_date": date(2028, 4, 1), "end_date": date(2029, 3, 31)},
    ]  # fmt: skip
    return Order("ramp_in_a_sentence", s.finish(), fields=fields, lines=lines, country="US")


def fees_in_numbered_paragraphs() -> Order:
    """Schedule 1 in GBP: seats at a rate with a discount, a one-off fee, quarterly billing."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(60, 48, "SCHEDULE 1 - FEES", font="Helvetica-Bold", size=12)
    s.text(60, 66, "to Order No. HX-7740 between Halverton Exchange Ltd and Rossendale Building "
           "Society", size=8.5)  # fmt: skip
    top = _numbered(s, 60, 92, [
        "Subscription fee. For 140 named users of Halverton Treasury the fee is GBP 310.00 per "
        "named user per year, less a discount of 15%, for the whole term.",
        "Onboarding. A one-off onboarding fee of GBP 6,500.00 is payable with the first invoice.",
        "Invoicing. Subscription fees are invoiced quarterly in advance; each invoice is due "
        "forty-five (45) days after its date.",
        "Term. The term is twelve (12) months starting on 1 October 2027. It does not renew "
        "automatically; any extension needs a new order.",
    ], chars=92)  # fmt: skip
    s.text(60, top + 20, "Rossendale Building Society accepts this schedule.", size=8.5)
    fields = {
        "order_number": "HX-7740",
        "customer_legal_name": "Rossendale Building Society",
        "provider_legal_name": "Halverton Exchange Ltd",
        "start_date": date(2027, 10, 1),
        "end_date": date(2028, 9, 30),
        "term_months": 12,
        "billing_frequency": "quarterly",
        "payment_terms_days": 45,
        "auto_renewal": False,
        "currency": "GBP",
    }
    lines = [
        {"quantity": 140, "unit_price": D("310"), "discount_pct": 15, "net_amount": D("36890")},
        {"quantity": 1, "unit_price": D("6500"), "net_amount": D("6500")},
    ]
    pdf = s.finish()
    return Order("fees_in_numbered_paragraphs", pdf, fields=fields, lines=lines, country="GB")


def three_year_ramp_in_words() -> Order:
    """A three-year ramp in words in Courier: 'twenty ... thirty-five ... fifty' sites, EUR."""
    s = Sheet(A4, font="Courier", size=9)
    s.text(50, 50, "SCHEDULE 1 - CHARGES (ORDER KR-0561)", font="Courier-Bold", size=11)
    s.text(50, 66, "Provider: Kranich Telemetrie GmbH   Customer: Nordsee Windpark Betriebs GmbH")
    _numbered(s, 50, 92, [
        "The Customer licenses Kranich Fleet Monitor for twenty (20) sites in the first "
        "contract year, thirty-five (35) sites in the second and fifty (50) sites in the third.",
        "The charge is EUR 1.800,00 per site per contract year.",
        "The first contract year begins on 01.07.2027; the initial term is three (3) years.",
        "Charges are invoiced annually in advance and are payable within 30 days of invoice.",
    ], chars=76)  # fmt: skip
    fields = {
        "order_number": "KR-0561",
        "customer_legal_name": "Nordsee Windpark Betriebs GmbH",
        "provider_legal_name": "Kranich Telemetrie GmbH",
        "start_date": date(2027, 7, 1),
        "end_date": date(2030, 6, 30),
        "term_months": 36,
        "billing_frequency": "annual",
        "payment_terms_days": 30,
        "currency": "EUR",
        "total_contract_value": D("189000"),
    }
    lines = [
        {"quantity": quantity, "unit_price": D("1800"), "net_amount": D(1800 * quantity),
         "start_date": date(2027 + year, 7, 1), "end_date": date(2028 + year, 6, 30)}
        for year, quantity in enumerate((20, 35, 50))
    ]  # fmt: skip
    return Order("three_year_ramp_in_words", s.finish(), fields=fields, lines=lines, country="DE")


SCHEDULE_DOCS = (ramp_in_a_sentence, fees_in_numbered_paragraphs, three_year_ramp_in_words)
