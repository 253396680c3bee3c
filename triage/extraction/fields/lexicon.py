"""Label synonyms: which field a key/value label names, and how sure that reading is.

The synonyms themselves are data (``models/extraction/lexicon.yaml``, read by
``triage.extraction.lexicon_data``); this module matches labels against them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from triage.extraction.lexicon_data import load_lexicon

__all__ = [
    "BLOCK_LABELS",
    "FIELD_LABELS",
    "RANGE_LABELS",
    "SIGNATURE_DATE_LABELS",
    "SIGNATURE_MARK_LABELS",
    "SIGNATURE_NAME_LABELS",
    "WEAK_LABELS",
    "match_label",
    "names_other_quantity",
]

_LEXICON = load_lexicon()
FIELD_LABELS: dict[str, tuple[str, ...]] = _LEXICON.field_labels
SIGNATURE_NAME_LABELS = _LEXICON.signature_name_labels
SIGNATURE_DATE_LABELS = _LEXICON.signature_date_labels
# Where the signature itself goes: nothing written there means the party did not sign.
SIGNATURE_MARK_LABELS = _LEXICON.signature_mark_labels


@lru_cache(maxsize=8192)  # signature blocks ask for the same few labels thousands of times
def normalise_label(label: str) -> str:
    """Return a label lower-cased with punctuation (but '#' and '-') dropped."""
    text = label.lower().replace("no.", "no").replace("&", "and")
    text = re.sub(r"[^\w#\-() ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


_EXACT: dict[str, list[str]] = {}
for _field, _labels in FIELD_LABELS.items():
    for _label in _labels:
        _EXACT.setdefault(normalise_label(_label), []).append(_field)
_MULTIWORD = re.compile(
    r"(?<!\w)("
    + "|".join(re.escape(k) for k in sorted(_EXACT, key=len, reverse=True) if " " in k)
    + r")(?!\w)"
)


# Labels that name a field only sometimes ("Total" may be a subtotal): a lower score.
WEAK_LABELS: dict[str, str] = _LEXICON.weak_labels
_OTHER_QUANTITY: dict[str, frozenset[str]] = _LEXICON.other_quantity_words
BLOCK_LABELS: frozenset[str] = _LEXICON.block_labels
# Labels whose value is a date range: the first date starts the term, the second ends it.
RANGE_LABELS = _LEXICON.range_labels


@lru_cache(maxsize=8192)
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
    text = normalise_label(label)
    bare = normalise_label(re.sub(r"\([^)]*\)", " ", label))  # "(YYYY-MM-DD)", "(as registered)"
    if text not in _EXACT and bare in _EXACT:
        text = bare
    if text in _EXACT:
        return tuple((field, 1.0) for field in _EXACT[text])
    if text in WEAK_LABELS:
        return ((WEAK_LABELS[text], 0.7),)
    if len(text.split()) > 6:
        return ()
    spans: list[tuple[int, int, str]] = []
    for start in range(len(text)):
        if start and text[start - 1].isalnum():
            continue  # (inside a word: no synonym starts here)
        match = _MULTIWORD.match(text, start)
        if match:
            spans.append((start, match.end(), match.group(1)))
    # Overlapping synonyms: the longest wins ("purchase order ref" is a PO, not an "order ref").
    kept: list[tuple[int, int, str]] = []
    for span in sorted(spans, key=lambda s: s[0] - s[1]):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    found = {
        field: 0.75
        for _, _, synonym in kept
        for field in _EXACT[synonym]
        if not names_other_quantity(text, field)
    }
    return tuple(sorted(found.items()))


def names_other_quantity(label: str, field: str) -> bool:
    """Whether ``label`` qualifies a synonym of ``field`` into another quantity ("Annual
    contract value" is no total contract value)."""
    words = set(normalise_label(label).split())
    return bool(words & _OTHER_QUANTITY.get(field, frozenset()))
