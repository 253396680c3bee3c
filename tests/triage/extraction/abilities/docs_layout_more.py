"""Layouts seen on other systems' forms: wrapped choice rows, narrow gutters, address labels.

Three abilities, each with documents that differ in font, page size, positions, wording
and values:

- a row of tick-box options under a form label that wraps onto a second line, beside a
  second labelled choice group in another column on the same rows (``wrapped_choice_*``);
- a side-by-side signature block above two-column general terms whose gutter is narrow on
  some lines (15-25 pt, ragged right), with a payment clause that states a fallback period
  and runs from the foot of the left column to the head of the right one; the period on
  the face of the form is the term (``narrow_gutter_*``);
- a header row of address-block labels in small capitals with a line's gap before the
  values, the customer's name (wrapped, in capitals) first under the bill-to label
  (``address_labels_*``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from reportlab.pdfbase import pdfmetrics

from tests.triage.extraction.abilities.sheet import A4, LETTER, Build, Order, Sheet

__all__ = [
    "ADDRESS_LABEL_DOCS",
    "NARROW_GUTTER_DOCS",
    "WRAPPED_CHOICE_DOCS",
    "address_labels_bill_ship_contact",
    "address_labels_billing_shipping_wrapped",
    "address_labels_ship_to_first",
    "address_labels_sold_to_small_caps",
    "narrow_gutter_drawn_ticks",
    "narrow_gutter_form_silent_on_payment",
    "narrow_gutter_net_terms_stated",
    "narrow_gutter_stated_in_words",
    "narrow_gutter_typed_ticks",
    "wrapped_choice_drawn_cross",
    "wrapped_choice_typed_brackets",
    "wrapped_choice_zapf_check",
    "wrapped_choice_zapf_filled",
]

_BOLD = {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "Courier": "Courier-Bold"}


def _bold(s: Sheet) -> str:
    return _BOLD[s.font]


# --- 1. a wrapped row of tick boxes beside a second choice group --------------------------


def _box(s: Sheet, style: str, x: float, top: float, on: bool) -> float:
    """Draw one option's mark in ``style``; return where the option's words start."""
    if style == "typed":
        s.text(x, top, "[X]" if on else "[ ]")
        return x + float(pdfmetrics.stringWidth("[X] ", s.font, s.size))
    side = s.size * 0.85
    s.rect(x, top + 1, side, side)
    if on and style == "cross":
        s.cross(x, top + 1, side)
    elif on and style == "zapf_check":  # the text layer says "4"
        s.text(x + 0.8, top + 1.5, "\u2714", font="ZapfDingbats", size=side * 0.9)
    elif on and style == "zapf_filled":  # the text layer says "n"
        s.text(x + 1.2, top + 2.2, "\u25a0", font="ZapfDingbats", size=side * 0.75)
    return x + side + 4


def _choice_group(
    s: Sheet,
    style: str,
    x: float,
    x1: float,
    top: float,
    label: str,
    options: Sequence[str],
    chosen: int,
    *,
    indent: float,
    leading: float,
) -> int:
    """A bold label at ``x``, options flowing from ``x + indent`` and wrapping before ``x1``.

    Returns the number of rows the options took.
    """
    s.text(x, top, label, font=_bold(s))
    left = x + indent
    at, row = left, 0
    for index, words in enumerate(options):
        width = 18 + pdfmetrics.stringWidth(words, s.font, s.size)
        if at > left and at + width > x1:  # the option does not fit: wrap under the first
            at, row = left, row + 1
        start = _box(s, style, at, top + row * leading, index == chosen)
        s.text(start, top + row * leading, words)
        at = start + pdfmetrics.stringWidth(words, s.font, s.size) + 12
    return row + 1


_Group = tuple[str, Sequence[str], int]


def _wrapped_choices(
    name: str,
    *,
    style: str,
    pagesize: tuple[float, float],
    font: str,
    size: float,
    letterhead: str,
    customer: str,
    schedule: _Group,
    currency: _Group,
    split: float,
    indents: tuple[float, float] = (92, 78),
    fields: dict[str, object],
    country: str,
) -> Order:
    s = Sheet(pagesize, font=font, size=size)
    s.text(40, 40, letterhead, font=_bold(s), size=13)
    s.text(40, 62, f"Customer: {customer}")
    s.text(40, 78, "Subscription order. Please mark one option in each group.")
    s.hline(40, s.width - 40, 96)
    leading = size + 5
    label, options, chosen = schedule
    rows = _choice_group(s, style, 40, split - 12, 108, label, options, chosen,
                         indent=indents[0], leading=leading)  # fmt: skip
    assert rows == 2, "the left-hand group is meant to wrap onto a second line"
    label, options, chosen = currency
    rows = max(rows, _choice_group(s, style, split, s.width - 30, 108, label, options, chosen,
                                   indent=indents[1], leading=leading))  # fmt: skip
    s.hline(40, s.width - 40, 112 + rows * leading)
    s.text(40, 124 + rows * leading, "All fees are exclusive of VAT and other sales taxes.")
    return Order(name, s.finish(), fields=fields, country=country)


def wrapped_choice_zapf_check() -> Order:
    """'Invoice schedule' wraps; 'Annually in advance' ticked on the second line; EUR beside."""
    return _wrapped_choices(
        "wrapped_choice_zapf_check",
        style="zapf_check",
        pagesize=A4,
        font="Helvetica",
        size=8,
        letterhead="Brannock Field Analytics B.V.",
        customer="Vestkyst Gartneri ApS",
        schedule=("Invoice schedule:",
                  ("Monthly in advance", "Quarterly in advance", "Every 6 months",
                   "Annually in advance"), 3),
        currency=("Invoice currency:", ("DKK", "EUR", "USD"), 1),
        split=410,
        indents=(78, 72),
        fields={"billing_frequency": "annual", "currency": "EUR"},
        country="DK",
    )  # fmt: skip


def wrapped_choice_drawn_cross() -> Order:
    """Times, drawn X: the quarterly option on the first line; the currency group wraps too."""
    return _wrapped_choices(
        "wrapped_choice_drawn_cross",
        style="cross",
        pagesize=LETTER,
        font="Times-Roman",
        size=9.5,
        letterhead="Pellworth Instruments Inc.",
        customer="Cascade Orchard Growers Inc.",
        schedule=("Billing cycle:",
                  ("Monthly", "Quarterly in advance", "Half-yearly in advance",
                   "Yearly in advance"), 1),
        currency=("Currency:", ("CAD", "EUR", "GBP", "USD (US dollars)"), 3),
        split=392,
        fields={"billing_frequency": "quarterly", "currency": "USD"},
        country="CA",
    )  # fmt: skip


def wrapped_choice_zapf_filled() -> Order:
    """A filled ZapfDingbats square: 'Every 6 months' ticked, first on the second line; GBP."""
    return _wrapped_choices(
        "wrapped_choice_zapf_filled",
        style="zapf_filled",
        pagesize=A4,
        font="Helvetica",
        size=7.5,
        letterhead="Tollgate Metering Ltd",
        customer="Ravensworth Estates Limited",
        schedule=("Invoicing:",
                  ("Monthly in arrears", "Quarterly in advance", "Every 6 months",
                   "Annually in advance"), 2),
        currency=("Invoice currency:", ("EUR", "GBP", "USD"), 1),
        split=372,
        fields={"billing_frequency": "semiannual", "currency": "GBP"},
        country="IE",
    )  # fmt: skip


def wrapped_choice_typed_brackets() -> Order:
    """Typed ``[X]``/``[ ]`` in Courier; 'Monthly' is on the second line; CHF beside."""
    return _wrapped_choices(
        "wrapped_choice_typed_brackets",
        style="typed",
        pagesize=A4,
        font="Courier",
        size=7.5,
        letterhead="Alpenrand Software AG",
        customer="Seeblick Hotels GmbH",
        schedule=("Invoice schedule:",
                  ("Annually in advance", "Quarterly in advance", "Monthly in advance"), 2),
        currency=("Invoice currency:", ("EUR", "CHF"), 1),
        split=378,
        indents=(92, 90),
        fields={"billing_frequency": "monthly", "currency": "CHF"},
        country="AT",
    )  # fmt: skip


WRAPPED_CHOICE_DOCS: tuple[Build, ...] = (
    wrapped_choice_zapf_check,
    wrapped_choice_drawn_cross,
    wrapped_choice_zapf_filled,
    wrapped_choice_typed_brackets,
)


# --- 2. signature block above two-column terms with a narrow gutter -----------------------


def _wrap(words: str, width: float, font: str, size: float) -> list[str]:
    """Greedy wrap by printed width, so the right edge is ragged as in real terms."""
    lines: list[str] = []
    line = ""
    for word in words.split():
        trial = f"{line} {word}".strip()
        if line and pdfmetrics.stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _terms_columns(
    s: Sheet,
    top: float,
    left: Sequence[str],
    payment_head: str,
    payment_tail: str,
    right: Sequence[str],
    *,
    width: float,
    gutter: float,
    leading: float,
) -> None:
    """Set clauses in two columns; the payment clause breaks from the left foot to the right head.

    The left column's widest line comes within ``gutter`` points of the right column; the
    other lines end short of it, as ragged-right text does.
    """
    font, size = s.font, s.size
    col_left: list[str] = []
    for clause in left:
        col_left += _wrap(clause, width, font, size)
    head = _wrap(payment_head, width, font, size)
    col_left += head
    col_right = _wrap(payment_tail, width, font, size)
    for clause in right:
        col_right += _wrap(clause, width, font, size)
    widest = max(pdfmetrics.stringWidth(line, font, size) for line in col_left)
    x_right = 40 + widest + gutter  # the narrowest gap between the columns is ``gutter``
    foot = pdfmetrics.stringWidth(head[-1], font, size)
    assert foot > width * 0.8, f"the left column's last line is short ({foot:.0f} pt)"
    for row, line in enumerate(col_left):
        s.text(40, top + row * leading, line)
    for row, line in enumerate(col_right[: len(col_left)]):
        s.text(x_right, top + row * leading, line)
    assert len(col_right) <= len(col_left) + 1, "the right column runs too long"
    for row, line in enumerate(col_right[len(col_left) :]):
        s.text(x_right, top + (len(col_left) + row) * leading, line)


def _signature_pair(
    s: Sheet, top: float, customer: tuple[str, ...], provider: tuple[str, ...]
) -> float:
    """Customer block on the left, provider block on the right; return the top below them."""
    for x, (heading, signed, name, title, when) in ((40, customer), (s.width / 2 + 10, provider)):
        s.text(x, top, heading, font=_bold(s))
        for row, (label, value) in enumerate(
            (("Signature:", signed), ("Name:", name), ("Title:", title), ("Date:", when))
        ):
            s.text(x, top + 18 + row * 14, label)
            s.text(x + 58, top + 18 + row * 14, value)
        s.hline(x + 56, x + 230, top + 18 + s.size + 2)
    return top + 18 + 4 * 14 + 14


_LEFT_TERMS = (
    "1. Definitions. Words defined in the Order Form have the same meaning in these General "
    "Terms, which apply to every Order Form that refers to them.",
    "2. Services. The Provider will make the subscribed services available to the Customer "
    "and its authorised users during the Subscription Term stated on the Order Form.",
    "3. Customer obligations. The Customer is responsible for the accuracy of its data and "
    "for keeping its user credentials confidential at all times.",
    "4. Fees. The fees are those set out on the Order Form and are exclusive of taxes, "
    "which the Customer pays in addition at the applicable rate.",
)
_RIGHT_TERMS = (
    "6. Late payment. Overdue amounts bear interest at one per cent (1%) per month until "
    "paid in full.",
    "7. Confidentiality. Each party keeps the other's confidential information secret for "
    "three (3) years after the Order Form ends.",
    "8. Liability. Neither party is liable for indirect or consequential loss of any kind.",
    "9. Governing law. These General Terms are governed by the laws stated on the Order Form.",
)


def _narrow_gutter(
    name: str,
    *,
    pagesize: tuple[float, float],
    font: str,
    size: float,
    letterhead: str,
    number: str,
    face: Callable[[Sheet, float], float],
    customer: tuple[str, ...],
    provider: tuple[str, ...],
    fallback: tuple[str, str],
    heading: str,
    gutter: float,
    fields: dict[str, object],
    country: str,
) -> Order:
    s = Sheet(pagesize, font=font, size=size)
    s.text(40, 40, letterhead, font=_bold(s), size=13)
    s.text(40, 60, f"Order Form {number}")
    s.text(40, 76, f"Customer: {customer[0].split(': ', 1)[1]}")
    top = face(s, 100)
    top = _signature_pair(s, top + 16, customer, provider)
    s.text(40, top + 8, heading, font=_bold(s), size=size + 2)
    width = (s.width - 80 - gutter) / 2
    _terms_columns(s, top + 30, _LEFT_TERMS, fallback[0], fallback[1], _RIGHT_TERMS,
                   width=width, gutter=gutter, leading=size + 2.5)  # fmt: skip
    return Order(name, s.finish(), fields=fields, country=country)


def _stated(label: str, value: str) -> Callable[[Sheet, float], float]:
    def face(s: Sheet, top: float) -> float:
        rows = (("Subscription term:", "12 months"), (label, value))
        for row, (key, words) in enumerate(rows):
            s.text(40, top + row * 15, key, font=_bold(s))
            s.text(150, top + row * 15, words)
        return top + len(rows) * 15

    return face


def _ticked(
    label: str, options: Sequence[str], chosen: int, style: str
) -> Callable[[Sheet, float], float]:
    def face(s: Sheet, top: float) -> float:
        s.text(40, top, label, font=_bold(s))
        x = 150.0
        for index, words in enumerate(options):
            start = _box(s, style, x, top, index == chosen)
            s.text(start, top, words)
            x = start + pdfmetrics.stringWidth(words, s.font, s.size) + 16
        return top + 15

    return face


def narrow_gutter_net_terms_stated() -> Order:
    """'Payment terms: Net 60' on the face; the terms' fallback is thirty days."""
    return _narrow_gutter(
        "narrow_gutter_net_terms_stated",
        pagesize=LETTER,
        font="Times-Roman",
        size=8.5,
        letterhead="Larkspur Ledger Systems, Inc.",
        number="LLS-40327",
        face=_stated("Payment terms:", "Net 60"),
        customer=("CUSTOMER: Quillfeather Mutual Insurance Company", "/s/ Dorothea Kang",
                  "Dorothea Kang", "VP Finance", "June 3, 2027"),
        provider=("PROVIDER: Larkspur Ledger Systems, Inc.", "/s/ Emeka Adeyemi",
                  "Emeka Adeyemi", "General Counsel", "June 1, 2027"),
        fallback=("5. Payment. Unless another period is selected on this Order Form, invoices",
                  "are payable within thirty (30) days of the invoice date, by electronic "
                  "transfer to the account named on the invoice."),
        heading="GENERAL TERMS",
        gutter=18,
        fields={"payment_terms_days": 60, "customer_signatory": "Dorothea Kang",
                "customer_signed_date": date(2027, 6, 3)},
        country="US",
    )  # fmt: skip


