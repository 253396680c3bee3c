"""Label synonyms: which field a key/value label names, and how sure that reading is.

The synonyms themselves are data (``models/extraction/lexicon.yaml``, read by
``triage.extraction.lexicon_data``); this module matches labels against them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from triage.extraction.lexicon_data import alternation, load_lexicon
from triage.extraction.normalise.money import ISO_CODES

__all__ = [
    "ADDRESSEE_LABELS",
    "BLOCK_LABELS",
    "DOCUMENT_DATE_LABELS",
    "ENDS_IN_LEGAL_FORM",
    "FEE_LABELS",
    "FIELD_LABELS",
    "HONORIFICS",
    "LEGAL_FORM",
    "LOWERCASE_LEGAL_FORMS",
    "NAME_JOINERS",
    "RANGE_LABELS",
    "SALUTATIONS",
    "SIGNATURE_BLOCK_LABELS",
    "SIGNATURE_DATE_LABELS",
    "SIGNATURE_MARK_LABELS",
    "SIGNATURE_NAME_LABELS",
    "TAX_LABEL",
    "WEAK_LABELS",
    "match_label",
    "names_other_quantity",
]

_LEXICON = load_lexicon()
FIELD_LABELS: dict[str, tuple[str, ...]] = _LEXICON.field_labels
SIGNATURE_NAME_LABELS = _LEXICON.signature_name_labels
# A recurring fee's labels ("Fees", "Subscription fee"): an amount per period, no total.
FEE_LABELS = _LEXICON.fee_labels
SIGNATURE_DATE_LABELS = _LEXICON.signature_date_labels
# Where the signature itself goes: nothing written there means the party did not sign.
SIGNATURE_MARK_LABELS = _LEXICON.signature_mark_labels
# Every label of a signature block's own lines: name, date and signature.
SIGNATURE_BLOCK_LABELS = SIGNATURE_NAME_LABELS | SIGNATURE_DATE_LABELS | SIGNATURE_MARK_LABELS


@lru_cache(maxsize=8192)  # signature blocks ask for the same few labels thousands of times
def normalise_label(label: str) -> str:
    """Return a label lower-cased with punctuation (but '#' and '-') dropped."""
    text = label.lower().replace("no.", "no").replace("&", "and")
    text = re.sub(r"[^\w#\-() ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_ABBREVIATIONS: dict[str, str] = _LEXICON.label_abbreviations


def _canonical(label: str) -> str:
    """The normalised label with its abbreviations written out ("order ref" -> "order
    reference"), the form labels are matched in."""
    return " ".join(_ABBREVIATIONS.get(word, word) for word in normalise_label(label).split())


_EXACT: dict[str, list[str]] = {}
for _field, _labels in FIELD_LABELS.items():
    for _label in _labels:
        _named = _EXACT.setdefault(_canonical(_label), [])
        if _field not in _named:
            _named.append(_field)
_MULTIWORD = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(k) for k in sorted(_EXACT, key=len, reverse=True) if " " in k)
    + r")(?!\w)"
)


# Labels that name a field only sometimes ("Total" may be a subtotal): a lower score.
WEAK_LABELS: dict[str, str] = _LEXICON.weak_labels
_WEAK: dict[str, str] = {_canonical(label): field for label, field in WEAK_LABELS.items()}
_OTHER_QUANTITY: dict[str, frozenset[str]] = _LEXICON.other_quantity_words
_TAXES = alternation(_LEXICON.tax_words)
TAX_LABEL = re.compile(rf"(?<!\w)(?:{_TAXES})(?!\w)")
"""A tax named in a normalised label ("vat 20 %", "sales tax (8 25%)", "mwst 19 %")."""
# A total's label qualified as before tax: "total hors tva", "total excl vat", "total ht".
_BEFORE_TAX = re.compile(
    rf"\s+(?:(?:{alternation(_LEXICON.before_tax_words['exclusions'])})\s+(?:{_TAXES})"
    rf"|{alternation(_LEXICON.before_tax_words['alone'])})$"
)
BLOCK_LABELS: frozenset[str] = _LEXICON.block_labels
ADDRESSEE_LABELS: frozenset[str] = _LEXICON.addressee_labels
DOCUMENT_DATE_LABELS: frozenset[str] = _LEXICON.document_date_labels
HONORIFICS: frozenset[str] = _LEXICON.honorifics
SALUTATIONS: frozenset[str] = _LEXICON.salutations
NAME_JOINERS: frozenset[str] = _LEXICON.name_joiners


