"""Bilingual European forms: labels in two languages, values in European forms.

Labels are slash-joined ("Zahlungsziel / Payment terms") or stacked (one language over the
other); amounts are written `1.234,56 €`, `1 234,56 EUR`, `CHF 1'234.50`, `EUR 1.234,-`;
dates `01.03.2027`, "1er mars 2027", "1. Jänner 2027", "3 de marzo de 2027"; one table
has a bilingual header. Each document has its own font, page size, positions and wording.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Order, Sheet

__all__ = ["BILINGUAL_DOCS"]


def stacked_german_over_english() -> Order:
    """German label over a smaller English one, value to the right: `01.03.2027`, `1.234,56 €`."""
    s = Sheet(A4, font="Helvetica", size=9.5)
    s.text(56, 44, "Auerbach Datentechnik GmbH", font="Helvetica-Bold", size=14)
    s.text(56, 62, "Auftragsbest\u00e4tigung / Order confirmation", size=9)
    rows = [
        ("Auftragsnummer", "Order number", "AD-2027-0418"),
        ("Kunde", "Customer", "Stadtwerke Kellerbach GmbH"),
        ("Vertragsbeginn", "Commencement", "01.03.2027"),
        ("Laufzeit", "Term", "24 Monate"),
        ("Zahlungsziel", "Payment terms", "30 Tage netto"),
        ("Gesamtbetrag", "Total amount", "61.234,56 \u20ac"),
    ]
    top = 96.0
    for german, english, value in rows:
        s.text(56, top, german, font="Helvetica-Bold")
        s.text(56, top + 11, english, font="Helvetica-Oblique", size=7.5)
        s.text(230, top + 4, value)
        s.hline(56, 460, top + 24, width=0.3)
        top += 30
    fields = {
        "order_number": "AD-2027-0418",
        "customer_legal_name": "Stadtwerke Kellerbach GmbH",
        "start_date": date(2027, 3, 1),
        "term_months": 24,
        "end_date": date(2029, 2, 28),
        "payment_terms_days": 30,
        "total_contract_value": D("61234.56"),
        "currency": "EUR",
    }
    return Order("stacked_german_over_english", s.finish(), fields=fields, country="DE")


def french_english_slash_labels() -> Order:
    """'Durée / Term', 'Date d'effet / Effective date': "1er mars 2027", `1 234,56 EUR`."""
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    s.text(80, 56, "Bon de commande / Order Form", font="Times-Bold", size=15)
    s.text(80, 78, "Fournisseur / Supplier : Lumen Prairie Logiciels SAS")
    rows = [
        ("R\u00e9f\u00e9rence / Reference", "LPL-C-7712"),
        ("Client / Customer", "Coop\u00e9rative Laiti\u00e8re du Vercors"),
        ("Date d'effet / Effective date", "1er mars 2027"),
        ("Dur\u00e9e / Term", "36 mois / 36 months"),
        ("Facturation / Invoicing", "trimestrielle / quarterly"),
        ("Montant total / Total amount", "148 234,56 EUR"),
    ]
    top = 112.0
    for label, value in rows:
        s.text(80, top, label + " :")
        s.text(300, top, value, font="Times-Bold")
        top += 20
    fields = {
        "order_number": "LPL-C-7712",
        "customer_legal_name": "Coop\u00e9rative Laiti\u00e8re du Vercors",
        "provider_legal_name": "Lumen Prairie Logiciels SAS",
        "start_date": date(2027, 3, 1),
        "term_months": 36,
        "billing_frequency": "quarterly",
        "total_contract_value": D("148234.56"),
        "currency": "EUR",
    }
    return Order("french_english_slash_labels", s.finish(), fields=fields, country="FR")


def swiss_three_languages() -> Order:
    """Swiss form, 'Vertragsdauer / Durée / Term' in one label: `CHF 91'234.50`, `15.04.2027`."""
    s = Sheet(A4, font="Courier", size=9)
    s.text(48, 50, "GLARNER RECHENWERK AG", font="Courier-Bold", size=12)
    rows = [
        ("Bestellung / Commande / Order", "GRW-55103"),
        ("Kunde / Client / Customer", "Bergbahnen Uri AG"),
        ("Beginn / D\u00e9but / Start", "15.04.2027"),
        ("Vertragsdauer / Dur\u00e9e / Term", "12 Monate / mois / months"),
        ("Zahlungsfrist / D\u00e9lai / Payment", "45 Tage / jours / days"),
        ("Total", "CHF 91'234.50"),
    ]
    top = 90.0
    for label, value in rows:
        s.text(48, top, label)
        s.text(300, top, value)
        top += 16
    fields = {
        "order_number": "GRW-55103",
        "customer_legal_name": "Bergbahnen Uri AG",
        "start_date": date(2027, 4, 15),
        "term_months": 12,
        "end_date": date(2028, 4, 14),
        "payment_terms_days": 45,
        "total_contract_value": D("91234.50"),
        "currency": "CHF",
    }
    return Order("swiss_three_languages", s.finish(), fields=fields, country="CH")


