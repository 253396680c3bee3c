"""Choices marked on a form: the ticked option is the value, not the first one printed.

One form, many ways of marking: drawn squares with an X or a check stroke, filled squares,
ballot-box and check glyphs from a TrueType font, ZapfDingbats marks (whose text layer says
"4" or "n"), and typed marks: ``[X]`` / ``[ ]``, ``( x )`` / ``( )``, ``(•)``.
The ticked option is never the first printed, and the forms tick different options.
"""

from __future__ import annotations

from collections.abc import Sequence

from tests.triage.extraction.abilities.sheet import LETTER, Order, Sheet, glyph_font

__all__ = ["GLYPH_MARKS", "MARKS", "ticked_form"]

_BILLING = ("Monthly", "Quarterly", "Semi-annually", "Annually")
_BILLING_VALUES = ("monthly", "quarterly", "semiannual", "annual")
_PAYMENT = ("Net 15", "Net 30", "Net 45", "Net 60")
_RENEWAL = ("Yes", "No")

# mark style -> (billing option, payment option, renewal option) ticked, and layout
_CHOICES: dict[str, tuple[int, int, int, bool]] = {
    "drawn_x": (2, 2, 0, False),
    "drawn_check": (1, 3, 1, True),
    "filled_square": (3, 1, 1, False),
    "zapf_check": (1, 2, 0, True),
    "zapf_filled": (3, 3, 1, False),
    "typed_brackets": (2, 1, 1, True),
    "typed_parens": (3, 2, 0, False),
    "typed_bullet": (1, 3, 1, True),
    "glyph_ballot_x": (2, 3, 1, False),
    "glyph_ballot_check": (3, 2, 0, True),
    "glyph_check_in_box": (1, 1, 1, False),
}
MARKS = tuple(name for name in _CHOICES if not name.startswith("glyph"))
GLYPH_MARKS = tuple(name for name in _CHOICES if name.startswith("glyph"))
_TYPED = {"typed_brackets": ("[X]", "[ ]"), "typed_parens": ("( x )", "(   )"),
          "typed_bullet": ("(\u2022)", "(  )")}  # fmt: skip
_BALLOT = {"glyph_ballot_x": "\u2612", "glyph_ballot_check": "\u2611"}


def _mark(s: Sheet, style: str, x: float, top: float, on: bool) -> float:
    """Draw one option's mark at (x, top); return where the option's words start."""
    side = 8.0
    if style in _TYPED:
        s.text(x, top, _TYPED[style][0 if on else 1])
        return x + 24
    if style in _BALLOT:
        s.text(x, top, _BALLOT[style] if on else "\u2610", font=glyph_font())
        return x + 14
    s.rect(x, top + 1, side, side, fill=on and style == "filled_square")
    if on and style == "drawn_x":
        s.cross(x, top + 1, side)
    elif on and style == "drawn_check":
        s.check(x, top + 1, side)
    elif on and style.startswith("zapf"):
        # reportlab encodes these as ZapfDingbats codes "4" and "n", what the text layer says
        glyph = "\u2714" if style == "zapf_check" else "\u25a0"
        s.text(x + 0.8, top + 1.5, glyph, font="ZapfDingbats", size=7.5)
    elif on and style == "glyph_check_in_box":
        s.text(x + 0.5, top + 0.5, "\u2714", font=glyph_font(), size=8)
    return x + side + 5


def _options(
    s: Sheet, style: str, top: float, label: str, options: Sequence[str], chosen: int, across: bool
) -> float:
    s.text(60, top, label, font="Helvetica-Bold")
    if across:
        x = 200.0
        for index, words in enumerate(options):
            x = _mark(s, style, x, top, index == chosen)
            s.text(x, top, words)
            x += 12 + 5.5 * len(words)
        return top + 24
    for index, words in enumerate(options):
        start = _mark(s, style, 200, top + index * 15, index == chosen)
        s.text(start, top + index * 15, words)
    return top + len(options) * 15 + 10


def ticked_form(style: str) -> Order:
    """The procurement form with its choices marked in ``style`` (one of MARKS/GLYPH_MARKS)."""
    billing, payment, renewal, across = _CHOICES[style]
    s = Sheet(LETTER, font="Helvetica", size=9.5)
    s.text(60, 46, "Orrin Bay Software Ltd - Order Form OB-" + str(4100 + len(style)), size=13)
    s.text(60, 66, "Customer: Thornbury Glass Recycling Ltd")
    s.text(60, 82, "Subscription term: 12 months from 1 March 2027. Tick one box in each row.")
    top = _options(s, style, 110, "Invoicing frequency", _BILLING, billing, across)
    top = _options(s, style, top, "Payment terms", _PAYMENT, payment, across)
    _options(s, style, top, "Automatic renewal", _RENEWAL, renewal, across)
    fields = {
        "billing_frequency": _BILLING_VALUES[billing],
        "payment_terms_days": int(_PAYMENT[payment].split()[1]),
        "auto_renewal": renewal == 0,
    }
    return Order(f"ticked_form_{style}", s.finish(), fields=fields, country="GB")
