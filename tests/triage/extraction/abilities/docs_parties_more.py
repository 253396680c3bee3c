"""More of 'which party, which term, which signature', from other systems' paper.

- letterheads whose first line carries the quote's details to the right of the provider's
  name, letters whose addressee block follows the date line, and an opening sentence that
  names the customer at the start of its second line (``letterhead_*``);
- a provider defined by a short name (``X Limited ("Customer") has agreed to purchase from
  Z Systems, Inc. ("Zed")``) beside an amount in words with a bracketed figure
  (``short_name_*``);
- term dates from mid-month to the day before in a later year, with no stated length
  (``mid_month_term_*``);
- a customer signature block whose party heading wraps over two lines, after the
  provider's own signed block (``wrapped_party_heading_*``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tests.triage.extraction.abilities.sheet import A4, LETTER, Build, Order, Sheet

__all__ = [
    "LETTERHEAD_DOCS",
    "MID_MONTH_TERM_DOCS",
    "SHORT_NAME_DOCS",
    "WRAPPED_HEADING_DOCS",
    "letterhead_centred_letter_mr_addressee",
    "letterhead_customer_opens_second_line",
    "letterhead_letter_addressee_after_date",
    "letterhead_one_run_with_spaces",
    "letterhead_quote_details_on_first_line",
    "letterhead_quote_reference_right_aligned",
    "mid_month_term_day_of_month_words",
    "mid_month_term_ordinal_suffixes",
    "mid_month_term_three_years_numeric",
    "short_name_dollars_in_words",
    "short_name_euro_in_words",
    "short_name_sterling_before_parties",
    "wrapped_party_heading_conformed_signature",
    "wrapped_party_heading_italic_signature",
    "wrapped_party_heading_typed_signature",
]

_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}


def _lines(s: Sheet, x: float, top: float, lines: Sequence[str], leading: float) -> float:
    """Draw ``lines`` one under another; return the top below the last."""
    for row, words in enumerate(lines):
        s.text(x, top + row * leading, words)
    return top + len(lines) * leading


# --- 4. letterheads and addressee blocks ---------------------------------------------------


def letterhead_quote_details_on_first_line() -> Order:
    """'Corvid Security Systems Ltd      Quote created 05 Aug 2027' as one printed line."""
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(40, 40, "Corvid Security Systems Ltd", font="Helvetica-Bold", size=12)
    s.text(300, 41, "Quote created 05 Aug 2027     Quote no. CSS-Q-10482", size=9)
    _lines(s, 40, 60, ("Unit 9, Harbour Court, Plymouth PL4 0RA", "VAT GB 318 4420 71"), 11)
    s.text(40, 104, "Prepared for", font="Helvetica-Bold")
    _lines(s, 40, 118, ("Mr. Ewan Trelawny", "Facilities Manager", "Penhallow Marine Limited",
                        "Falmouth TR11 4SZ"), 11)  # fmt: skip
    s.paragraph(
        40,
        180,
        "Thank you for your enquiry. This quote covers the supply and monitoring of 24 "
        "access-control readers for twelve months.",
        chars=100,
    )
    fields = {
        "provider_legal_name": "Corvid Security Systems Ltd",
        "customer_legal_name": "Penhallow Marine Limited",
    }
    return Order("letterhead_quote_details_on_first_line", s.finish(), fields=fields,
                 country="GB")  # fmt: skip


def letterhead_quote_reference_right_aligned() -> Order:
    """Times: the name left, 'Quotation QN-7714 | 12 March 2027' right-aligned on its line."""
    s = Sheet(LETTER, font="Times-Roman", size=10)
    s.text(50, 46, "Marrowbone Clinical Software, Inc.", font="Times-Bold", size=14)
    s.right(562, 48, "Quotation QN-7714  |  12 March 2027", size=10)
    s.hline(50, 562, 66)
    s.text(50, 80, "Quote to:", font="Times-Bold")
    _lines(s, 120, 80, ("Dr. Priya Natarajan", "Chief Medical Information Officer",
                        "Lakeshore Pediatric Partners, P.C.", "Madison, WI 53703"), 13)  # fmt: skip
    s.paragraph(50, 150, "We are pleased to quote the clinical charting subscription below "
                "for your three practice sites.", chars=95)  # fmt: skip
    fields = {
        "provider_legal_name": "Marrowbone Clinical Software, Inc.",
        "customer_legal_name": "Lakeshore Pediatric Partners, P.C.",
    }
    return Order("letterhead_quote_reference_right_aligned", s.finish(), fields=fields,
                 country="US")  # fmt: skip


def letterhead_letter_addressee_after_date() -> Order:
    """A letter: letterhead, then the date line, then 'Ms. name / title / Company GmbH'."""
    s = Sheet(A4, font="Times-Roman", size=10.5)
    s.text(60, 46, "Fennick & Roe Data Services Limited", font="Times-Bold", size=13)
    s.text(60, 64, "21 Canal Wharf, Manchester M1 7JB  -  Registered in England No. 08812044",
           size=8)  # fmt: skip
    s.text(60, 110, "7 October 2027")
    _lines(s, 60, 136, ("Ms. Katrin Oberholzer", "Leiterin IT-Einkauf",
                        "Donautal Logistik GmbH", "Hafenstraße 12", "93055 Regensburg",
                        "Germany"), 13)  # fmt: skip
    s.text(60, 230, "Dear Ms. Oberholzer,")
    s.paragraph(60, 254, "Order FR-2210: further to our call, we confirm your order for the "
                "data-warehouse service on the terms enclosed.", chars=88, leading=14)  # fmt: skip
    s.text(60, 310, "Yours sincerely,")
    s.text(60, 350, "Oliver Fennick, Director")
    fields = {
        "provider_legal_name": "Fennick & Roe Data Services Limited",
        "customer_legal_name": "Donautal Logistik GmbH",
    }
    return Order("letterhead_letter_addressee_after_date", s.finish(), fields=fields,
                 country="DE")  # fmt: skip


def letterhead_customer_opens_second_line() -> Order:
    """No letterhead: the title, then a sentence whose second line starts with 'Y GmbH'."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(50, 48, "SERVICE ORDER", font="Helvetica-Bold", size=14)
    _lines(s, 50, 80, (
        'This Order is entered into between Halyard Compute Inc. ("Provider") and',
        'Schwarzwald Präzisionsteile GmbH, of Industriestraße 7, 79108 Freiburg ("Customer"),',
        "and is governed by the Provider's Master Services Terms.",
    ), 13)  # fmt: skip
    s.text(50, 140, "Service: managed GPU cluster, 12 months from 1 January 2028.")
    fields = {
        "provider_legal_name": "Halyard Compute Inc.",
        "customer_legal_name": "Schwarzwald Präzisionsteile GmbH",
    }
    return Order("letterhead_customer_opens_second_line", s.finish(), fields=fields,
                 country="DE")  # fmt: skip


