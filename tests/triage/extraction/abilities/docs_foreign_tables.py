"""Line-item tables whose header is written only in German, French or Spanish.

No English anywhere in the table header, and the labels above the table are in the same
language: a German ruled grid ("Pos. | Art.-Nr. | Bezeichnung | Menge | Einzelpreis | Rabatt
| Gesamtpreis", `1.234,56`, with a position column that is not the quantity), a French
unruled table ("Réf. | Désignation | Qté | Prix unitaire HT | Remise | Montant HT",
`12 500,00` with a no-break space), and a Spanish table of cell rectangles ("Código |
Descripción | Cantidad | Precio unitario | Dto. | Importe"). Every line is priced for a
twelve-month term, so net = quantity x unit price x (1 - discount) on each.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal as D

from tests.triage.extraction.abilities.sheet import A4, LETTER, Build, Order, Sheet
from triage.contract import LineKind

__all__ = ["FOREIGN_TABLE_DOCS", "french_unruled_table", "german_ruled_table", "spanish_cell_table"]

_NBSP = "\u00a0"


def _labels(s: Sheet, x: float, top: float, step: float, lines: Sequence[str]) -> None:
    """The order's reference lines above the table, one under the other."""
    for row, words in enumerate(lines):
        s.text(x, top + row * step, words)


def _line(
    sku: str, qty: int, unit: str, net: str, disc: float | None = None, kind: LineKind | None = None
) -> dict[str, object]:
    """An expected line item; ``disc`` only where the row prints a discount, ``kind`` where
    its wording says it in the document's language ("Jahreslizenz", "einmalig", "jornada")."""
    line: dict[str, object] = {"sku": sku, "quantity": qty, "unit_price": D(unit),
                               "net_amount": D(net)}  # fmt: skip
    if disc is not None:
        line["discount_pct"] = disc
    if kind is not None:
        line["kind"] = kind
    return line


def _order(name: str, s: Sheet, total: str, lines: list[dict[str, object]], country: str) -> Order:
    fields = {"currency": "EUR", "total_contract_value": D(total)}
    return Order(name, s.finish(), fields=fields, lines=lines, country=country)


def german_ruled_table() -> Order:
    """Auftragsbestätigung, A4, Helvetica: a grid of lines under German-only column words."""
    s = Sheet(A4, font="Helvetica", size=8.5)
    s.text(60, 46, "Nordheide Kassensysteme GmbH", font="Helvetica-Bold", size=14)
    s.text(60, 66, "Auftragsbest\u00e4tigung Nr. NKS-AB-27-3318", font="Helvetica-Bold", size=10)
    _labels(s, 60, 86, 13, (
        "Kunde: Elbmarsch B\u00e4ckereien GmbH & Co. KG",
        "Laufzeit: 12 Monate ab 01.07.2027, j\u00e4hrlich im Voraus berechnet",
        "W\u00e4hrung: EUR, alle Preise zzgl. gesetzlicher Umsatzsteuer",
    ))  # fmt: skip
    rows = [
        ["Pos.", "Art.-Nr.", "Bezeichnung", "Menge", "Einzelpreis", "Rabatt", "Gesamtpreis"],
        ["1", "NKS-FK-J", "Filialkasse Cloud, Jahreslizenz", "45", "1.180,00", "10 %",
         "47.790,00"],
        ["2", "NKS-AW-J", "Auswertungsmodul, Jahreslizenz", "45", "312,00", "10 %", "12.636,00"],
        ["3", "NKS-EIN", "Einrichtung (einmalig)", "1", "6.450,00", "", "6.450,00"],
    ]  # fmt: skip
    bottom = s.grid(60, 140, [28, 62, 150, 40, 62, 40, 70], rows, row_height=19,
                    numeric=frozenset({0, 3, 4, 5, 6}), cells=False)  # fmt: skip
    s.right(512, bottom + 14, "Gesamtsumme netto: 66.876,00 EUR", font="Helvetica-Bold")
    s.text(60, bottom + 44, "Zahlbar innerhalb von 30 Tagen nach Rechnungsdatum ohne Abzug.")
    lines = [
        _line("NKS-FK-J", 45, "1180", "47790", 10, LineKind.SUBSCRIPTION),
        _line("NKS-AW-J", 45, "312", "12636", 10, LineKind.SUBSCRIPTION),
        _line("NKS-EIN", 1, "6450", "6450", kind=LineKind.ONE_TIME),
    ]
    return _order("german_ruled_table", s, "66876.00", lines, "DE")


