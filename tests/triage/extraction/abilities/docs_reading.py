"""Reading order: two-column pages, running headers and footers, monospaced printouts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from reportlab.pdfbase import pdfmetrics

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = [
    "field_block_in_proportional_type",
    "monospaced_printout",
    "monospaced_printout_with_discounts",
    "running_header_and_footer",
    "two_column_cover",
    "two_column_terms",
]

_LEFT = [
    "1. Order. This order is placed by Greywater",
    'Textiles Limited (the "Customer") with Albion',
    'Kiln Software Ltd (the "Provider") and takes',
    "effect on signature by both parties.",
    "",
    "2. Term. The subscription begins on 1 July 2027",
    "and runs for an initial period of twenty-four (24)",
    "months, after which it renews for further periods",
    "of twelve (12) months each.",
    "",
    "3. Notice. Either party may stop a renewal by",
    "written notice given not less than sixty (60) days",
    "before the end of the current period.",
]
_RIGHT = [
    "4. Fees. The Customer pays GBP 58,800.00 in",
    "total for the initial period, invoiced every",
    "quarter in advance.",
    "",
    "5. Payment. Each invoice is payable within",
    "twenty-one (21) days of its date, by bank transfer",
    "to the account shown on the invoice.",
    "",
    "6. Price changes. On renewal the fees may rise",
    "by no more than three per cent (3%) over the",
    "fees of the period just ended.",
    "",
    "",
]


def two_column_terms() -> Order:
    """Clauses set in two columns, sentences wrapping at the gutter: read column by column."""
    s = Sheet(A4, font="Times-Roman", size=9.5)
    s.text(50, 50, "ALBION KILN SOFTWARE LTD - ORDER AK-20913", font="Times-Bold", size=13)
    for row, (left, right) in enumerate(zip(_LEFT, _RIGHT, strict=True)):
        assert pdfmetrics.stringWidth(left, s.font, s.size) < 235  # keep a clear gutter
        top = 90 + row * 13
        s.text(50, top, left)
        s.text(305, top, right)
    fields = {
        "customer_legal_name": "Greywater Textiles Limited",
        "provider_legal_name": "Albion Kiln Software Ltd",
        "start_date": date(2027, 7, 1),
        "term_months": 24,
        "renewal_term_months": 12,
        "renewal_notice_days": 60,
        "total_contract_value": D("58800.00"),
        "billing_frequency": "quarterly",
        "payment_terms_days": 21,
        "renewal_uplift_cap_pct": 3,
    }
    return Order("two_column_terms", s.finish(), fields=fields, country="GB")


def two_column_cover() -> Order:
    """A cover page of label/value pairs in two columns that share each text line."""
    s = Sheet(LETTER, font="Helvetica", size=9)
    s.text(50, 44, "Order Summary", font="Helvetica-Bold", size=16)
    left = [
        ("Customer", "Ridgeway Dental Laboratories Inc."),
        ("Order #", "RD-44017"),
        ("Start", "09/01/2027"),
        ("Term", "12 months"),
    ]
    right = [
        ("Vendor", "Sorrel Peak Imaging Corp."),
        ("Customer PO", "RDL-7719"),
        ("End", "08/31/2028"),
        ("Payment", "Net 15"),
    ]
    for row, ((l_label, l_value), (r_label, r_value)) in enumerate(zip(left, right, strict=True)):
        top = 84 + row * 16
        s.text(50, top, l_label, font="Helvetica-Bold")
        s.text(120, top, l_value)
        s.text(320, top, r_label, font="Helvetica-Bold")
        s.text(400, top, r_value)
    fields = {
        "customer_legal_name": "Ridgeway Dental Laboratories Inc.",
        "provider_legal_name": "Sorrel Peak Imaging Corp.",
        "order_number": "RD-44017",
        "po_number": "RDL-7719",
        "start_date": date(2027, 9, 1),
        "end_date": date(2028, 8, 31),
        "payment_terms_days": 15,
    }
    return Order("two_column_cover", s.finish(), fields=fields, country="US")


def running_header_and_footer() -> Order:
    """Every page repeats a header and a footer full of dates and numbers that are not terms."""

    def decor(sheet: Sheet, page: int) -> None:
        sheet.text(50, 20, "Cobalt Reef Systems Inc. - Confidential - printed 30 Nov 2026", size=7)
        sheet.text(
            50, 752, "Form CR-OF rev. 14/2025 - Reg. no. 8834120 - Page " + str(page), size=7
        )
        sheet.right(560, 752, "Standard list prices 2026: 2,500.00 per node", size=7)

    s = Sheet(LETTER, font="Helvetica", size=9.5, decor=decor)
    s.text(50, 60, "Order Form", font="Helvetica-Bold", size=15)
    s.text(50, 84, "Order number: CR-66180")
    s.text(50, 99, "Order date: 12 January 2027")
    s.text(50, 114, "Customer: Pinemoor Hospitality Group Inc.")
    s.text(50, 129, "Start date: 1 February 2027      Term: 12 months      Currency: USD")
    s.text(50, 170, "Item", font="Helvetica-Bold")
    s.right(380, 170, "Qty", font="Helvetica-Bold")
    s.right(460, 170, "Price", font="Helvetica-Bold")
    s.right(550, 170, "Amount", font="Helvetica-Bold")
    rows = [("CR-NODE Edge node", "12", "2,100.00", "25,200.00")]
    for index, (item, qty, price, amount) in enumerate(rows):
        top = 188 + index * 15
        s.text(50, top, item)
        for x, words in ((380, qty), (460, price), (550, amount)):
            s.right(x, top, words)
    s.new_page()
    s.text(50, 60, "Terms", font="Helvetica-Bold", size=12)
    s.paragraph(
        50,
        80,
        "Invoices are issued annually in advance and are payable within 30 days. The total "
        "value of this order is USD 25,200.00.",
        chars=95,
    )
    fields = {
        "order_number": "CR-66180",
        "order_date": date(2027, 1, 12),
        "start_date": date(2027, 2, 1),
        "total_contract_value": D("25200.00"),
    }
    lines = [{"sku": "CR-NODE", "quantity": 12, "unit_price": D("2100"), "net_amount": D("25200")}]
    return Order("running_header_and_footer", s.finish(), fields=fields, lines=lines, country="US")


_PRINTOUT = [
    "RUN 27/031  ORDER ENTRY SYSTEM 4.2                              PAGE 0001",
    "",
    "ORDER NO. . . : 0045512-SO            ORDER DATE : 14-FEB-2027",
    "SOLD TO . . . : BALLANTYNE PAPER MILLS INC",
    "CUST PO . . . : BPM-88-2031",
    "SERVICE FROM  : 01-MAR-2027           SERVICE TO : 29-FEB-2028",
    "TERMS . . . . : NET 30 DAYS           BILLING    : ANNUAL IN ADVANCE",
    "CURRENCY  . . : CAD",
    "",
    "LN ITEM          DESCRIPTION                QTY    UNIT PRICE      EXTENSION",
    "-- ------------- ------------------------- ----- ------------- --------------",
    "01 HRX-PAYROLL   PAYROLL SUITE USERS         340         95.00      32,300.00",
    "02 HRX-TIME      TIME CAPTURE TERMINALS       12        610.00       7,320.00",
    "03 HRX-IMPL      IMPLEMENTATION SERVICES       1     14,500.00      14,500.00",
    "                                                                 ------------",
    "                                              ORDER TOTAL         54,120.00",
]


def monospaced_printout() -> Order:
    """A system printout in Courier whose columns are runs of spaces inside one string."""
    s = Sheet(LETTER, font="Courier", size=8.5)
    for row, words in enumerate(_PRINTOUT):
        if words:
            s.text(40, 50 + row * 11, words)
    fields = {
        "order_number": "0045512-SO",
        "order_date": date(2027, 2, 14),
        "customer_legal_name": "BALLANTYNE PAPER MILLS INC",
        "po_number": "BPM-88-2031",
        "start_date": date(2027, 3, 1),
        "end_date": date(2028, 2, 29),
        "payment_terms_days": 30,
        "billing_frequency": "annual",
        "currency": "CAD",
        "total_contract_value": D("54120.00"),
    }
    lines = [
        {"sku": "HRX-PAYROLL", "quantity": 340, "unit_price": D("95"), "net_amount": D("32300")},
        {"sku": "HRX-TIME", "quantity": 12, "unit_price": D("610"), "net_amount": D("7320")},
        {"sku": "HRX-IMPL", "quantity": 1, "unit_price": D("14500"), "net_amount": D("14500")},
    ]
    return Order("monospaced_printout", s.finish(), fields=fields, lines=lines, country="CA")


_PRINTOUT_DISCOUNTS = [
    "SALES ORDER                  NORTHCAPE BUSINESS SYSTEMS LTD        SHEET  1/1",
    "================================================================================",
    "ORDER        NC/77/30125     DATED     03.05.2027",
    "CUSTOMER     HALDANE & ROSS SOLICITORS LLP",
    "TERM         01.06.2027 TO 31.05.2029  (24 MONTHS)",
    "PAYMENT      WITHIN 30 DAYS            INVOICING  QUARTERLY",
    "================================================================================",
    "PRODUCT      QTY      LIST  DISC%         NET  FROM        TO",
    "CM4500-L      45    480.00  10.0    38,880.00  01.06.2027  31.05.2029",
    "DV0100-S       1  6,000.00   0.0    12,000.00  01.06.2027  31.05.2029",
    "                                    ---------",
    "TOTAL GBP                           50,880.00",
]


def monospaced_printout_with_discounts() -> Order:
    """A second printout layout: a discount column, two-year nets, dotted day-first dates."""
    s = Sheet(A4, font="Courier", size=8)
    for row, words in enumerate(_PRINTOUT_DISCOUNTS):
        s.text(30, 60 + row * 10, words)
    period = {"start_date": date(2027, 6, 1), "end_date": date(2029, 5, 31)}
    lines = [
        {"sku": "CM4500-L", "quantity": 45, "unit_price": D("480"), "discount_pct": 10,
         "net_amount": D("38880"), **period},
        {"sku": "DV0100-S", "quantity": 1, "unit_price": D("6000"), "discount_pct": 0,
         "net_amount": D("12000"), **period},
    ]  # fmt: skip
    fields = {
        "order_number": "NC/77/30125",
        "order_date": date(2027, 5, 3),
        "customer_legal_name": "HALDANE & ROSS SOLICITORS LLP",
        "start_date": date(2027, 6, 1),
        "end_date": date(2029, 5, 31),
        "term_months": 24,
        "payment_terms_days": 30,
        "billing_frequency": "quarterly",
        "total_contract_value": D("50880.00"),
        "currency": "GBP",
    }
    return Order(
        "monospaced_printout_with_discounts", s.finish(), fields=fields, lines=lines, country="GB"
    )


def field_block_in_proportional_type() -> Order:
    """A header block of capitals in Helvetica: labels in one column, values in the next, no
    colons. Each value belongs to the label on its own line: "CUSTOMER  HOLLINS & VANE" is
    no row of two labels over the next row, and the order number no value wrapping into it."""
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(50, 50, "TARNWELL IMAGING LTD", font="Helvetica-Bold", size=12)
    rows = [
        ("ORDER", "TI-55012"),
        ("CUSTOMER", "HOLLINS & VANE ARCHITECTS LLP"),
        ("START DATE", "01/10/2027"),
        ("END DATE", "30/09/2028"),
        ("PAYMENT TERMS", "NET 45"),
    ]
    for row, (label, value) in enumerate(rows):
        s.text(50, 84 + row * 12, label)
        s.text(150, 84 + row * 12, value)
    fields = {
        "order_number": "TI-55012",
        "customer_legal_name": "HOLLINS & VANE ARCHITECTS LLP",
        "start_date": date(2027, 10, 1),
        "end_date": date(2028, 9, 30),
        "payment_terms_days": 45,
    }
    return Order("field_block_in_proportional_type", s.finish(), fields=fields, country="GB")