def narrow_gutter_drawn_ticks() -> Order:
    """The face ticks 'Net 45' (drawn X); the fallback says 'Where no period is selected'."""
    return _narrow_gutter(
        "narrow_gutter_drawn_ticks",
        pagesize=A4,
        font="Helvetica",
        size=7.5,
        letterhead="Tamsin Reach Software Ltd",
        number="TR/2027/118",
        face=_ticked("Payment terms:", ("Net 15", "Net 30", "Net 45", "Net 90"), 2, "cross"),
        customer=("CUSTOMER: Underbridge Housing Trust Limited", "/s/ Callum Firth",
                  "Callum Firth", "Director of Resources", "14/09/2027"),
        provider=("SUPPLIER: Tamsin Reach Software Ltd", "/s/ Ffion Pritchard",
                  "Ffion Pritchard", "Sales Director", "10/09/2027"),
        fallback=("5. Payment. Where no period is selected on the face of this Order Form,",
                  "each invoice is payable within fourteen (14) days after the date on which it "
                  "is issued."),
        heading="Standard Terms and Conditions",
        gutter=21,
        fields={"payment_terms_days": 45, "customer_signatory": "Callum Firth",
                "customer_signed_date": date(2027, 9, 14)},
        country="GB",
    )  # fmt: skip