def letterhead_centred_letter_mr_addressee() -> Order:
    """A centred letterhead in Helvetica; 'March 22, 2027', then 'Mr. name / title / X Inc.'."""
    s = Sheet(LETTER, font="Helvetica", size=9.5)
    s.canvas.setFont("Helvetica-Bold", 15)
    s.canvas.drawCentredString(s.width / 2, s.height - 60, "Tidewater Thermal Imaging Corp.")
    s.canvas.setFont("Helvetica", 8)
    address = "800 Harbor Drive, Suite 410  -  Norfolk, VA 23510  -  (757) 555-0188"
    s.canvas.drawCentredString(s.width / 2, s.height - 74, address)
    s.text(72, 118, "March 22, 2027")
    _lines(s, 72, 146, ("Mr. Daniel Okafor", "Director of Operations", "Brightwater Logistics Inc.",
                        "2100 Commerce Parkway", "Richmond, VA 23219"), 12)  # fmt: skip
    s.text(72, 222, "Re: Proposal TTI-5520 - thermal inspection service")
    s.text(72, 244, "Dear Mr. Okafor,")
    s.paragraph(72, 266, "Thank you for meeting with us. As discussed, we propose a twelve-month "
                "inspection service for your four distribution centers.", chars=92)  # fmt: skip
    fields = {
        "provider_legal_name": "Tidewater Thermal Imaging Corp.",
        "customer_legal_name": "Brightwater Logistics Inc.",
    }
    return Order("letterhead_centred_letter_mr_addressee", s.finish(), fields=fields,
                 country="US")  # fmt: skip


