"""Line items with no table: quantities and prices stated in bullets, sentences or one fee."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["bulleted_fees", "fees_in_a_sentence", "flat_annual_fee"]


def bulleted_fees() -> Order:
    """Bullets: 'N licences of X at US$P per licence per year, less D %' and a fixed fee."""
    s = Sheet(LETTER, font="Helvetica", size=10)
    s.text(72, 60, "Fieldbook Software Inc.", font="Helvetica-Bold", size=15)
    s.text(72, 84, "Order FB-20731 - Customer: Marlowe Civil Engineering Ltd")
    s.text(72, 100, "Term: twelve (12) months from 1 June 2027.")
    s.text(72, 130, "Fees", font="Helvetica-Bold", size=11)
    bullets = [
        "40 licences of Fieldbook Inspector at US$1,200 per licence per year, less 10 %.",
        "8 licences of Fieldbook Planner at US$2,050 per licence per year.",
        "One onboarding package, a fixed fee of US$4,500, payable once.",
    ]
    top = 150.0
    for words in bullets:
        s.text(80, top, "\u2022")
        top = s.paragraph(92, top, words, chars=80) + 4
    lines = [
        {"quantity": 40, "unit_price": D("1200"), "discount_pct": 10, "net_amount": D("43200")},
        {"quantity": 8, "unit_price": D("2050"), "net_amount": D("16400")},
        {"quantity": 1, "unit_price": D("4500"), "net_amount": D("4500")},
    ]
    return Order("bulleted_fees", s.finish(), lines=lines, country="US")


def fees_in_a_sentence() -> Order:
    """A letter whose fee paragraph names seats, price and discount in running text."""
    s = Sheet(A4, font="Times-Roman", size=11)
    s.text(60, 60, "Kestrel Harbour Analytics Ltd", font="Times-Bold", size=14)
    s.text(60, 100, "Dear Ms Okafor,")
    top = s.paragraph(
        60,
        124,
        "Further to our discussions, Kestrel Harbour Analytics Ltd will provide Pembroke Tidal "
        "Energy plc with the Tidewatch forecasting service for two (2) years from 1 September "
        "2027. The fee for the service is calculated on 75 named users at GBP 640.00 per user "
        "per year with a discount of twenty per cent (20%), that is GBP 76,800.00 over the "
        "two years. In addition, a single integration workshop will be delivered for a one-off "
        "fee of GBP 3,200.00.",
        chars=88,
        leading=15,
    )
    s.paragraph(60, top + 10, "Yours sincerely, Alasdair Finch, Kestrel Harbour Analytics Ltd")
    lines = [
        {"quantity": 75, "unit_price": D("640"), "discount_pct": 20, "net_amount": D("76800"),
         "start_date": date(2027, 9, 1), "end_date": date(2029, 8, 31)},
        {"quantity": 1, "unit_price": D("3200"), "net_amount": D("3200")},
    ]  # fmt: skip
    return Order("fees_in_a_sentence", s.finish(), lines=lines, country="GB")


def flat_annual_fee() -> Order:
    """One fee and no table: '$327,000 per year' is the order's only line."""
    s = Sheet(LETTER, font="Times-Roman", size=11)
    s.text(72, 60, "ORDER SCHEDULE NO. 4", font="Times-Bold", size=13)
    s.paragraph(
        72,
        90,
        'This schedule is entered into by Vantor Ridge Computing LLC ("Vantor") and Elmsworth '
        'Public Library Consortium ("Subscriber"). Subscriber will have access to the Vantor '
        "archive platform for all member libraries for a subscription fee of $327,000 per year, "
        "for a term of one (1) year starting 1 October 2027.",
        chars=86,
        leading=15,
    )
    lines = [{"quantity": 1, "unit_price": D("327000"), "net_amount": D("327000")}]
    return Order("flat_annual_fee", s.finish(), lines=lines, country="US")


def lettered_list_in_euro() -> Order:
    """'(a) ... (b) ...' clauses with German-style euro amounts inside a numbered section."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(56, 52, "Kontorwerk Software GmbH - Order KW-1290", font="Helvetica-Bold", size=12)
    s.text(56, 72, "Customer: Reederei Albers GmbH & Co. KG. Term: 12 months from 01.01.2028.")
    s.text(56, 100, "3. Fees. The Customer shall pay:")
    top = 118.0
    for words in (
        "(a) for 250 named users of Kontor Planner, \u20ac 84,00 per user per year; and",
        "(b) for one data migration, a fixed price of \u20ac 7.500,00.",
    ):
        top = s.paragraph(76, top, words, chars=80) + 4
    lines = [
        {"quantity": 250, "unit_price": D("84"), "net_amount": D("21000")},
        {"quantity": 1, "unit_price": D("7500"), "net_amount": D("7500")},
    ]
    return Order("lettered_list_in_euro", s.finish(), lines=lines, country="DE")