def narrow_gutter_stated_in_words() -> Order:
    """'ninety (90) days from date of invoice' on the face; fallback 'failing any selection'."""
    return _narrow_gutter(
        "narrow_gutter_stated_in_words",
        pagesize=A4,
        font="Times-Roman",
        size=8,
        letterhead="Bellhaven Route Optimisation Pty Ltd",
        number="BRO-7731",
        face=_stated("Payment:", "ninety (90) days from date of invoice"),
        customer=("CUSTOMER: Kurrajong Freight Lines Pty Ltd", "/s/ Mei Ling Tan",
                  "Mei Ling Tan", "Chief Financial Officer", "2 November 2027"),
        provider=("PROVIDER: Bellhaven Route Optimisation Pty Ltd", "/s/ Grant Whitlam",
                  "Grant Whitlam", "Managing Director", "29 October 2027"),
        fallback=("5. Payment. The period for payment is the one chosen on the Order Form and, "
                  "failing any selection there, all invoices issued by the Provider",
                  "are due and payable within thirty (30) days of their date."),
        heading="GENERAL TERMS OF SUPPLY",
        gutter=16,
        fields={"payment_terms_days": 90, "customer_signatory": "Mei Ling Tan",
                "customer_signed_date": date(2027, 11, 2)},
        country="AU",
    )  # fmt: skip


