"""Key/value cover pages of cloud service agreements, each its own design.

Fields are rows (Subscription Period, Fees, Payment Process, Non-Renewal Notice, Order
Date, Effective Date, Customer, Provider) whose values are filled blanks; some options are
chosen by a tick or by striking out the others; some rows are left blank (not stated:
null, confidence 0); the legal terms are attached standard terms. The designs differ in
font, page size, positions and label wording.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from reportlab.pdfbase import pdfmetrics

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["COVER_DOCS"]


def _strike(s: Sheet, x: float, top: float, words: str, size: float | None = None) -> None:
    """Strike out ``words`` printed at (x, top): the option does not apply."""
    w = pdfmetrics.stringWidth(words, s.font, size or s.size)
    s.hline(x - 1, x + w + 1, top + (size or s.size) * 0.62, width=0.9)


def cover_ruled_grid_rows() -> Order:
    """Label | value cells on A4 in Times; a drawn tick, a struck option, an empty PO cell."""
    s = Sheet(A4, font="Times-Roman", size=10)
    s.text(60, 44, "Service Agreement \u2014 Cover Page", font="Times-Bold", size=15)
    s.text(60, 64, "Reference CP-4471-B", size=9)
    rows = [
        ["Provider", "Tamarind Peak Software Ltd"],
        ["Customer", "Wexcombe Housing Association"],
        ["Order Date", "9 February 2027"],
        ["Effective Date", "1 March 2027"],
        ["Subscription Period", "Twenty-four (24) months from the Effective Date"],
        ["Fees", "GBP 3,250.00 per month, invoiced monthly in arrears"],
        ["Payment Process", ""],
        ["Renewal", "Renews / Does not renew for successive 12-month periods"],
        ["Non-Renewal Notice", "Ninety (90) days before the end of the Subscription Period"],
        ["Customer PO", ""],
    ]
    s.grid(60, 86, [150, 330], rows, row_height=22)
    pay_top = 86 + 6 * 22 + 6
    s.rect(214, pay_top, 8, 8)
    s.text(226, pay_top - 1, "Card payment", size=9)
    s.rect(300, pay_top, 8, 8)
    s.cross(300, pay_top, 8)
    s.text(312, pay_top - 1, "Invoice, due 21 days after invoice date", size=9)
    renew_top = 86 + 7 * 22 + 5
    _strike(s, 214 + pdfmetrics.stringWidth("Renews / ", "Times-Roman", 10), renew_top,
            "Does not renew")  # fmt: skip
    s.paragraph(60, 330, "The Tamarind Standard Terms (edition of 5 May 2024) apply to this order "
                "and prevail over any terms in a purchase order.", chars=96, size=9)  # fmt: skip
    fields = {
        "order_number": "CP-4471-B",
        "provider_legal_name": "Tamarind Peak Software Ltd",
        "customer_legal_name": "Wexcombe Housing Association",
        "order_date": date(2027, 2, 9),
        "start_date": date(2027, 3, 1),
        "term_months": 24,
        "end_date": date(2029, 2, 28),
        "billing_frequency": "monthly",
        "payment_terms_days": 21,
        "auto_renewal": True,
        "renewal_term_months": 12,
        "renewal_notice_days": 90,
        "total_contract_value": D("78000"),
        "currency": "GBP",
        "po_number": None,
    }
    return Order("cover_ruled_grid_rows", s.finish(), fields=fields, country="GB")


def cover_labels_above_typed_lines() -> Order:
    """Courier on Letter: small labels above values typed over lines, two fields to a row."""
    s = Sheet(LETTER, font="Courier", size=9.5)
    s.text(40, 40, "ORDER COVER  No. OC-00918", font="Courier-Bold", size=12)
    pairs = [
        ("CUSTOMER", "Fenwick Orchard Supply Inc.", "PROVIDER", "Quarrystone Data Corp."),
        ("ORDER DATE", "10/14/2027", "EFFECTIVE DATE", "11/01/2027"),
        ("SUBSCRIPTION PERIOD", "1 year", "FEES", "$ 14,400.00 per year"),
        ("PAYMENT PROCESS", "invoice - net [ 20 ] days", "NON-RENEWAL NOTICE", ""),
        ("BILLING", "monthly / annually / once", "PURCHASE ORDER", ""),
    ]
    top = 76.0
    for left, left_value, right, right_value in pairs:
        for x, label, value in ((40, left, left_value), (320, right, right_value)):
            s.text(x, top, label, size=7)
            s.hline(x, x + 250, top + 26, width=0.5)
            if value:
                s.text(x + 2, top + 13, value)
        top += 40
    billing_top = 76 + 4 * 40 + 13
    _strike(s, 42, billing_top, "monthly")
    _strike(s, 42 + pdfmetrics.stringWidth("monthly / annually / ", "Courier", 9.5),
            billing_top, "once")  # fmt: skip
    s.paragraph(40, top + 10, "Renewal: the subscription does not renew on its own; Quarrystone "
                "Standard Cloud Terms v2 govern.", chars=90, size=8)  # fmt: skip
    fields = {
        "order_number": "OC-00918",
        "customer_legal_name": "Fenwick Orchard Supply Inc.",
        "provider_legal_name": "Quarrystone Data Corp.",
        "order_date": date(2027, 10, 14),
        "start_date": date(2027, 11, 1),
        "term_months": 12,
        "end_date": date(2028, 10, 31),
        "total_contract_value": D("14400"),
        "currency": "USD",
        "payment_terms_days": 20,
        "billing_frequency": "annual",
        "auto_renewal": False,
        "renewal_notice_days": None,
        "po_number": None,
    }
    return Order("cover_labels_above_typed_lines", s.finish(), fields=fields, country="US")


def cover_underscored_blanks() -> Order:
    """Helvetica key: value rows with underscore blanks, some filled, some left empty."""
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(70, 60, "Harbourline Systems B.V.", font="Helvetica-Bold", size=12)
    s.text(70, 76, "Cloud Order - Key Terms", size=10)
    rows = [
        ("Order No.", "__HS-2027-330__"),
        ("Customer", "__Stellingwerf Bakkerijen B.V.__"),
        ("Order Date", "__22.03.2027__"),
        ("Effective Date", "__01.04.2027__"),
        ("Subscription Period", "__36__ months"),
        ("Fees", "EUR __2.800,00__ per quarter"),
        ("Payment Process", "payment within __30__ days of invoice"),
        ("Non-Renewal Notice", "____________ days"),
        ("Renewal Term", "____________ months"),
        ("Customer PO", "____________"),
    ]
    top = 104.0
    for label, value in rows:
        s.text(70, top, label + ":")
        s.text(200, top, value)
        top += 19
    s.text(70, top + 14, "Billed each quarter in advance. Harbourline General Terms 2026 apply.")
    fields = {
        "order_number": "HS-2027-330",
        "customer_legal_name": "Stellingwerf Bakkerijen B.V.",
        "provider_legal_name": "Harbourline Systems B.V.",
        "order_date": date(2027, 3, 22),
        "start_date": date(2027, 4, 1),
        "term_months": 36,
        "end_date": date(2030, 3, 31),
        "billing_frequency": "quarterly",
        "payment_terms_days": 30,
        "total_contract_value": D("33600"),
        "currency": "EUR",
        "renewal_notice_days": None,
        "renewal_term_months": None,
        "po_number": None,
    }
    return Order("cover_underscored_blanks", s.finish(), fields=fields, country="NL")


COVER_DOCS = (cover_ruled_grid_rows, cover_labels_above_typed_lines, cover_underscored_blanks)