def austrian_labels_in_boxes() -> Order:
    """Austrian German / English labels above values in boxes: "1. Jänner 2027", `EUR 12.400,-`."""
    s = Sheet(A4, font="Times-Roman", size=10)
    s.text(64, 48, "Donaustadt Cloudsysteme GmbH", font="Times-Bold", size=14)
    boxes = [
        ("Angebotsnummer / Quote number", "DCS/27/0091"),
        ("Leistungsbeginn / Service start", "1. J\u00e4nner 2027"),
        ("Abrechnung / Billing", "halbj\u00e4hrlich / semi-annually"),
        ("Zahlungsbedingungen / Payment terms", "14 Tage / 14 days"),
        ("Auftragswert / Order value", "EUR 12.400,-"),
        ("Auftraggeber / Client", "Tiroler Holzbau Riedl GmbH"),
    ]
    for index, (label, value) in enumerate(boxes):
        x, top = 64 + (index % 2) * 235, 84 + (index // 2) * 44
        s.rect(x, top, 235, 44)
        s.text(x + 5, top + 4, label, font="Times-Italic", size=8)
        s.text(x + 5, top + 22, value)
    fields = {
        "order_number": "DCS/27/0091",
        "start_date": date(2027, 1, 1),
        "billing_frequency": "semiannual",
        "payment_terms_days": 14,
        "total_contract_value": D("12400"),
        "currency": "EUR",
        "customer_legal_name": "Tiroler Holzbau Riedl GmbH",
    }
    return Order("austrian_labels_in_boxes", s.finish(), fields=fields, country="AT")


def spanish_english_prose_and_labels() -> Order:
    """Spanish / English labels with a colon, "3 de marzo de 2027", "60 días"."""
    s = Sheet(LETTER, font="Helvetica", size=10)
    s.text(70, 50, "Orden de pedido / Purchase Order", font="Helvetica-Bold", size=13)
    rows = [
        ("N.\u00ba de pedido / Order no.", "OP-3390-27"),
        ("Proveedor / Provider", "Alcornoque Sistemas S.L."),
        ("Cliente / Customer", "Conservas Mar\u00edtimas del Cant\u00e1brico S.A."),
        ("Fecha de inicio / Start date", "3 de marzo de 2027"),
        ("Plazo / Term", "24 meses / 24 months"),
        ("Forma de pago / Payment terms", "60 d\u00edas / 60 days"),
    ]
    top = 86.0
    for label, value in rows:
        s.text(70, top, f"{label}: {value}")
        top += 17
    fields = {
        "order_number": "OP-3390-27",
        "provider_legal_name": "Alcornoque Sistemas S.L.",
        "customer_legal_name": "Conservas Mar\u00edtimas del Cant\u00e1brico S.A.",
        "start_date": date(2027, 3, 3),
        "term_months": 24,
        "end_date": date(2029, 3, 2),
        "payment_terms_days": 60,
    }
    return Order("spanish_english_prose_and_labels", s.finish(), fields=fields, country="ES")


def bilingual_table_header() -> Order:
    """A ruled table whose header is 'Artikel / Item | Menge / Qty | Preis / Unit price | ...'."""
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(50, 44, "Weserland Softwarehaus GmbH - Angebot / Quote WS-8812", font="Helvetica-Bold",
           size=11)  # fmt: skip
    s.text(50, 62, "Kunde / Customer: Hafenlogistik Brake GmbH")
    s.text(50, 76, "Laufzeit / Term: 12 Monate ab 01.05.2027 / 12 months from 01.05.2027")
    rows = [
        ["Artikel / Item", "Menge / Qty", "Einzelpreis / Unit price", "Rabatt / Disc.",
         "Gesamt / Total"],
        ["WS Lagerplanung Pro", "35", "1.140,00 \u20ac", "10 %", "35.910,00 \u20ac"],
        ["WS Scanner-Anbindung", "12", "260,00 \u20ac", "", "3.120,00 \u20ac"],
        ["Einrichtung / Setup", "1", "4.750,00 \u20ac", "", "4.750,00 \u20ac"],
    ]  # fmt: skip
    s.grid(50, 100, [150, 70, 110, 70, 100], rows, row_height=20, numeric=frozenset({1, 2, 3, 4}))
    lines = [
        {"description": "WS Lagerplanung Pro", "quantity": 35, "unit_price": D("1140"),
         "discount_pct": 10, "net_amount": D("35910")},
        {"description": "WS Scanner-Anbindung", "quantity": 12, "unit_price": D("260"),
         "net_amount": D("3120")},
        {"description": "Einrichtung / Setup", "quantity": 1, "unit_price": D("4750"),
         "net_amount": D("4750")},
    ]  # fmt: skip
    fields = {"order_number": "WS-8812", "currency": "EUR", "start_date": date(2027, 5, 1),
              "term_months": 12, "customer_legal_name": "Hafenlogistik Brake GmbH"}  # fmt: skip
    return Order("bilingual_table_header", s.finish(), fields=fields, lines=lines, country="DE")


BILINGUAL_DOCS = (
    stacked_german_over_english,
    french_english_slash_labels,
    swiss_three_languages,
    austrian_labels_in_boxes,
    spanish_english_prose_and_labels,
)