def narrow_gutter_typed_ticks() -> Order:
    """Typed ``[X] Net 15``; fallback 'unless the Order Form states otherwise' with 45 days."""
    return _narrow_gutter(
        "narrow_gutter_typed_ticks",
        pagesize=LETTER,
        font="Helvetica",
        size=8,
        letterhead="Ozark Ridge Telematics LLC",
        number="ORT-55102",
        face=_ticked("Payment terms:", ("Net 30", "Net 15", "Net 60"), 1, "typed"),
        customer=("CUSTOMER: Bluestem Prairie Cooperative", "/s/ Wendell Harjo",
                  "Wendell Harjo", "Operations Manager", "08/23/2027"),
        provider=("PROVIDER: Ozark Ridge Telematics LLC", "/s/ Renata Olsen",
                  "Renata Olsen", "Controller", "08/20/2027"),
        fallback=("5. Payment. Fees are invoiced as set out on the Order Form and, unless the "
                  "Order Form states otherwise, the Customer's invoices",
                  "must be paid within forty-five (45) days of receipt, without set-off or "
                  "deduction."),
        heading="TERMS AND CONDITIONS",
        gutter=24,
        fields={"payment_terms_days": 15, "customer_signatory": "Wendell Harjo",
                "customer_signed_date": date(2027, 8, 23)},
        country="US",
    )  # fmt: skip