def letterhead_one_run_with_spaces() -> Order:
    """Courier: the name and the quote's details are one printed string, spaces between."""
    s = Sheet(A4, font="Courier", size=8.5)
    s.text(40, 40, "HALBERD PUMPS & VALVES LTD            QUOTE CREATED 14-OCT-2027   PAGE 1 OF 1")
    s.text(40, 52, "Brunel Way, Swindon SN2 8BA           QUOTE NO. HPV-Q-88123")
    s.text(40, 84, "QUOTE TO:")
    addressee = ("Mrs. Anwen Llewellyn", "Estates Engineer", "Ceredigion Coastal Fisheries Ltd",
                 "Aberaeron SA46 0BT")  # fmt: skip
    _lines(s, 106, 84, addressee, 11)
    s.text(40, 140, "24 X SUBMERSIBLE PUMP MONITORING, 12 MONTHS FROM 01-NOV-2027")
    fields = {
        "provider_legal_name": "HALBERD PUMPS & VALVES LTD",
        "customer_legal_name": "Ceredigion Coastal Fisheries Ltd",
    }
    return Order("letterhead_one_run_with_spaces", s.finish(), fields=fields, country="GB")


LETTERHEAD_DOCS: tuple[Build, ...] = (
    letterhead_quote_details_on_first_line,
    letterhead_quote_reference_right_aligned,
    letterhead_letter_addressee_after_date,
    letterhead_centred_letter_mr_addressee,
    letterhead_one_run_with_spaces,
    letterhead_customer_opens_second_line,
)


# --- 5. a provider defined by a short name, an amount in words ----------------------------


def _recital(name: str, title: str, text: str, fields: dict[str, object], *,
             font: str, pagesize: tuple[float, float], country: str) -> Order:  # fmt: skip
    s = Sheet(pagesize, font=font, size=10)
    s.text(55, 50, title, font=_BOLD[font], size=13)
    s.paragraph(55, 82, text, chars=92, leading=14)
    return Order(name, s.finish(), fields=fields, country=country)


def short_name_dollars_in_words() -> Order:
    """'X Limited ("Customer") has agreed to purchase from Z Systems, Inc. ("Zed")'."""
    return _recital(
        "short_name_dollars_in_words",
        "ORDER SCHEDULE 3",
        'Kestrel Moor Limited ("Customer") has agreed to purchase from Zephyr Orbital '
        'Systems, Inc. ("Zephyr") the satellite imagery subscription described below for a '
        "total price of Ninety-Six Thousand Seven Hundred and Sixty United States Dollars "
        "(US$96,760.00), payable as set out in this Schedule.",
        {"customer_legal_name": "Kestrel Moor Limited",
         "provider_legal_name": "Zephyr Orbital Systems, Inc."},
        font="Times-Roman", pagesize=A4, country="GB",
    )  # fmt: skip


def short_name_euro_in_words() -> Order:
    """The client first as 'the "Client"', the provider as '("Nordlys")'; euros in words."""
    return _recital(
        "short_name_euro_in_words",
        "Purchase Order Confirmation",
        'Brackenhall Leisure Holdings Limited (the "Client") has agreed to buy from Nordlys '
        'Data Systems, Inc. ("Nordlys") the booking platform licences listed in Annex 1, for '
        "the sum of Forty-Two Thousand Five Hundred Euros (EUR 42,500.00) in the first year.",
        {"customer_legal_name": "Brackenhall Leisure Holdings Limited",
         "provider_legal_name": "Nordlys Data Systems, Inc."},
        font="Helvetica", pagesize=A4, country="IE",
    )  # fmt: skip


