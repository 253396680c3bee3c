"""Candidates from label/value pairs: the label names the field, the value parses as it."""

from __future__ import annotations

from triage.extraction.fields.candidates import Candidate, Source, parse_field_value
from triage.extraction.fields.lexicon import match_label
from triage.extraction.layout.keyvalue import Arrangement, KeyValue
from triage.extraction.normalise import DateStyle

__all__ = ["label_candidates"]

# How much each arrangement says about a pair being a real label and its value.
_ARRANGEMENT_SCORE = {Arrangement.INLINE: 1.0, Arrangement.RIGHT: 0.95, Arrangement.BELOW: 0.85}


def label_candidates(pairs: list[KeyValue], style: DateStyle | None) -> list[Candidate]:
    """Return a candidate for every pair whose label names a field and whose value parses."""
    found: list[Candidate] = []
    for pair in pairs:
        for field, label_score in match_label(pair.label):
            value = parse_field_value(field, pair.value_text, style)
            if value is None:
                continue
            score = label_score * _ARRANGEMENT_SCORE[pair.arrangement] * (1.0 if pair.colon else 0.9)
            found.append(Candidate(field, value, score, Source.LABEL, pair.value))
    return found