NARROW_GUTTER_DOCS: tuple[Build, ...] = (
    narrow_gutter_net_terms_stated,
    narrow_gutter_drawn_ticks,
    narrow_gutter_stated_in_words,
    narrow_gutter_typed_ticks,
)


def narrow_gutter_form_silent_on_payment() -> Order:
    """The face states no payment period, so the fallback that crosses the gutter applies.

    The pair of the documents above: a reader that ignores the general terms altogether
    cannot pass this one, and one that lets the fallback win cannot pass those.
    """
    return _narrow_gutter(
        "narrow_gutter_form_silent_on_payment",
        pagesize=A4,
        font="Helvetica",
        size=8,
        letterhead="Corrie Bank Scheduling Ltd",
        number="CBS-0419",
        face=_stated("Billing:", "annually in advance"),
        customer=("CUSTOMER: Glenlivet Road Haulage Limited", "/s/ Morag Baird",
                  "Morag Baird", "Transport Manager", "05/07/2027"),
        provider=("SUPPLIER: Corrie Bank Scheduling Ltd", "/s/ Iain Cowie",
                  "Iain Cowie", "Account Director", "01/07/2027"),
        fallback=("5. Payment. Unless a different period is stated on the Order Form, each "
                  "invoice that the Supplier issues under the Order Form",
                  "is payable within twenty-one (21) days of its date."),
        heading="GENERAL TERMS AND CONDITIONS",
        gutter=19,
        fields={"payment_terms_days": 21, "billing_frequency": "annual"},
        country="GB",
    )  # fmt: skip