def short_name_sterling_before_parties() -> Order:
    """The amount in words comes first; then 'Y Limited ("Customer") ... from Z, Inc. ("Z")'."""
    return _recital(
        "short_name_sterling_before_parties",
        "SUBSCRIPTION ORDER",
        "Fees of Eighteen Thousand Three Hundred Pounds Sterling (GBP 18,300.00) are payable "
        'under this Order, by which Ottery Vale Creameries Limited ("Customer") has agreed '
        'to subscribe to the dairy-yield service of Quarrington Analytic Systems, Inc. '
        '("QAS") for one year.',
        {"customer_legal_name": "Ottery Vale Creameries Limited",
         "provider_legal_name": "Quarrington Analytic Systems, Inc."},
        font="Times-Roman", pagesize=LETTER, country="GB",
    )  # fmt: skip


SHORT_NAME_DOCS: tuple[Build, ...] = (
    short_name_dollars_in_words,
    short_name_euro_in_words,
    short_name_sterling_before_parties,
)


# --- 6. mid-month terms to the day before in a later year ----------------------------------


def _term_sentence(name: str, heading: str, sentence: str, fields: dict[str, object], *,
                   font: str, country: str) -> Order:  # fmt: skip
    s = Sheet(A4, font=font, size=10)
    s.text(55, 50, heading, font=_BOLD[font], size=13)
    top = s.paragraph(55, 82, sentence, chars=88, leading=14)
    s.paragraph(55, top + 10, "Fees are invoiced annually in advance and are payable within "
                "30 days of the invoice date.", chars=88, leading=14)  # fmt: skip
    return Order(name, s.finish(), fields=fields, country=country)


def mid_month_term_ordinal_suffixes() -> Order:
    """'from 15th April 2027 to 14th April 2028': twelve months, no length stated."""
    return _term_sentence(
        "mid_month_term_ordinal_suffixes",
        "Order Form - Term",
        "The Services will be provided from 15th April 2027 to 14th April 2028 (the "
        '"Subscription Period").',
        {"start_date": date(2027, 4, 15), "end_date": date(2028, 4, 14), "term_months": 12},
        font="Helvetica", country="GB",
    )  # fmt: skip


def mid_month_term_day_of_month_words() -> Order:
    """'from the 16th day of April, 2027 to the 15th day of April, 2029': twenty-four months."""
    return _term_sentence(
        "mid_month_term_day_of_month_words",
        "SCHEDULE A - SUBSCRIPTION",
        "The licence granted under this Schedule runs from the 16th day of April, 2027 to the "
        "15th day of April, 2029, both dates inclusive.",
        {"start_date": date(2027, 4, 16), "end_date": date(2029, 4, 15), "term_months": 24},
        font="Times-Roman", country="US",
    )  # fmt: skip


def mid_month_term_three_years_numeric() -> Order:
    """'Service period: 19.09.2027 - 18.09.2030': thirty-six months."""
    s = Sheet(A4, font="Courier", size=9)
    s.text(50, 50, "AUFTRAG / ORDER  LV-33812", font="Courier-Bold", size=12)
    _lines(s, 50, 80, ("Customer:        Lindenau Verpackung GmbH",
                       "Service period:  19.09.2027 - 18.09.2030",
                       "Invoicing:       annually in advance"), 13)  # fmt: skip
    fields = {"start_date": date(2027, 9, 19), "end_date": date(2030, 9, 18), "term_months": 36}
    return Order("mid_month_term_three_years_numeric", s.finish(), fields=fields, country="DE")


MID_MONTH_TERM_DOCS: tuple[Build, ...] = (
    mid_month_term_ordinal_suffixes,
    mid_month_term_day_of_month_words,
    mid_month_term_three_years_numeric,
)


# --- 7. a customer signature block whose heading wraps -------------------------------------


