"""Documents that once broke the extractor, kept so they never break it again."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from tests.triage.extraction.abilities.sheet import A4, Sheet
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor
from triage.samples.writer import write_case


def test_a_date_under_the_discount_column_after_the_totals_is_not_a_line_item(
    extractor: OrderExtractor, tmp_path: Path
) -> None:
    # Generated case 229 of seed 4242: a ramp table whose signature block below the totals
    # lines up with the discount column, so a signing date sat in the "discount" cell.
    case = write_case(tmp_path, 4242, 228)
    document = parse_pdf((case / "order.pdf").read_bytes(), "order.pdf", max_pages=50)
    extraction = extractor.extract(document, country="US")
    labels = json.loads((case / "labels.json").read_text())
    read = [
        (i.sku, i.quantity, i.start_date and i.start_date.isoformat())
        for i in extraction.line_items
    ]
    expected = [(i["sku"], i["quantity"], i["start_date"]) for i in labels["line_items"]]
    assert read == expected
    assert all(0 <= (i.discount_pct or 0) <= 100 for i in extraction.line_items)


def _letter_sheet(opening: str) -> Sheet:
    """A provider's letter: letterhead, date and ``opening``; the rest is the caller's."""
    sheet = Sheet(A4, font="Times-Roman", size=10)
    sheet.text(60, 50, "Larchmont Survey Systems Ltd", font="Times-Bold", size=13)
    sheet.text(60, 90, "3 March 2027")
    sheet.paragraph(60, 120, opening, chars=90, leading=13)
    return sheet


def _letter(opening: str) -> bytes:
    return _letter_sheet(opening).finish()


def test_an_and_between_capitalised_words_is_inside_the_customers_name(
    extractor: OrderExtractor,
) -> None:
    # A foreign letter's "placed by Lumen and Vale Architects LLP (the "Customer")" was read
    # as "Vale Architects LLP": the "and" was taken for the one between two parties.
    pdf = _letter(
        "We write to confirm the order placed by Lumen and Vale Architects LLP (the "
        "\u201cCustomer\u201d) with Larchmont Survey Systems Ltd (the \u201cProvider\u201d)."
    )
    fields = extractor.extract(parse_pdf(pdf, "order.pdf", max_pages=5), country="GB").fields
    assert fields.get("customer_legal_name").value == "Lumen and Vale Architects LLP"
    assert fields.get("provider_legal_name").value == "Larchmont Survey Systems Ltd"


def test_an_and_after_a_legal_form_starts_the_second_party(extractor: OrderExtractor) -> None:
    pdf = _letter(
        "This order is made between Larchmont Survey Systems Ltd and Harrow Field Works "
        "Limited (the \u201cCustomer\u201d) for the survey service below."
    )
    fields = extractor.extract(parse_pdf(pdf, "order.pdf", max_pages=5), country="GB").fields
    assert fields.get("customer_legal_name").value == "Harrow Field Works Limited"


def test_a_renewal_term_ticked_as_same_as_the_initial_term_is_the_initial_term(
    extractor: OrderExtractor,
) -> None:
    # Foreign tick-box forms offer "Renewal term: [ ] 12 months [X] Same as initial term";
    # the ticked option states the renewal term in words, against its label.
    sheet = Sheet(A4, font="Helvetica", size=9)
    sheet.text(40, 50, "ORDER FORM", font="Helvetica-Bold", size=13)
    sheet.text(40, 80, "Subscription start date", size=7)
    sheet.text(40, 92, "01/02/2028")
    sheet.text(200, 80, "Contract term", size=7)
    for x, option, on in ((200, "12 months", False), (270, "24 months", True)):
        sheet.rect(x, 93, 7, 7)
        if on:
            sheet.cross(x, 93, 7)
        sheet.text(x + 11, 92, option)
    sheet.text(40, 116, "Automatic renewal", size=7)
    sheet.text(200, 116, "Renewal term", size=7)
    for x, option, on in ((40, "Yes", True), (90, "No", False), (200, "12 months", False),
                          (270, "Same as initial term", True)):  # fmt: skip
        sheet.rect(x, 129, 7, 7)
        if on:
            sheet.cross(x, 129, 7)
        sheet.text(x + 11, 128, option)
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("term_months").value == 24
    assert fields.get("auto_renewal").value is True
    assert fields.get("renewal_term_months").value == 24


def test_a_bare_date_in_the_first_pages_header_is_the_orders_date_not_the_signing_date(
    extractor: OrderExtractor,
) -> None:
    # CPQ quotes print "Quote # / Date / Valid Until" beside the letterhead; the signature
    # block's own "Date" further down is when the customer signed.
    sheet = Sheet(A4, font="Helvetica", size=9)
    sheet.text(40, 40, "Quillon Metrics, Inc.", font="Helvetica-Bold", size=13)
    for row, (label, value) in enumerate(
        (("Quote #", "Q-2028-771"), ("Date", "14 May 2028"), ("Valid Until", "13 June 2028"))
    ):
        sheet.text(350, 44 + 13 * row, label, font="Helvetica-Bold")
        sheet.text(440, 44 + 13 * row, value)
    sheet.text(40, 140, "Subscription Start Date: 01 July 2028")
    sheet.text(40, 154, "Initial Term: 12 months")
    sheet.text(40, 640, "Customer signature", font="Helvetica-Bold")
    sheet.text(40, 660, "Name")
    sheet.text(120, 660, "Ines Varga")
    sheet.text(40, 674, "Date")
    sheet.text(120, 674, "20 May 2028")
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("order_date").value == date(2028, 5, 14)
    assert fields.get("start_date").value == date(2028, 7, 1)


def test_a_value_cell_after_the_last_unticked_option_of_a_row_is_kept(
    extractor: OrderExtractor,
) -> None:
    # "☐ 30 days ☒ 60 days ☐ 90 days   7%": the "7%" stands under the next column's label;
    # it is no part of the unticked "90 days" and must survive that option's removal.
    sheet = Sheet(A4, font="Helvetica", size=8.5)
    sheet.text(40, 50, "ORDER FORM", font="Helvetica-Bold", size=13)
    sheet.text(40, 90, "Automatic renewal", size=7)
    sheet.text(150, 90, "Non-renewal notice", size=7)
    sheet.text(300, 90, "Renewal uplift cap (%)", size=7)
    options = ((40, "Yes", True), (80, "No", False), (150, "30 days", False),
               (200, "60 days", True), (250, "90 days", False))  # fmt: skip
    for x, option, on in options:
        sheet.rect(x, 103, 7, 7)
        if on:
            sheet.cross(x, 103, 7)
        sheet.text(x + 10, 102, option)
    sheet.text(300, 102, "7%")
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("renewal_notice_days").value == 60
    assert fields.get("renewal_uplift_cap_pct").value == 7


def test_a_label_with_a_long_bracketed_qualifier_still_names_its_value(
    extractor: OrderExtractor,
) -> None:
    # "Total contract value (excluding VAT / sales tax)  531.288,00": eight words, but the
    # label is the three before the bracket.
    sheet = Sheet(A4, font="Helvetica", size=9)
    sheet.text(40, 50, "ORDER FORM", font="Helvetica-Bold", size=13)
    sheet.text(40, 80, "All amounts are stated in EUR.")
    sheet.text(300, 120, "Total contract value (excluding VAT / sales tax)")
    sheet.right(560, 120, "531.288,00")
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("total_contract_value").value == Decimal("531288.00")


def test_invoicing_that_commences_on_a_date_in_prose_states_the_billing_start(
    extractor: OrderExtractor,
) -> None:
    # Foreign letters: "We will invoice the subscription fees in advance for each calendar
    # quarter, commencing on December 1, 2027." A usage line's invoicing starts nothing.
    pdf = _letter(
        "The Initial Term shall commence on November 1, 2027 and continue for twelve (12) "
        "months. We will invoice the subscription fees in advance for each calendar quarter, "
        "commencing on December 1, 2027. Overage is invoiced monthly in arrears, starting "
        "on January 31, 2028."
    )
    fields = extractor.extract(parse_pdf(pdf, "order.pdf", max_pages=5), country="US").fields
    assert fields.get("start_date").value == date(2027, 11, 1)
    assert fields.get("billing_start_date").value == date(2027, 12, 1)


def test_a_letters_date_set_apart_at_the_right_of_its_reference_line_is_the_orders_date(
    extractor: OrderExtractor,
) -> None:
    sheet = Sheet(A4, font="Times-Roman", size=10)
    sheet.text(230, 48, "TESSERA DATA", font="Times-Bold", size=16)
    sheet.text(70, 130, "Our ref: TSR-2027-0289")
    sheet.right(540, 130, "27th September 2027")
    sheet.text(70, 160, "Ms Priya Raman")
    sheet.text(70, 172, "Prairie Grain Co-operative Ltd.")
    sheet.paragraph(70, 210, "The Initial Term shall commence on the 1st day of November, "
                    "2027 and shall continue for twelve (12) months.", chars=90)  # fmt: skip
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("order_date").value == date(2027, 9, 27)


def test_a_row_of_term_dates_under_their_labels_gives_no_order_date(
    extractor: OrderExtractor,
) -> None:
    sheet = Sheet(A4, font="Helvetica", size=9)
    sheet.text(40, 50, "ORDER FORM", font="Helvetica-Bold", size=13)
    sheet.text(40, 80, "Term start (DD/MM/YYYY)", size=7)
    sheet.text(300, 80, "Term end date (DD/MM/YYYY)", size=7)
    sheet.text(40, 92, "01/08/2027")
    sheet.text(300, 92, "31/07/2029")
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("start_date").value == date(2027, 8, 1)
    assert fields.get("order_date").value is None


def test_a_name_joined_by_and_after_a_lower_case_word_and_its_signature_heading(
    extractor: OrderExtractor,
) -> None:
    # "... the services that Lumen and Vale Architects LLP ("Customer") has agreed to
    # purchase", signed under "AGREED AND ACCEPTED for and on behalf of Lumen and Vale
    # Architects LLP:": both name the whole firm.
    sheet = _letter_sheet(
        "This letter confirms the subscription and services that Lumen and Vale Architects "
        "LLP (\u201cCustomer\u201d) has agreed to purchase from Larchmont Survey Systems Ltd "
        "(\u201cLarchmont\u201d)."
    )
    sheet.text(60, 400, "AGREED AND ACCEPTED for and on behalf of Lumen and Vale Architects LLP:")
    sheet.text(60, 440, "Name: Roisin Gallagher")
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    assert fields.get("customer_legal_name").value == "Lumen and Vale Architects LLP"
    assert fields.get("customer_legal_name").confidence >= 0.8


def test_a_signing_partys_name_that_wraps_onto_a_line_ending_in_a_colon_is_whole(
    extractor: OrderExtractor,
) -> None:
    # A letter's "AGREED AND ACCEPTED for and on behalf of Brackenridge" over "Survey
    # Cooperative:" was read as "Brackenridge", a rival to the name the opening gives.
    sheet = _letter_sheet(
        "This letter confirms the subscription that Brackenridge Survey Cooperative "
        "(\u201cCustomer\u201d) has agreed to purchase from Larchmont Survey Systems Ltd."
    )
    sheet.text(60, 300, "Yours faithfully,")
    sheet.text(60, 330, "Tomasz Quill")
    sheet.text(60, 342, "for and on behalf of Larchmont Survey Systems Ltd")
    sheet.text(60, 400, "AGREED AND ACCEPTED for and on behalf of Brackenridge")
    sheet.text(60, 412, "Survey Cooperative:")
    sheet.text(60, 436, "Name:")
    sheet.text(60, 448, "Aoife Marren")
    sheet.text(60, 470, "Title: Finance Director")
    fields = extractor.extract(parse_pdf(sheet.finish(), "order.pdf", max_pages=5)).fields
    customer = fields.get("customer_legal_name")
    assert customer.value == "Brackenridge Survey Cooperative"
    assert customer.confidence >= 0.8
