"""Candidates from label/value pairs: the label names the field, the value parses as it."""

from __future__ import annotations

from triage.extraction.fields.candidates import Candidate, Source, parse_field_value
from triage.extraction.fields.lexicon import (
    DOCUMENT_DATE_LABELS,
    ENDS_IN_LEGAL_FORM,
    RANGE_LABELS,
    match_label,
    names_other_quantity,
    normalise_label,
)
from triage.extraction.label_model import LabelModel
from triage.extraction.layout.keyvalue import Arrangement, KeyValue
from triage.extraction.layout.segments import PlacedWord
from triage.extraction.normalise import DateStyle
from triage.extraction.normalise.dates import DATE_PATTERN, parse_date

__all__ = ["header_date_candidates", "label_candidates"]

# A label the lexicon does not know is read by the model; its candidates stay below the
# lexicon's so that a known label always wins, and below 0.9 confidence on their own.
_MODEL_WEIGHT = 0.6
_MODEL_MAX_WORDS = 6  # a label is a few words; a sentence over a box is no label
_ONE_LINE_FIELDS = frozenset({"customer_legal_name", "provider_legal_name", "customer_signatory"})
# How much each arrangement says about a pair being a real label and its value.
_ARRANGEMENT_SCORE = {
    Arrangement.INLINE: 1.0,
    Arrangement.CELL: 1.0,  # a form box names its value as surely as a colon does
    Arrangement.RIGHT: 0.95,
    Arrangement.ROW: 1.0,  # a label cell and its value cell, a drawn rule between them
    Arrangement.BELOW: 0.85,
    Arrangement.ABOVE: 0.95,  # a label under the drawn line its value is written on
}

# Arrangements that set a label apart from its value (over or under it, in its box), and
# those where a drawn box or rule joins the two as surely as a colon.
# (A ruled row's label cell is not read by the model: a quote's header rows such as "Valid
# until" are labels of no contract field, and the model would name one.)
_SET_APART = frozenset({Arrangement.BELOW, Arrangement.CELL, Arrangement.ABOVE})
_DRAWN = frozenset({Arrangement.CELL, Arrangement.ABOVE, Arrangement.ROW})


def _name_lines(words: tuple[PlacedWord, ...]) -> tuple[PlacedWord, ...]:
    """A name's words: its first line and the short wrapped rest of it ("LIMITED"), not the
    address a boxed cell goes on with ("Via Tortona 33, 20144 Milano")."""
    lines: dict[tuple[int, int], list[PlacedWord]] = {}
    for placed in words:
        lines.setdefault(placed[:2], []).append(placed)
    kept: list[PlacedWord] = []
    for index, line in enumerate(lines.values()):
        text = " ".join(w.text for _, _, w in line)
        if index and (len(line) > 3 or any(c.isdigit() or c in "@,:" for c in text)):
            break
        if index and (ENDS_IN_LEGAL_FORM.search(_text(kept)) or _case_changes(_text(kept), text)):
            break  # the name is whole ("... LIMITED"), or a line in other type goes on
        kept += line
    return tuple(kept)


def _text(words: list[PlacedWord]) -> str:
    return " ".join(w.text for _, _, w in words)


def _case_changes(name: str, line: str) -> bool:
    """A name in capitals goes on in capitals, not in mixed case ("Finance Department")."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and line != line.upper()


def _range_candidates(pair: KeyValue, style: DateStyle | None) -> list[Candidate]:
    """``Service Period: 01 Apr 2027 - 31 Mar 2028``: a start and an end date."""
    if normalise_label(pair.label) not in RANGE_LABELS:
        return []
    dates = [parse_date(m.group(0), style) for m in DATE_PATTERN.finditer(pair.value_text)]
    if len(dates) != 2 or dates[0] is None or dates[1] is None or dates[0] >= dates[1]:
        return []
    score = 0.9 * _ARRANGEMENT_SCORE[pair.arrangement]
    return [
        Candidate("start_date", dates[0], score, Source.LABEL, pair.value),
        Candidate("end_date", dates[1], score, Source.LABEL, pair.value),
    ]


def _fields_named(pair: KeyValue, label_model: LabelModel | None) -> tuple[tuple[str, float], ...]:
    """The lexicon's reading of the label; failing that, the trained model's, scored lower
    and only for a label that ends in a colon (so surely is a label)."""
    known = match_label(pair.label)
    # A label set over its value in a form box is surely a label, colon or not.
    surely_label = pair.colon or pair.arrangement in _SET_APART
    surely_label = surely_label and len(pair.label.split()) <= _MODEL_MAX_WORDS
    if known or label_model is None or not surely_label:
        return known
    guess = label_model.field_of(pair.label)
    if guess is None or names_other_quantity(pair.label, guess[0]):
        return ()
    return ((guess[0], _MODEL_WEIGHT * guess[1]),)


def label_candidates(
    pairs: list[KeyValue], style: DateStyle | None, label_model: LabelModel | None = None
) -> list[Candidate]:
    """Return a candidate for every pair whose label names a field and whose value parses."""
    found: list[Candidate] = []
    for pair in pairs:
        found.extend(_range_candidates(pair, style))
        for field, label_score in _fields_named(pair, label_model):
            words = pair.value
            if field in _ONE_LINE_FIELDS:
                words = _name_lines(words)
            text = " ".join(w.text for _, _, w in words)
            value = parse_field_value(field, text, style)
            if value is None:
                continue
            boxed = pair.colon or pair.arrangement in _DRAWN
            score = label_score * _ARRANGEMENT_SCORE[pair.arrangement] * (1.0 if boxed else 0.9)
            found.append(Candidate(field, value, score, Source.LABEL, words))
    return found


_HEADER_SHARE = 0.35  # the document's header: the top of the first page
_HEADER_DATE_SCORE = 0.6


def header_date_candidates(
    pairs: list[KeyValue], page_height: float, style: DateStyle | None
) -> list[Candidate]:
    """The document's date from a bare "Date" label in the first page's header (a quote's
    "Quote # … Date … Valid until" column), not from one further down (a signing date)."""
    found: list[Candidate] = []
    for pair in pairs:
        if pair.page != 1 or normalise_label(pair.label) not in DOCUMENT_DATE_LABELS:
            continue
        if pair.arrangement is Arrangement.ABOVE:
            continue  # a date written over a line with "Date" under it: a signing date
        if pair.value[0][2].top > _HEADER_SHARE * page_height:
            continue
        value = parse_field_value("order_date", pair.value_text, style)
        if value is not None:
            score = _HEADER_DATE_SCORE * _ARRANGEMENT_SCORE[pair.arrangement]
            found.append(Candidate("order_date", value, score, Source.LABEL, pair.value))
    return found