# --- 3. address-block labels in small capitals above the values ---------------------------


def _small_caps(s: Sheet, x: float, top: float, words: str, size: float) -> None:
    """Set ``words`` in small capitals as word processors do: a run per letter size."""
    for word in words.split():
        for index, letter in enumerate(word):
            letter_size = size if index == 0 else size * 0.78
            s.text(x, top + (size - letter_size), letter.upper(), size=letter_size)
            x += pdfmetrics.stringWidth(letter.upper(), s.font, letter_size) + 0.4
        x += pdfmetrics.stringWidth(" ", s.font, size) + 0.4


def _address_blocks(
    name: str,
    *,
    pagesize: tuple[float, float],
    font: str,
    size: float,
    letterhead: tuple[str, str],
    labels: Sequence[str],
    blocks: Sequence[Sequence[str]],
    xs: Sequence[float],
    small_caps: bool,
    fields: dict[str, object],
    country: str,
) -> Order:
    s = Sheet(pagesize, font=font, size=size)
    s.text(40, 40, letterhead[0], font=_bold(s), size=13)
    s.text(40, 58, letterhead[1])
    leading = size + 3
    label_top = 96.0
    for x, label in zip(xs, labels, strict=True):
        if small_caps:
            _small_caps(s, x, label_top, label, size - 0.5)
        else:
            s.text(x, label_top, label.upper(), size=size - 1.5)
    s.hline(40, s.width - 40, label_top + size + 1, width=0.4)
    values_top = label_top + 2 * leading  # a value line's height of space under the labels
    for x, lines in zip(xs, blocks, strict=True):
        for row, words in enumerate(lines):
            s.text(x, values_top + row * leading, words)
    return Order(name, s.finish(), fields=fields, country=country)


def address_labels_bill_ship_contact() -> Order:
    """'BILL TO | SHIP TO | CONTACT' in small type; the bill-to name on one line."""
    return _address_blocks(
        "address_labels_bill_ship_contact",
        pagesize=LETTER,
        font="Helvetica",
        size=8.5,
        letterhead=("Sallowfield Devices Inc.", "Quote Q-22817 - valid 30 days"),
        labels=("Bill To", "Ship To", "Contact"),
        blocks=(("HOLLOWAY CREEK PAPER COMPANY", "Attn: Accounts Payable", "1200 Mill Road",
                 "Eugene, OR 97402"),
                ("Receiving - Building 3", "44 Industrial Way", "Springfield, OR 97477"),
                ("Marisol Vega", "Purchasing Lead", "mvega@example.com")),
        xs=(40, 230, 410),
        small_caps=False,
        fields={"customer_legal_name": "HOLLOWAY CREEK PAPER COMPANY"},
        country="US",
    )  # fmt: skip


