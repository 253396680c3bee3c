"""Which date and which party: the document names several, and only one is the answer.

The order's date beside its master agreement's date, the term's start beside the signing
date, durations in unrelated clauses beside the term, the PO number beside the order
number, and the parties named by defined terms, numbered recitals, a letterhead and an
addressee block, Sold To / Bill To blocks, or only "for and on behalf of" headings.
"""

from __future__ import annotations

from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "addressee_letter",
    "defined_terms_customer_second",
    "durations_in_other_clauses",
    "for_and_on_behalf_of",
    "numbered_parties",
    "order_date_beside_master_agreement_date",
    "order_dated_in_prose_under_older_agreement",
    "po_number_beside_order_number",
    "sold_to_and_bill_to",
    "start_date_beside_signing_date",
]


_BOLD = {"Times-Roman": "Times-Bold", "Helvetica": "Helvetica-Bold"}


def _prose(name: str, heading: str, paragraphs: list[str], fields: dict[str, object],
           country: str, *, font: str = "Times-Roman") -> Order:  # fmt: skip
    s = Sheet(A4 if country != "US" else LETTER, font=font, size=10.5)
    s.text(60, 52, heading, font=_BOLD[font], size=13)
    top = 86.0
    for words in paragraphs:
        top = s.paragraph(60, top, words, chars=86, leading=14) + 8
    return Order(name, s.finish(), fields=fields, country=country)


