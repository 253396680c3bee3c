"""Order forms from providers not modelled elsewhere, each for one general reading ability.

- dates written with ordinals or words in the order, start, end and signing dates
  ("1st of June 2027", "March 1st, 2027", "the 1st day of May, 2027", "1er mars 2027",
  "1. März 2028") (``worded_dates_*``);
- amounts grouped by narrow no-break spaces, thin spaces, no-break spaces or apostrophes,
  with the currency code after the number ("14 814,00 EUR") (``grouped_amounts_*``);
- payment terms that are not a plain count of days from the invoice ("Net 30 EOM",
  "30 days end of month") or none at all ("due on receipt") (``payment_terms_*``);
- stacked cards, each field a small box with its label over its value, two or three to a
  row (``field_cards_*``);
- a signature table of two party columns, "Customer | Provider", with Signature / Name /
  Title / Date rows (``party_columns_*``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Build, Order, Sheet, glyph_font

__all__ = [
    "CARD_DOCS",
    "GROUPED_AMOUNT_DOCS",
    "GROUPED_GLYPH_DOCS",
    "PARTY_COLUMN_DOCS",
    "PAYMENT_TERM_DOCS",
    "WORDED_DATE_DOCS",
]

_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}
_NNBSP, _THIN, _NBSP = "\u202f", "\u2009", "\u00a0"


def _heading(s: Sheet, x: float, provider: str, title: str) -> None:
    """The provider's name as letterhead and the form's title under it."""
    s.text(x, 44, provider, font=_BOLD.get(s.font, s.font), size=13)
    s.text(x, 64, title, size=s.size + 1)


def _rows(s: Sheet, x: float, top: float, rows: Sequence[tuple[str, str]], tab: float) -> float:
    """Draw ``label value`` rows, the values aligned at ``x + tab``; return the top below."""
    for label, value in rows:
        s.text(x, top, label)
        s.text(x + tab, top, value)
        top += s.size + 5
    return top


# --- 1. dates with ordinals and in words ----------------------------------------------------


def _dated_form(
    name: str,
    *,
    sheet: Sheet,
    heading: tuple[str, str],
    terms: Sequence[tuple[str, str]],
    signed_by: str,
    signature: Sequence[tuple[str, str]],
    fields: dict[str, object],
    country: str,
) -> Order:
    """A cover of labelled terms, then the customer's signature block under ``signed_by``."""
    _heading(sheet, 50, *heading)
    top = _rows(sheet, 50, 96, terms, 150)
    sheet.text(50, top + 24, signed_by, font=_BOLD.get(sheet.font, sheet.font))
    _rows(sheet, 50, top + 42, signature, 150)
    return Order(name, sheet.finish(), fields=fields, country=country)


def worded_dates_ordinal_of_month() -> Order:
    """British ordinals with 'of': '21st of May 2027', a term ending '31st of May 2028'."""
    return _dated_form(
        "worded_dates_ordinal_of_month",
        sheet=Sheet(A4, font="Helvetica", size=9.5),
        heading=("Bramblecote Hosting Ltd", "Order Form BH-20418"),
        terms=(("Customer:", "Ashcombe Veterinary Group Limited"),
               ("Order date:", "21st of May 2027"),
               ("Service start:", "1st of June 2027"),
               ("Service end:", "31st of May 2028")),
        signed_by="For and on behalf of the Customer:",
        signature=(("Signature:", "/s/ Harriet Pengelly"), ("Name:", "Harriet Pengelly"),
                   ("Date:", "22nd of May 2027")),
        fields={"order_date": date(2027, 5, 21), "start_date": date(2027, 6, 1),
                "end_date": date(2028, 5, 31),
                "customer_signed_date": date(2027, 5, 22)},
        country="GB",
    )  # fmt: skip