def address_labels_billing_shipping_wrapped() -> Order:
    """'BILLING ADDRESS | SHIPPING ADDRESS | CUSTOMER CONTACT'; the name wraps over two lines."""
    return _address_blocks(
        "address_labels_billing_shipping_wrapped",
        pagesize=A4,
        font="Times-Roman",
        size=9,
        letterhead=("Wrenbury Survey Instruments Ltd", "Order Confirmation WSI-06621"),
        labels=("Billing Address", "Shipping Address", "Customer Contact"),
        blocks=(("NORTHUMBRIAN COASTAL WATER", "SERVICES LIMITED", "Quayside House",
                 "Newcastle upon Tyne NE1 3DX"),
                ("Stores, Berwick Depot", "Tweedmouth Industrial Estate", "TD15 2XF"),
                ("Alistair Rennie", "Procurement Officer", "0191 555 0142")),
        xs=(40, 215, 390),
        small_caps=False,
        fields={"customer_legal_name": "NORTHUMBRIAN COASTAL WATER SERVICES LIMITED"},
        country="GB",
    )  # fmt: skip


def address_labels_sold_to_small_caps() -> Order:
    """True small capitals (a run per letter size) 'SOLD TO | SHIP TO | CUSTOMER CONTACT'."""
    return _address_blocks(
        "address_labels_sold_to_small_caps",
        pagesize=A4,
        font="Helvetica",
        size=9,
        letterhead=("Kestrel Vale Automation GmbH", "Auftragsbestätigung / Order KVA-3390"),
        labels=("Sold To", "Ship To", "Customer Contact"),
        blocks=(("BERGISCHE FEINMECHANIK", "WERKZEUGBAU GMBH", "Talstraße 18",
                 "42103 Wuppertal"),
                ("Werk 2 - Wareneingang", "Hofaue 55", "42103 Wuppertal"),
                ("Jana Klostermann", "Einkauf", "+49 202 555 0193")),
        xs=(40, 220, 395),
        small_caps=True,
        fields={"customer_legal_name": "BERGISCHE FEINMECHANIK WERKZEUGBAU GMBH"},
        country="DE",
    )  # fmt: skip


def address_labels_ship_to_first() -> Order:
    """'SHIP TO | BILL TO | CONTACT': the bill-to block is the second column, its name wrapped."""
    return _address_blocks(
        "address_labels_ship_to_first",
        pagesize=LETTER,
        font="Times-Roman",
        size=9.5,
        letterhead=("Foxglove Kiosk Systems Inc.", "Sales Quotation FKS-2719"),
        labels=("Ship To", "Bill To", "Contact"),
        blocks=(("BRANCH 12 - RECEIVING", "410 Centre Street", "Lethbridge AB T1J 0B6"),
                ("PRAIRIE SKY COMMUNITY", "CREDIT UNION LIMITED", "Finance Department",
                 "88 Main Street", "Regina SK S4P 3Y2"),
                ("Darnell Whitford", "Branch Services", "306-555-0147")),
        xs=(50, 235, 420),
        small_caps=False,
        fields={"customer_legal_name": "PRAIRIE SKY COMMUNITY CREDIT UNION LIMITED"},
        country="CA",
    )  # fmt: skip


ADDRESS_LABEL_DOCS: tuple[Build, ...] = (
    address_labels_bill_ship_contact,
    address_labels_billing_shipping_wrapped,
    address_labels_sold_to_small_caps,
    address_labels_ship_to_first,
)
