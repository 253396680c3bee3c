"""Values in their real printed forms: money, dates, durations and frequencies.

Each document is a short order whose one interesting term is written in one form; the
label or sentence around it changes from document to document, as do font and position.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["DATES", "DURATIONS", "FREQUENCIES", "MONEY"]

_FONTS = (
    ("Helvetica", "Helvetica-Bold"),
    ("Times-Roman", "Times-Bold"),
    ("Courier", "Courier-Bold"),
)


def _statement(
    name: str,
    heading: str,
    sentences: list[str],
    fields: Mapping[str, object],
    country: str,
    variant: int,
) -> Order:
    regular, bold = _FONTS[variant % 3]
    s = Sheet(A4 if variant % 2 else LETTER, font=regular, size=10)
    x = 50 + 14 * (variant % 4)
    s.text(x, 48 + 6 * (variant % 3), heading, font=bold, size=13)
    top = 90.0 + 10 * (variant % 2)
    for words in sentences:
        top = s.paragraph(x, top, words, chars=80 if regular != "Courier" else 70) + 6
    return Order(name, s.finish(), fields=fields, country=country)


OrderFactory = Callable[[], Order]


def _money(
    name: str, heading: str, sentences: list[str], amount: str, currency: str, country: str
) -> OrderFactory:
    fields = {"total_contract_value": D(amount), "currency": currency}
    variant = len(name)
    return lambda: _statement(name, heading, sentences, fields, country, variant)


MONEY: dict[str, OrderFactory] = {
    "amount_in_words_with_digits": _money(
        "amount_in_words_with_digits",
        "Letter Order - Brightfold Learning Inc.",
        ["Brightfold Learning Inc. will provide Oakhurst Academy Trust with the Brightfold "
         "tutoring platform for one year from 1 August 2027.",
         "The total fees for this order are one hundred twenty-six thousand four hundred "
         "United States dollars (US$126,400.00), exclusive of taxes."],
        "126400", "USD", "US"),
    "canadian_dollar_prefix": _money(
        "canadian_dollar_prefix",
        "Maritime Ledger Corp. - Order ML-5507",
        ["Customer: Fundy Shore Seafoods Ltd.", "Total order value: CA$ 48,250.00"],
        "48250", "CAD", "CA"),
    "euro_sign_before_german_digits": _money(
        "euro_sign_before_german_digits",
        "Auftragsbest\u00e4tigung - Kranich Datentechnik GmbH",
        ["Kunde: M\u00fchlbach Armaturen GmbH", "Gesamtbetrag (netto): \u20ac 81.234,56"],
        "81234.56", "EUR", "DE"),
    "euro_sign_after_french_digits": _money(
        "euro_sign_after_french_digits",
        "Bon de commande - Lumisol Logiciels SARL",
        ["Client : Fromagerie des Aravis SAS", "Montant total HT : 64 512,40 \u20ac"],
        "64512.40", "EUR", "FR"),
    "euro_code_with_dash_cents": _money(
        "euro_code_with_dash_cents",
        "Bestellung - Alpenblick Software GmbH",
        ["Kunde: Tiroler Seilbahnbau GmbH", "Auftragssumme: EUR 52.800,-"],
        "52800", "EUR", "AT"),
    "swiss_francs_with_apostrophes": _money(
        "swiss_francs_with_apostrophes",
        "Order - Gletscher Analytics AG",
        ["Customer: Uhrenmanufaktur Vallorbe SA", "Total contract value: CHF 91'234.50"],
        "91234.50", "CHF", "CH"),
    "pounds_sterling_in_words": _money(
        "pounds_sterling_in_words",
        "Order letter - Wexcombe Research Ltd",
        ["Wexcombe Research Ltd will license its archive to Tamar Valley Museums for twelve "
         "months.", "The fees under this order total 36,500.00 pounds sterling."],
        "36500", "GBP", "GB"),
}  # fmt: skip


def _term(
    name: str, heading: str, sentences: list[str], field: str, value: object, country: str
) -> OrderFactory:
    variant = len(name) + len(field)
    return lambda: _statement(name, heading, sentences, {field: value}, country, variant)


DATES: dict[str, OrderFactory] = {
    "ordinal_day_of_month_words": _term(
        "ordinal_day_of_month_words", "ORDER AGREEMENT - Hollin Press Software LLC",
        ["This Order Agreement is made on the 1st day of March, 2027 between Hollin Press "
         "Software LLC and Kingsbridge Title Company."],
        "order_date", date(2027, 3, 1), "US"),
    "french_premier": _term(
        "french_premier", "Bon de commande n\u00b0 LL-4471",
        ["Date de commande : 1er mars 2027", "Client : Domaine des Trois Vallons SAS"],
        "order_date", date(2027, 3, 1), "FR"),
    "austrian_jaenner": _term(
        "austrian_jaenner", "Auftrag AB-2027-09",
        ["Bestelldatum: 1. J\u00e4nner 2027", "Kunde: Wachauer Obstbau GmbH"],
        "order_date", date(2027, 1, 1), "AT"),
    "dotted_day_month_year": _term(
        "dotted_day_month_year", "Bestellung / Order KD-5531",
        ["Kunde / Customer: Havelland Agrar GmbH", "Leistungsbeginn / Start date: 01.03.2027"],
        "start_date", date(2027, 3, 1), "DE"),
    "day_month_abbrev_year": _term(
        "day_month_abbrev_year", "ORDER ACKNOWLEDGEMENT 77310",
        ["SHIP TO: PRAIRIE GRAIN COOPERATIVE", "SERVICE START: 01-MAR-2027"],
        "start_date", date(2027, 3, 1), "US"),
}  # fmt: skip

DURATIONS: dict[str, OrderFactory] = {
    "years_in_words_and_digits": _term(
        "years_in_words_and_digits", "Order - Cindergate Security Inc.",
        ["The subscription starts on 1 April 2027 and continues for a period of three (3) "
         "years."],
        "term_months", 36, "US"),
    "months_in_words_and_digits": _term(
        "months_in_words_and_digits", "Order Form - Rushmere Cloud Ltd",
        ["Initial Term: eighteen (18) months from the Start Date of 1 May 2027."],
        "term_months", 18, "GB"),
    "years_in_words_only": _term(
        "years_in_words_only", "Subscription order - Tallowmere Systems",
        ["Service begins 1 June 2027. The subscription term is two years."],
        "term_months", 24, "US"),
}  # fmt: skip

FREQUENCIES: dict[str, OrderFactory] = {
    "per_annum_in_advance": _term(
        "per_annum_in_advance", "Order - Quarrymoor Data Ltd",
        ["The subscription fees are payable per annum in advance."],
        "billing_frequency", "annual", "GB"),
    "twice_yearly": _term(
        "twice_yearly", "Order - Saltbush Metrics Pty Ltd",
        ["Supplier will invoice the fees twice yearly, in January and July."],
        "billing_frequency", "semiannual", "AU"),
    "each_quarter": _term(
        "each_quarter", "Order - Northgale Robotics Inc.",
        ["Fees are billed at the start of each quarter of the subscription term."],
        "billing_frequency", "quarterly", "US"),
    "every_month_in_arrears": _term(
        "every_month_in_arrears", "Order - Brindle Park Software",
        ["Charges are invoiced every month in arrears."],
        "billing_frequency", "monthly", "US"),
}  # fmt: skip