def worded_dates_month_ordinal_comma() -> Order:
    """American ordinals: 'March 1st, 2027', 'April 1st, 2027', 'March 31st, 2028'."""
    return _dated_form(
        "worded_dates_month_ordinal_comma",
        sheet=Sheet(LETTER, font="Times-Roman", size=10.5),
        heading=("Quillback Payments, Inc.", "Sales Order QP-7731"),
        terms=(("Customer", "Redfern County Credit Union"),
               ("Order Date", "March 1st, 2027"),
               ("Subscription Start Date", "April 1st, 2027"),
               ("Subscription End Date", "March 31st, 2028")),
        signed_by="ACCEPTED BY CUSTOMER",
        signature=(("Signature", "/s/ Dolores Whitcomb"), ("Printed Name", "Dolores Whitcomb"),
                   ("Title", "Chief Financial Officer"), ("Date Signed", "March 3rd, 2027")),
        fields={"order_date": date(2027, 3, 1), "start_date": date(2027, 4, 1),
                "end_date": date(2028, 3, 31),
                "customer_signed_date": date(2027, 3, 3)},
        country="US",
    )  # fmt: skip


def worded_dates_day_of_month_in_prose() -> Order:
    """Dates in sentences: 'made the 11th day of February, 2027', 'commences on the 1st day
    of May, 2027 and ends on the 30th day of April, 2029', signed 'this 13th day of ...'."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    _heading(s, 60, "Larkspur Geodata LLC", "ORDER AGREEMENT LG-0562")
    top = 100.0
    for sentence in (
        "This Order Agreement is made the 11th day of February, 2027 between Larkspur Geodata "
        'LLC and Tamarack Valley Water District (the "Customer").',
        "The subscription term commences on the 1st day of May, 2027 and ends on the 30th day "
        "of April, 2029.",
        "IN WITNESS WHEREOF, the Customer has executed this Order Agreement this 13th day of "
        "February, 2027.",
    ):
        top = s.paragraph(60, top, sentence, chars=88, leading=14) + 8
    _rows(s, 60, top + 12, (("By:", "/s/ Everett Hollis"), ("Name:", "Everett Hollis"),
                            ("Title:", "General Manager")), 60)  # fmt: skip
    fields = {"order_date": date(2027, 2, 11), "start_date": date(2027, 5, 1),
              "end_date": date(2029, 4, 30), "customer_signed_date": date(2027, 2, 13)}  # fmt: skip
    return Order("worded_dates_day_of_month_in_prose", s.finish(), fields=fields, country="US")


def worded_dates_french_premier() -> Order:
    """French dates under French / English labels: '1er mars 2027', '29 février 2028'."""
    return _dated_form(
        "worded_dates_french_premier",
        sheet=Sheet(A4, font="Helvetica", size=9),
        heading=("Ondine Logiciels SAS", "Bon de commande / Order Form OL-3390"),
        terms=(("Client / Customer :", "Coop\u00e9rative Laiti\u00e8re du Vercors"),
               ("Date de commande / Order date :", "15 f\u00e9vrier 2027"),
               ("Date de d\u00e9but / Start date :", "1er mars 2027"),
               ("Date de fin / End date :", "29 f\u00e9vrier 2028")),
        signed_by="Pour le Client / For the Customer",
        signature=(("Signature :", "/s/ Am\u00e9lie Rostand"),
                   ("Nom / Name :", "Am\u00e9lie Rostand"), ("Date :", "17 f\u00e9vrier 2027")),
        fields={"order_date": date(2027, 2, 15), "start_date": date(2027, 3, 1),
                "end_date": date(2028, 2, 29),
                "customer_signed_date": date(2027, 2, 17)},
        country="FR",
    )  # fmt: skip


def worded_dates_german_dotted_day() -> Order:
    """German day-dot dates (Courier): '14. Februar 2028', '1. März 2028', '28. Februar 2031'."""
    return _dated_form(
        "worded_dates_german_dotted_day",
        sheet=Sheet(A4, font="Courier", size=9),
        heading=("WESERTAL RECHENZENTRUM GMBH", "Auftrag / Order WR-88120"),
        terms=(("Kunde / Customer:", "Emsland Kartoffelhandel GmbH"),
               ("Bestelldatum / Order date:", "14. Februar 2028"),
               ("Beginn / Start date:", "1. M\u00e4rz 2028"),
               ("Ende / End date:", "28. Februar 2031")),
        signed_by="F\u00fcr den Kunden / For the Customer",
        signature=(("Signature:", "/s/ Jens Brakemeier"), ("Name:", "Jens Brakemeier"),
                   ("Date:", "16. Februar 2028")),
        fields={"order_date": date(2028, 2, 14), "start_date": date(2028, 3, 1),
                "end_date": date(2031, 2, 28),
                "customer_signed_date": date(2028, 2, 16)},
        country="DE",
    )  # fmt: skip


WORDED_DATE_DOCS: tuple[Build, ...] = (
    worded_dates_ordinal_of_month,
    worded_dates_month_ordinal_comma,
    worded_dates_day_of_month_in_prose,
    worded_dates_french_premier,
    worded_dates_german_dotted_day,
)


# --- 2. amounts grouped by spaces or apostrophes, currency after the number -----------------

Money = Callable[[D], str]


def _grouped(amount: D, thousands: str, decimal: str) -> str:
    """``amount`` with two decimals, its thousands joined by ``thousands``: '1 234,50'."""
    whole, cents = f"{amount:,.2f}".split(".")
    return whole.replace(",", thousands) + decimal + cents


def _printer(thousands: str, decimal: str, *, before: str = "", after: str = "") -> Money:
    """Print amounts as ``before`` + '1 234,50' (grouped as given) + ``after``."""
    return lambda amount: before + _grouped(amount, thousands, decimal) + after


def _priced_form(
    name: str,
    *,
    sheet: Sheet,
    heading: tuple[str, str],
    header: Sequence[str],
    items: Sequence[tuple[str, int, str]],
    money: Money,
    total: tuple[str, Money],
    currency: str,
    country: str,
) -> Order:
    """A ruled table of items (description, quantity, unit price, amount) and a total row
    under it, every amount printed by ``money`` (the total by its own printer); the
    expected lines and total follow from ``items`` (description, quantity, unit price)."""
    _heading(sheet, 50, *heading)
    priced = [(desc, qty, D(unit), qty * D(unit)) for desc, qty, unit in items]
    lines = [
        {"description": desc, "quantity": qty, "unit_price": unit, "net_amount": net}
        for desc, qty, unit, net in priced
    ]
    rows = [list(header)]
    rows += [[desc, str(qty), money(unit), money(net)] for desc, qty, unit, net in priced]
    value = sum((net for *_, net in priced), D(0))
    bottom = sheet.grid(50, 100, [210, 50, 110, 120], rows, numeric=frozenset({1, 2, 3}))
    bold = _BOLD.get(sheet.font, sheet.font)
    sheet.text(280, bottom + 10, total[0], font=bold)
    sheet.right(536, bottom + 10, total[1](value), font=bold)
    fields = {"total_contract_value": value, "currency": currency}
    return Order(name, sheet.finish(), fields=fields, lines=lines, country=country)


def grouped_amounts_narrow_nbsp_euro_after() -> Order:
    """French typography: U+202F groups the thousands, 'EUR' follows: '1 234,50 EUR'."""
    euro = _printer(_NNBSP, ",", after=" EUR")
    return _priced_form(
        "grouped_amounts_narrow_nbsp_euro_after",
        sheet=Sheet(A4, font=glyph_font() or "Helvetica", size=9),
        heading=("Brise Marine Informatique SARL", "Bon de commande BMI-2207 - Client : "
                 "Conserverie de Douarnenez SAS"),
        header=("D\u00e9signation", "Qt\u00e9", "Prix unitaire", "Montant"),
        items=(("Licence plateforme Atelier", 12, "1234.50"), ("Mise en service", 1, "2400")),
        money=euro, total=("Total HT", euro), currency="EUR", country="FR",
    )  # fmt: skip


def grouped_amounts_thin_space_code_first() -> Order:
    """U+2009 thin spaces group the digits, the ISO code before the number: 'EUR 43 250,00'."""
    euro = _printer(_THIN, ",", before="EUR ")
    return _priced_form(
        "grouped_amounts_thin_space_code_first",
        sheet=Sheet(LETTER, font=glyph_font() or "Helvetica", size=8.5),
        heading=("Saalach Flottensoftware GmbH", "Auftrag SF-5150 - Kunde: Pinzgauer "
                 "Busreisen GmbH"),
        header=("Position", "Menge", "Einzelpreis", "Gesamt"),
        items=(("Flottenplanung Cloud", 25, "1730"), ("Schnittstelle SAP", 2, "2500")),
        money=euro, total=("Gesamtsumme", euro), currency="EUR", country="AT",
    )  # fmt: skip


def grouped_amounts_swiss_apostrophes() -> Order:
    """Swiss francs grouped by apostrophes, 'CHF 1'234.50'; the total with a typographic
    apostrophe (U+2019), as Swiss typesetting prints it."""
    return _priced_form(
        "grouped_amounts_swiss_apostrophes",
        sheet=Sheet(A4, font="Times-Roman", size=9.5),
        heading=("Brienzer Logistiksysteme AG", "Bestellung BL-40077 - Kunde: Emmentaler "
                 "Holzbau AG"),
        header=("Artikel", "Menge", "Preis", "Betrag"),
        items=(("Lagerverwaltung Modul", 14, "1234.50"), ("Anbindung Handscanner", 3, "1400")),
        money=_printer("'", ".", before="CHF "),
        total=("Total", _printer("\u2019", ".", before="CHF ")),
        currency="CHF", country="CH",
    )  # fmt: skip


def grouped_amounts_nbsp_code_after() -> Order:
    """Belgian form: U+00A0 no-break spaces group the digits, 'EUR' after: '12 400,00 EUR'."""
    euro = _printer(_NBSP, ",", after=" EUR")
    return _priced_form(
        "grouped_amounts_nbsp_code_after",
        sheet=Sheet(A4, font="Helvetica", size=9),
        heading=("Meuse Digital SRL", "Commande MD-1184 - Client : Brasserie des Fagnes SA"),
        header=("Description", "Quantit\u00e9", "Prix unitaire", "Total"),
        items=(("Gestion des stocks", 8, "1550"), ("Formation sur site", 3, "950")),
        money=euro, total=("Total hors TVA", euro), currency="EUR", country="BE",
    )  # fmt: skip


GROUPED_GLYPH_DOCS: tuple[Build, ...] = (
    grouped_amounts_narrow_nbsp_euro_after,
    grouped_amounts_thin_space_code_first,
)
GROUPED_AMOUNT_DOCS: tuple[Build, ...] = (
    grouped_amounts_swiss_apostrophes,
    grouped_amounts_nbsp_code_after,
)


# --- 3. payment terms that are not a plain count of days ------------------------------------
# The contract's payment_terms_days is a fixed number of days from the invoice date (0 for
# due at once). "Net 30 EOM" and "30 days end of month" run from the end of the month, so
# they are 30 to 61 days depending on the invoice date: no one number states them, and an
# analyst would not record them as Net 30 (the check would then pass a Net 30 customer
# silently). Their truth is null; "due on receipt" is 0 days.


def _terms_form(
    name: str,
    *,
    sheet: Sheet,
    heading: tuple[str, str],
    rows: Sequence[tuple[str, str]],
    days: int | None,
    country: str,
) -> Order:
    """Labelled terms under a letterhead; the payment term is the one the test looks at."""
    _heading(sheet, 54, *heading)
    _rows(sheet, 54, 100, rows, 140)
    return Order(name, sheet.finish(), fields={"payment_terms_days": days}, country=country)


def payment_terms_net_eom() -> Order:
    """'Payment Terms: Net 30 EOM' beside the billing terms of a US quote."""
    return _terms_form(
        "payment_terms_net_eom",
        sheet=Sheet(LETTER, font="Helvetica", size=9.5),
        heading=("Cottonwood Fleet Telematics Inc.", "Quote CFT-22019 (signed as order)"),
        rows=(("Customer:", "Big Sky Aggregates LLC"), ("Billing Frequency:", "Annual"),
              ("Payment Terms:", "Net 30 EOM"), ("Currency:", "USD")),
        days=None,
        country="US",
    )  # fmt: skip


def payment_terms_days_end_of_month() -> Order:
    """'Payment: 30 days end of month' on a British order (Times)."""
    return _terms_form(
        "payment_terms_days_end_of_month",
        sheet=Sheet(A4, font="Times-Roman", size=10),
        heading=("Hartsop Engineering Software Ltd", "Order Confirmation HES-6612"),
        rows=(("Customer", "Kentmere Aggregates Limited"), ("Invoicing", "quarterly in advance"),
              ("Payment", "30 days end of month"), ("Currency", "GBP")),
        days=None,
        country="GB",
    )  # fmt: skip


def payment_terms_due_on_receipt() -> Order:
    """'Terms: Due on receipt' (Courier printout): payable at once, 0 days."""
    return _terms_form(
        "payment_terms_due_on_receipt",
        sheet=Sheet(LETTER, font="Courier", size=9),
        heading=("PINEGROVE SIGNAGE SYSTEMS CORP", "SALES ORDER 0045521"),
        rows=(("SOLD TO:", "MESA VERDE CINEMAS INC"), ("BILLING:", "ANNUAL IN ADVANCE"),
              ("TERMS:", "DUE ON RECEIPT"), ("CURRENCY:", "USD")),
        days=0,
        country="US",
    )  # fmt: skip


def payment_terms_upon_receipt_in_prose() -> Order:
    """A letter order's sentence: 'Invoices are payable upon receipt' (A4, Helvetica): 0 days."""
    s = Sheet(A4, font="Helvetica", size=10)
    _heading(s, 56, "Oakenshaw Translation Services Ltd", "Letter of Order OTS-4471")
    top = 100.0
    for sentence in (
        "Oakenshaw Translation Services Ltd will translate the product manuals of Calder "
        "Valley Pumps Limited into six languages.",
        "The fee of GBP 18,600.00 is invoiced on delivery of the translations. Invoices are "
        "payable upon receipt.",
    ):
        top = s.paragraph(56, top, sentence, chars=86) + 8
    fields = {"payment_terms_days": 0}
    return Order("payment_terms_upon_receipt_in_prose", s.finish(), fields=fields, country="GB")