def _signed_blocks(
    name: str,
    *,
    pagesize: tuple[float, float],
    font: str,
    provider: str,
    customer: str,
    provider_block: tuple[str, str, str, str],
    heading: tuple[str, str],
    customer_block: tuple[str, str, str, str],
    signature_font: str | None,
    fields: dict[str, object],
    country: str,
) -> Order:
    s = Sheet(pagesize, font=font, size=9.5)
    s.text(50, 46, provider, font=_BOLD[font], size=13)
    s.text(50, 66, f"Customer: {customer}")
    s.text(50, 80, "This Order Form is signed by both parties on the dates below.")
    s.text(50, 104, f"AGREED AND ACCEPTED for and on behalf of {provider}:", font=_BOLD[font])
    s.text(50, 200, heading[0], font=_BOLD[font])  # the customer's heading, over two lines
    s.text(50, 213, heading[1], font=_BOLD[font])
    for block_top, (signed, printed, title, when), face in (
        (122.0, provider_block, None),
        (232.0, customer_block, signature_font),
    ):
        rows = (("Signature:", signed), ("Name:", printed), ("Title:", title), ("Date:", when))
        for row, (label, value) in enumerate(rows):
            at = block_top + row * 16
            s.text(50, at, label)
            if row == 0 and face:
                s.text(120, at - 2, value, font=face, size=12)
            else:
                s.text(120, at, value)
    return Order(name, s.finish(), fields=fields, country=country)


def wrapped_party_heading_typed_signature() -> Order:
    """'... for and on behalf of Harrowgate' / 'Analytics Limited:' then 'Signature: <name>'."""
    return _signed_blocks(
        "wrapped_party_heading_typed_signature",
        pagesize=A4,
        font="Helvetica",
        provider="Corvid Security Systems Ltd",
        customer="Harrowgate Analytics Limited",
        provider_block=("Imogen Stark", "Imogen Stark", "Commercial Director", "02 Sep 2027"),
        heading=("AGREED AND ACCEPTED for and on behalf of Harrowgate", "Analytics Limited:"),
        customer_block=("Rupert Ashdown", "Rupert Ashdown", "Chief Executive", "06 Sep 2027"),
        signature_font=None,
        fields={"customer_signatory": "Rupert Ashdown",
                "customer_signed_date": date(2027, 9, 6)},
        country="GB",
    )  # fmt: skip


def wrapped_party_heading_conformed_signature() -> Order:
    """Times, '/s/' signatures; 'SIGNED for and on behalf of Pemberton Lusk Marine' wraps."""
    return _signed_blocks(
        "wrapped_party_heading_conformed_signature",
        pagesize=LETTER,
        font="Times-Roman",
        provider="Gannet Point Navigation Inc.",
        customer="Pemberton Lusk Marine Engineering Limited",
        provider_block=("/s/ Colette Marchand", "Colette Marchand", "President",
                        "January 11, 2028"),
        heading=("SIGNED for and on behalf of Pemberton Lusk Marine",
                 "Engineering Limited by its authorised signatory:"),
        customer_block=("/s/ Hamish Galbraith", "Hamish Galbraith", "Fleet Director",
                        "January 14, 2028"),
        signature_font=None,
        fields={"customer_signatory": "Hamish Galbraith",
                "customer_signed_date": date(2028, 1, 14)},
        country="GB",
    )  # fmt: skip


def wrapped_party_heading_italic_signature() -> Order:
    """The customer signs in an italic face; its heading wraps after 'Kilbride Water'."""
    return _signed_blocks(
        "wrapped_party_heading_italic_signature",
        pagesize=A4,
        font="Helvetica",
        provider="Strathmore Flow Controls Ltd",
        customer="Kilbride Water Treatment Services Limited",
        provider_block=("Aileen Drummond", "Aileen Drummond", "Finance Director",
                        "19/03/2027"),
        heading=("ACCEPTED AND AGREED for and on behalf of Kilbride Water",
                 "Treatment Services Limited:"),
        customer_block=("Niamh Docherty", "Niamh Docherty", "Head of Operations",
                        "23/03/2027"),
        signature_font="Times-Italic",
        fields={"customer_signatory": "Niamh Docherty",
                "customer_signed_date": date(2027, 3, 23)},
        country="GB",
    )  # fmt: skip


WRAPPED_HEADING_DOCS: tuple[Build, ...] = (
    wrapped_party_heading_typed_signature,
    wrapped_party_heading_conformed_signature,
    wrapped_party_heading_italic_signature,
)