def order_date_beside_master_agreement_date() -> Order:
    """The master agreement's date comes first and is labelled; the order's is 'Dated'."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(50, 48, "Zestwood Systems Ltd", font="Helvetica-Bold", size=14)
    s.text(50, 70, "Order Form ZS-7781")
    rows = [
        ("Governing agreement", "Master Subscription Agreement MSA-118"),
        ("Agreement date", "14/06/2021"),
        ("Customer", "Pendle Moor Housing Association"),
        ("Dated", "08/02/2027"),
        ("Start", "01/03/2027"),
    ]
    for row, (label, value) in enumerate(rows):
        s.text(50, 100 + row * 16, label, font="Helvetica-Bold")
        s.text(190, 100 + row * 16, value)
    fields = {"order_date": date(2027, 2, 8), "start_date": date(2027, 3, 1)}
    return Order("order_date_beside_master_agreement_date", s.finish(), fields=fields,
                 country="GB")  # fmt: skip


def order_dated_in_prose_under_older_agreement() -> Order:
    """'This Order, dated 3 May 2027, is governed by the agreement dated 1 November 2019'."""
    return _prose(
        "order_dated_in_prose_under_older_agreement",
        "ORDER No. 2027-115",
        ["Under the Cloud Services Agreement dated 1 November 2019 between Fenmarsh Cloud Inc. "
         "and Riverbend Pharmacy Holdings, Inc., this Order, dated May 3, 2027, adds the "
         "services below."],
        {"order_date": date(2027, 5, 3)},
        "US",
    )  # fmt: skip


def start_date_beside_signing_date() -> Order:
    """The order is effective on signature; the subscription starts later: not the same date."""
    s = Sheet(A4, font="Times-Roman", size=10.5)
    s.text(60, 52, "Subscription Order - Tenterden Vision Ltd", font="Times-Bold", size=13)
    s.paragraph(
        60,
        86,
        "This order is effective on the date of the last signature below. The Subscription "
        "Term commences on 1 March 2027 and lasts twelve (12) months.",
        chars=86,
        leading=14,
    )
    block = [
        "CUSTOMER: Rookwood Opticians Ltd",
        "Signature: /s/ Amara Osei",
        "Name: Amara Osei",
        "Date: 20 January 2027",
    ]
    for row, words in enumerate(block):
        s.text(60, 160 + row * 16, words)
    fields = {
        "start_date": date(2027, 3, 1),
        "customer_signed_date": date(2027, 1, 20),
        "term_months": 12,
    }
    return Order("start_date_beside_signing_date", s.finish(), fields=fields, country="GB")


def durations_in_other_clauses() -> Order:
    """Confidentiality, warranty and breach-notice periods come before the real term."""
    return _prose(
        "durations_in_other_clauses",
        "Order Terms - Kittering Labs Inc.",
        ["1. Confidentiality. Each party keeps the other's Confidential Information secret "
         "for five (5) years after this order ends.",
         "2. Warranty. Kittering warrants the software for ninety (90) days from delivery.",
         "3. Breach. Either party may terminate on thirty (30) days' written notice of an "
         "uncured material breach.",
         "4. Term. The subscription runs for twelve (12) months from 1 April 2027 and renews "
         "for successive 12-month periods unless either party gives notice of non-renewal at "
         "least 45 days before the end of the then-current period.",
         "5. Payment. Invoices are payable within 15 days."],
        {"term_months": 12, "start_date": date(2027, 4, 1), "renewal_term_months": 12,
         "renewal_notice_days": 45, "payment_terms_days": 15},
        "US",
    )  # fmt: skip


def po_number_beside_order_number() -> Order:
    """'Purchase Order' and 'Sales Order' both say Order; the PO is printed first."""
    s = Sheet(LETTER, font="Courier", size=9)
    s.text(50, 48, "GILDERSLEEVE PRINT SYSTEMS INC.", font="Courier-Bold", size=12)
    s.right(560, 48, "Purchase Order: 55-10872", font="Courier")
    s.text(50, 80, "Sales Order: SO-771203")
    s.text(50, 94, "Customer: Cattail Press Cooperative")
    fields = {"order_number": "SO-771203", "po_number": "55-10872"}
    return Order("po_number_beside_order_number", s.finish(), fields=fields, country="US")


def defined_terms_customer_second() -> Order:
    """'X ("Supplier") and Y ("Customer")': the customer is named second."""
    return _prose(
        "defined_terms_customer_second",
        "Order Form",
        ['This Order Form is made between Lumen Kettle Ltd ("Supplier") and Grayhaven '
         'Logistics plc ("Customer") and is governed by the Supplier\'s standard terms.'],
        {"customer_legal_name": "Grayhaven Logistics plc",
         "provider_legal_name": "Lumen Kettle Ltd"},
        "GB",
        font="Helvetica",
    )  # fmt: skip


def numbered_parties() -> Order:
    """'(1) X ... ("Licensor"); and (2) Y ... ("Licensee")' recitals, one party per paragraph."""
    return _prose(
        "numbered_parties",
        "SOFTWARE ORDER",
        ["THIS ORDER is dated 2 February 2027 and made BETWEEN:",
         "(1) ORCHARD METRICS GMBH, a company registered in Germany whose office is at "
         'Hafenstrasse 4, 20457 Hamburg ("Licensor"); and',
         "(2) TALLWATER BREWING AG, a company registered in Switzerland whose office is at "
         'Seestrasse 90, 8002 Zurich ("Licensee").'],
        {"customer_legal_name": "TALLWATER BREWING AG",
         "provider_legal_name": "ORCHARD METRICS GMBH"},
        "CH",
    )  # fmt: skip


def addressee_letter() -> Order:
    """A letter: the provider is the letterhead, the customer the addressee block."""
    s = Sheet(A4, font="Times-Roman", size=10.5)
    s.right(540, 50, "Cardew Instruments plc", font="Times-Bold", size=14)
    s.right(540, 68, "4 Mill Lane, Leeds LS2 7QT", size=9)
    for row, words in enumerate(
        ("Ms Joan Pryce", "Head of Procurement", "Ashby Cold Storage Ltd", "Unit 7, Dock Road",
         "Grimsby DN31 3LL")
    ):  # fmt: skip
        s.text(60, 120 + row * 13, words)
    s.text(60, 200, "11 March 2027")
    s.text(60, 226, "Dear Ms Pryce,")
    s.paragraph(
        60,
        250,
        "Order CI-3390. We are pleased to confirm your order for 30 cold-chain monitors on "
        "our standard terms, for a total of GBP 18,600.00.",
        chars=86,
    )
    fields = {
        "customer_legal_name": "Ashby Cold Storage Ltd",
        "provider_legal_name": "Cardew Instruments plc",
    }
    return Order("addressee_letter", s.finish(), fields=fields, country="GB")


def sold_to_and_bill_to() -> Order:
    """Bill To names a shared-services company; the customer is the Sold To party."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(50, 46, "Quorn Valley Software Ltd - Order QV-40017", font="Helvetica-Bold", size=12)
    blocks = [
        ("Bill To", ["Tessellate Group Shared Services Ltd", "Accounts Payable", "PO Box 118"]),
        ("Sold To", ["Tessellate Homes Ltd", "88 Quay Street", "Bristol BS1 4DJ"]),
        ("Ship To", ["Tessellate Homes Ltd", "IT Department", "Bristol BS1 4DJ"]),
    ]
    for col, (label, lines) in enumerate(blocks):
        x = 50 + col * 180
        s.text(x, 80, label, font="Helvetica-Bold")
        for row, words in enumerate(lines):
            s.text(x, 96 + row * 12, words)
    fields = {
        "customer_legal_name": "Tessellate Homes Ltd",
        "provider_legal_name": "Quorn Valley Software Ltd",
    }
    return Order("sold_to_and_bill_to", s.finish(), fields=fields, country="GB")


def for_and_on_behalf_of() -> Order:
    """No defined terms: the parties are only named over their signature blocks."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(50, 48, "Quillon Data Pty Ltd", font="Helvetica-Bold", size=14)
    s.text(50, 70, "Order QD-2231 for harbour telemetry services, twelve months from 1 May 2027.")
    for col, party in enumerate(("Quillon Data Pty Ltd", "Saltmarsh Ports Authority")):
        x = 50 + col * 260
        s.text(x, 140, "Signed for and on behalf of", size=8.5)
        s.text(x, 152, party, font="Helvetica-Bold")
        s.hline(x, x + 200, 196)
        s.text(x, 200, "Signature", size=7.5)
    fields = {
        "customer_legal_name": "Saltmarsh Ports Authority",
        "provider_legal_name": "Quillon Data Pty Ltd",
    }
    return Order("for_and_on_behalf_of", s.finish(), fields=fields, country="AU")