PAYMENT_TERM_DOCS: tuple[Build, ...] = (
    payment_terms_net_eom,
    payment_terms_days_end_of_month,
    payment_terms_due_on_receipt,
    payment_terms_upon_receipt_in_prose,
)


# --- 4. stacked field cards -----------------------------------------------------------------


def _cards(
    s: Sheet,
    x: float,
    top: float,
    cards: Sequence[tuple[str, str]],
    *,
    per_row: int,
    width: float,
    label_size: float,
) -> float:
    """Draw each (label, value) as a ruled card, label over value, ``per_row`` to a row."""
    height, gap = 34.0, 10.0
    for index, (label, value) in enumerate(cards):
        left = x + (index % per_row) * (width + gap)
        card_top = top + (index // per_row) * (height + gap)
        s.rect(left, card_top, width, height)
        s.text(left + 6, card_top + 5, label, size=label_size)
        s.text(left + 6, card_top + 17, value, size=s.size + 1)
    rows = -(-len(cards) // per_row)
    return top + rows * (height + gap)


_CARD_FIELDS = ("order_number", "customer_legal_name", "order_date", "start_date",
                "end_date", "term_months", "billing_frequency", "payment_terms_days",
                "currency", "po_number")  # fmt: skip


def _card_form(name: str, *, sheet: Sheet, provider: str, cards: Sequence[tuple[str, str]],
               per_row: int, width: float, label_size: float, values: Sequence[object],
               country: str) -> Order:  # fmt: skip
    _heading(sheet, 44, provider, "Order Summary")
    _cards(sheet, 44, 96, cards, per_row=per_row, width=width, label_size=label_size)
    fields = dict(zip(_CARD_FIELDS, values, strict=True))
    return Order(name, sheet.finish(), fields=fields, country=country)


def field_cards_three_to_a_row() -> Order:
    """Cards three to a row (Letter), capitals labels ending in a colon ('ORDER NUMBER:')."""
    return _card_form(
        "field_cards_three_to_a_row",
        sheet=Sheet(LETTER, font="Helvetica", size=9),
        provider="Spindrift Learning Systems, Inc.",
        cards=(("ORDER NUMBER:", "SLS-40981"), ("CUSTOMER:", "Hollowbrook School District"),
               ("ORDER DATE:", "2027-07-14"), ("START DATE:", "2027-08-01"),
               ("END DATE:", "2028-07-31"), ("TERM:", "12 months"),
               ("BILLING FREQUENCY:", "Annual"), ("PAYMENT TERMS:", "Net 45"),
               ("CURRENCY:", "USD"), ("PO NUMBER:", "HSD-PO-7120")),
        per_row=3, width=170, label_size=6.5,
        values=("SLS-40981", "Hollowbrook School District", date(2027, 7, 14),
                date(2027, 8, 1), date(2028, 7, 31), 12, "annual", 45, "USD", "HSD-PO-7120"),
        country="US",
    )  # fmt: skip


def field_cards_two_to_a_row() -> Order:
    """Wider cards two to a row (Times, A4), labels in mixed case without colons."""
    return _card_form(
        "field_cards_two_to_a_row",
        sheet=Sheet(A4, font="Times-Roman", size=10),
        provider="Glenmorven Data Services Ltd",
        cards=(("Order reference", "GDS-1177"), ("Customer", "Strathallan Distillers Limited"),
               ("Order date", "03/09/2027"), ("Subscription start", "01/10/2027"),
               ("Subscription end", "30/09/2029"), ("Initial term", "24 months"),
               ("Invoicing", "Quarterly in advance"), ("Payment terms", "Net 60"),
               ("Currency", "GBP"), ("Purchase order", "SDL-44812")),
        per_row=2, width=240, label_size=7.5,
        values=("GDS-1177", "Strathallan Distillers Limited", date(2027, 9, 3),
                date(2027, 10, 1), date(2029, 9, 30), 24, "quarterly", 60, "GBP", "SDL-44812"),
        country="GB",
    )  # fmt: skip


def field_cards_colon_labels_mixed_case() -> Order:
    """Three to a row on A4 (Times), labels in mixed case ending in a colon ('Start date:'),
    nothing after the colon: the value is the line under it in the card."""
    return _card_form(
        "field_cards_colon_labels_mixed_case",
        sheet=Sheet(A4, font="Times-Roman", size=9.5),
        provider="Aldermoor Clinical Records Ltd",
        cards=(("Order no.:", "ACR-77215"), ("Customer:", "Wychwood Community Health Trust"),
               ("Order date:", "18 January 2028"), ("Start date:", "1 February 2028"),
               ("End date:", "31 January 2031"), ("Term:", "36 months"),
               ("Billing:", "Monthly"), ("Payment terms:", "Net 14"),
               ("Currency:", "GBP"), ("PO number:", "WCHT-5530")),
        per_row=3, width=160, label_size=7.5,
        values=("ACR-77215", "Wychwood Community Health Trust", date(2028, 1, 18),
                date(2028, 2, 1), date(2031, 1, 31), 36, "monthly", 14, "GBP", "WCHT-5530"),
        country="GB",
    )  # fmt: skip


CARD_DOCS: tuple[Build, ...] = (
    field_cards_three_to_a_row,
    field_cards_two_to_a_row,
    field_cards_colon_labels_mixed_case,
)


# --- 5. a signature table of two party columns ----------------------------------------------


def _party_columns(
    name: str,
    *,
    sheet: Sheet,
    heading: tuple[str, str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    ink_cell: tuple[float, float] | None,
    fields: dict[str, object],
    country: str,
) -> Order:
    """A ruled table headed 'Customer | Provider' (a label column first where ``widths``
    has three), one row per Signature / Name / Title / Date."""
    _heading(sheet, 50, *heading)
    sheet.paragraph(50, 90, "Each party signs this Order Form by its authorised signatory. "
                    "This Order Form is governed by the Master Terms.", chars=96)  # fmt: skip
    sheet.grid(50, 130, widths, rows, row_height=26)
    if ink_cell is not None:
        sheet.ink(ink_cell[0], ink_cell[1], 100)
    return Order(name, sheet.finish(), fields=fields, country=country)


def party_columns_with_label_column() -> Order:
    """Label column, then 'Customer' and 'Provider' columns; the customer signed '/s/'."""
    return _party_columns(
        "party_columns_with_label_column",
        sheet=Sheet(LETTER, font="Helvetica", size=9),
        heading=("Marlpit Freight Software LLC", "Order Form MF-6620"),
        rows=(("", "Customer", "Provider"),
              ("Company", "Ridgeback Haulage Inc.", "Marlpit Freight Software LLC"),
              ("Signature", "/s/ Cornelia Vasquez", "/s/ Bertram Oyelaran"),
              ("Name", "Cornelia Vasquez", "Bertram Oyelaran"),
              ("Title", "VP Operations", "Head of Sales"),
              ("Date", "09/14/2027", "09/13/2027")),
        widths=(80, 210, 210),
        ink_cell=None,
        fields={"customer_signatory": "Cornelia Vasquez",
                "customer_signed_date": date(2027, 9, 14)},
        country="US",
    )  # fmt: skip


def party_columns_labels_in_cells() -> Order:
    """Two columns only, 'Customer | Provider', each cell 'Label: value'; the customer signed
    with an ink stroke, the provider's signature cell not yet signed."""
    return _party_columns(
        "party_columns_labels_in_cells",
        sheet=Sheet(A4, font="Times-Roman", size=10),
        heading=("Carrowmore Analytics Limited", "Order Form CA-3318"),
        rows=(("Customer: Inishfree Ferries Limited", "Provider: Carrowmore Analytics Limited"),
              ("Signature:", "Signature:"),
              ("Name: Siobhan Kavanagh", "Name: Declan Foley"),
              ("Title: Chief Operating Officer", "Title: Managing Director"),
              ("Date: 08 Nov 2027", "Date: 05 Nov 2027")),
        widths=(250, 250),
        ink_cell=(110, 130 + 26 + 20),
        fields={"customer_signatory": "Siobhan Kavanagh",
                "customer_signed_date": date(2027, 11, 8)},
        country="IE",
    )  # fmt: skip


def party_columns_customer_unsigned() -> Order:
    """The same two columns, the provider signed, the customer's signature cell empty
    although its name is typed: no customer signature (both null)."""
    return _party_columns(
        "party_columns_customer_unsigned",
        sheet=Sheet(LETTER, font="Helvetica", size=9),
        heading=("Tallgrass Irrigation Controls Inc.", "Order Form TIC-1092"),
        rows=(("", "Customer", "Provider"),
              ("Signature", "", "/s/ Marisol Ochoa"),
              ("Name", "Wendell Auclair", "Marisol Ochoa"),
              ("Title", "Farm Manager", "Regional Director"),
              ("Date", "", "June 4th, 2027")),
        widths=(80, 210, 210),
        ink_cell=None,
        fields={"customer_signatory": None, "customer_signed_date": None},
        country="US",
    )  # fmt: skip


PARTY_COLUMN_DOCS: tuple[Build, ...] = (
    party_columns_with_label_column,
    party_columns_labels_in_cells,
    party_columns_customer_unsigned,
)
