"""Is a text layer usable? The share of readable characters and of known words says.

A font without a Unicode map gives pdfium glyph codes instead of letters: the page has a
text layer, but its "words" are control characters, private-use code points or letter
salad. No flag in the PDF says so, so the words are judged by what they contain: the
share of characters that are ordinary letters, digits and punctuation, and the share of
word-like tokens that are common words of an order form (or at least pronounceable).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from triage.documents.parsed import Word

__all__ = ["text_layer_usable"]

_COMMON_WORDS = """a an and any are as at be by for from in is it of on or per shall the this
    to will with
    all date days due each end fee fees form from invoice net no not order page party price
    payment quantity renewal start subscription term terms total unit customer provider
    agreement signature name title service services months year years annual monthly notice
    amount description sku qty number tax taxes support platform seats license licence
    billing bill contract effective signed behalf accepted agreed between ltd inc corporation
    gmbh limited company llc plc sa bv"""
_COMMON = frozenset(_COMMON_WORDS.split())
_TOKEN = re.compile(r"[^\W\d_]{2,}")
_VOWELS = re.compile(r"[aeiouyäöüéèêàáíóú]", re.IGNORECASE)
_MIN_CHARS = 40


def _readable(char: str) -> bool:
    category = unicodedata.category(char)
    if category[0] in "LNPSZ" and category not in ("Co", "Cn"):
        return char != "\ufffd" and (category[0] != "L" or ord(char) < 0x0530)
    return False


def _word_like(token: str) -> bool:
    lowered = token.lower()
    if lowered in _COMMON:
        return True
    # Pronounceable: has a vowel and no run of five consonants.
    return bool(_VOWELS.search(lowered)) and not re.search(r"[^aeiouy\W]{5}", lowered)


def text_layer_usable(words: Sequence[Word]) -> bool:
    """Return False when the words are mostly unreadable characters or letter salad.

    Pages with fewer than 40 characters are judged usable (too little to tell; a page of
    only a heading is normal); an image-only page has no words and is handled apart.
    """
    text = "".join(w.text for w in words)
    if len(text) < _MIN_CHARS:
        return True
    readable = sum(1 for char in text if _readable(char)) / len(text)
    if readable < 0.85:
        return False
    tokens = [t for w in words for t in _TOKEN.findall(w.text)]
    if len(tokens) < 8:
        return True
    known = sum(1 for t in tokens if t.lower() in _COMMON) / len(tokens)
    word_like = sum(1 for t in tokens if _word_like(t)) / len(tokens)
    return known >= 0.03 and word_like >= 0.6