def french_unruled_table() -> Order:
    """Bon de commande, Letter, Times: columns only as aligned words, `17 850,00` amounts."""
    lines = [  # what the three rows drawn below state
        _line("PSN-OBJ", 250, "84", "17850", 15, LineKind.SUBSCRIPTION),
        _line("PSN-SUP", 1, "12500", "12500", 0),
        _line("PSN-MIG", 1, "3900", "3705", 5),
    ]
    s = Sheet(LETTER, font="Times-Roman", size=10.5)
    s.text(86, 58, "BON DE COMMANDE", font="Times-Bold", size=16)
    _labels(s, 86, 82, 15, (
        "Fournisseur : Pelliot Stockage Num\u00e9rique SAS",
        "Client : Mutuelle des Artisans du Haut-Jura",
        "Commande n\u00b0 PSN-2027-0562 \u2013 dur\u00e9e : 12 mois \u00e0 compter du 1er "
        "septembre 2027",
        "Devise : EUR",
    ))  # fmt: skip
    # (x, right-aligned) of each column: reference and wording flush left, figures flush right
    columns = ((86.0, False), (150.0, False), (322.0, True), (425.0, True), (472.0, True),
               (545.0, True))  # fmt: skip
    header = ("R\u00e9f.", "D\u00e9signation", "Qt\u00e9", "Prix unitaire HT", "Remise",
              "Montant HT")  # fmt: skip
    body = (
        ("PSN-OBJ", "Stockage objet, licence annuelle", "250", "84,00", "15 %",
         f"17{_NBSP}850,00"),
        ("PSN-SUP", "Support premium annuel", "1", f"12{_NBSP}500,00", "0 %", f"12{_NBSP}500,00"),
        ("PSN-MIG", "Migration des donn\u00e9es (forfait)", "1", f"3{_NBSP}900,00", "5 %",
         f"3{_NBSP}705,00"),
    )  # fmt: skip
    top = 164.0
    for index, row in enumerate((header, *body)):
        font = "Times-Bold" if index == 0 else None
        for (x, flush_right), words in zip(columns, row, strict=True):
            draw = s.right if flush_right else s.text
            draw(x, top, words, font=font)
        top += 22 if index == 0 else 17
    s.right(545, top + 16, f"Montant total HT : 34{_NBSP}055,00 EUR", font="Times-Bold")
    s.text(86, top + 46, "Paiement \u00e0 30 jours fin de mois, par virement.")
    return _order("french_unruled_table", s, "34055.00", lines, "FR")


def spanish_cell_table() -> Order:
    """Orden de compra, A4, Courier: each cell a drawn rectangle, Spanish-only header."""
    s = Sheet(A4, font="Courier", size=8.5)
    s.text(40, 60, "ORDEN DE COMPRA N.\u00ba OC-27-04471", font="Courier-Bold", size=12)
    _labels(s, 40, 84, 13, (
        "Proveedor: Almendral Log\u00edstica Digital S.L.",
        "Cliente:   Distribuciones Ribera del Ebro S.A.",
        "Vigencia:  12 meses desde el 1 de octubre de 2027",
        "Moneda:    EUR (IVA no incluido)",
    ))  # fmt: skip
    rows = [
        ["C\u00f3digo", "Descripci\u00f3n", "Cantidad", "Precio unitario", "Dto.", "Importe"],
        ["ADL-GA-25", "Gesti\u00f3n de almac\u00e9n, suscripci\u00f3n anual", "60", "420,00",
         "20 %", "20.160,00"],
        ["ADL-FOR", "Formaci\u00f3n de usuarios (jornada)", "3", "1.150,00", "0 %", "3.450,00"],
    ]  # fmt: skip
    bottom = s.grid(40, 160, [70, 200, 58, 86, 38, 74], rows, row_height=21,
                    numeric=frozenset({2, 3, 4, 5}))  # fmt: skip
    s.text(40, bottom + 18, "Importe total: 23.610,00 EUR", font="Courier-Bold")
    s.text(40, bottom + 34, "Forma de pago: transferencia a 60 d\u00edas fecha factura.")
    lines = [
        _line("ADL-GA-25", 60, "420", "20160", 20, LineKind.SUBSCRIPTION),
        _line("ADL-FOR", 3, "1150", "3450", 0, LineKind.SERVICE),
    ]
    return _order("spanish_cell_table", s, "23610.00", lines, "ES")


FOREIGN_TABLE_DOCS: tuple[Build, ...] = (
    german_ruled_table,
    french_unruled_table,
    spanish_cell_table,
)