def _printed_form(form: str) -> str:
    """A legal form as a pattern: each dot optional, spaces any run of spaces."""
    return r"\s+".join(re.escape(part).replace(r"\.", r"\.?") for part in form.split())


# A legal form as printed or in capitals ("Ltd", "LTD"), longest first ("Pty Ltd" before
# "Ltd"), with its closing dot: the pattern a company's name ends in.
LEGAL_FORM = (
    "(?:"
    + "|".join(
        _printed_form(variant)
        for variant in sorted(
            {v for form in _LEXICON.legal_forms for v in (form, form.upper())},
            key=len,
            reverse=True,
        )
    )
    + r")\.?"
)
# A text that ends in a legal form, trailing punctuation allowed ("Acme Pty Ltd.,").
ENDS_IN_LEGAL_FORM = re.compile(rf"\b{LEGAL_FORM}\W*$")
# Legal forms that are abbreviations, as they may also be printed in lower case ("plc",
# "gmbh"); whole words such as "Limited" or "Company" are not, in lower case, a form.
LOWERCASE_LEGAL_FORMS: frozenset[str] = frozenset(
    word.lower().replace(".", "")
    for form in _LEXICON.legal_forms
    for word in form.split()  # "Pty Ltd": "pty", "ltd"
    if not (word.isalpha() and word.istitle() and len(word) > 4)
)
# Labels whose value is a date range: the first date starts the term, the second ends it.
RANGE_LABELS = _LEXICON.range_labels


# Asked of every segment's text, most of which (names, amounts, addresses) is new in each
# order: the real labels recur and stay at the cache's head, while the one-off texts only
# fill it. On 600 orders 2,048 entries hit 92.0 % of 158k calls (8,192: 95.6 %, 8 us per
# miss: +0.08 ms per order) and are full within ~150 orders, where 8,192 went on growing a
# long-lived worker by ~1 KB per order until order ~800 (about 2 MB when full).
@lru_cache(maxsize=2048)
def match_label(label: str) -> tuple[tuple[str, float], ...]:
    """Return the fields ``label`` may name with a score: 1.0 exact, 0.75 containing a synonym."""
    whole = _match_whole(label)
    if "/" in label and not any(score >= 1.0 for _, score in whole):
        # A bilingual label ("Payment terms / Zahlungsziel"): either half may name the field.
        for half in label.split("/"):
            found = _match_whole(half) if half.strip() else ()
            if found and max(s for _, s in found) > max((s for _, s in whole), default=0.0):
                return found
    return whole


def _match_whole(label: str) -> tuple[tuple[str, float], ...]:
    text = _canonical(label)
    bare = _canonical(re.sub(r"\([^)]*\)", " ", label))  # "(YYYY-MM-DD)", "(as registered)"
    if text not in _EXACT and bare in _EXACT:
        text = bare
    words = text.split()
    if len(words) > 1 and words[-1].upper() in ISO_CODES and text not in _EXACT:
        # The currency its amounts are in, printed after a label ("TOTAL GBP  50,880.00")
        text = " ".join(words[:-1])
    if text not in _EXACT and text not in _WEAK:
        text = _total_before_tax(text)
    if text in _EXACT:
        return tuple((field, 1.0) for field in _EXACT[text])
    if text in _WEAK:
        return ((_WEAK[text], 0.7),)
    if len(text.split()) > 6:
        return ()
    spans: list[tuple[int, int, str]] = []
    for start in range(len(text)):
        if start and text[start - 1].isalnum():
            continue  # (inside a word: no synonym starts here)
        match = _MULTIWORD.match(text, start)
        if match:
            spans.append((start, match.end(), match.group(1)))
    # Overlapping synonyms: the leftmost wins, then the longest ("purchase order reference"
    # is a PO's reference, not an "order reference"; "order form number" is not an "order").
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    found = {
        field: 0.75
        for _, _, synonym in kept
        for field in _EXACT[synonym]
        if not names_other_quantity(text, field)
    }
    return tuple(sorted(found.items()))


def _total_before_tax(text: str) -> str:
    """A total's label without the words that say its amount is before tax ("total hors
    tva" -> "total"); any other label as it is."""
    bare = _BEFORE_TAX.sub("", text)
    named = _EXACT.get(bare) or [_WEAK.get(bare, "")]
    return bare if bare != text and "total_contract_value" in named else text


def names_other_quantity(label: str, field: str) -> bool:
    """Whether ``label`` qualifies a synonym of ``field`` into another quantity ("Annual
    contract value" is no total contract value)."""
    words = set(normalise_label(label).split())
    return bool(words & _OTHER_QUANTITY.get(field, frozenset()))
