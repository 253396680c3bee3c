"""A signing row of captions under lines ("Signature", "Date" side by side): what is typed
over one caption's line is that caption's value, even where it starts a little left of it.

The documents are drawn with the abilities' ``Sheet``: two party blocks side by side, each
with a "Signature" and a "Date" caption under their lines, the date typed from a point
left of its caption, and the printed name under them. An empty signature line leaves the
order unsigned, whatever the date and the printed name say.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from reportlab.lib.pagesizes import A4

from tests.triage.extraction.abilities.sheet import Sheet
from triage.documents.parsed import ParsedDocument
from triage.extraction import OrderExtractor

Reader = Callable[[bytes], ParsedDocument]
BLOCKS = (
    ("CUSTOMER: Vantor Mills AG", "Lea Brunner", "2027-07-08"),
    ("Quillon Systems GmbH", "Jonas Keller", "2027-07-10"),
)


def _signing_page(customer_signed: bool) -> bytes:
    s = Sheet(A4, font="Helvetica", size=9)
    s.text(56, 50, "Quillon Systems GmbH - Order Form QS-2027-118", font="Helvetica-Bold", size=12)
    s.text(56, 80, "Customer: Vantor Mills AG    Start date: 2027-08-01    Term: 12 months")
    s.text(56, 120, "Signatures", font="Helvetica-Bold", size=11)
    for column, (heading, name, when) in enumerate(BLOCKS):
        x = 56 + column * 245
        s.text(x, 150, heading, font="Helvetica-Bold")
        if column == 1 or customer_signed:
            s.text(x + 4, 176, f"/s/ {name}")
        s.text(x + 143, 176, when)  # starts a point left of its "Date" caption
        s.hline(x, x + 130, 188)
        s.hline(x + 140, x + 230, 188)
        s.text(x, 192, "Signature", size=7)
        s.text(x + 144, 192, "Date", size=7)
        s.text(x, 214, name)
        s.hline(x, x + 230, 226)
        s.text(x, 230, "Printed Name", size=7)
    return s.finish()


@pytest.mark.parametrize("signed", [True, False], ids=["signed", "signature_line_empty"])
def test_the_date_over_the_next_caption_is_not_the_signature(
    extractor: OrderExtractor, read_pdf: Reader, signed: bool
) -> None:
    fields = extractor.extract(read_pdf(_signing_page(signed)), country="DE").fields
    if signed:
        assert fields.customer_signatory.value == "Lea Brunner"
        assert fields.customer_signed_date.value == date(2027, 7, 8)
    else:
        assert fields.customer_signatory.value is None
        assert fields.customer_signed_date.value is None
