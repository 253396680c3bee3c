"""How both signature readers read a signature block's words: the label a run starts with,
and names compared without case, spaces or punctuation.

``fields.signature`` (blocks found from their labels) and ``fields.signing_blocks`` (blocks
found from their party headings) read the same captions, so they share these rules.
"""

from __future__ import annotations

import re

from triage.extraction.fields.lexicon import normalise_label

__all__ = ["label_head", "squash"]

_NOT_ALNUM = re.compile(r"[^a-z0-9]")
# A note in brackets, closed or left open at the end: OCR often loses a small closing
# bracket ("Name (print").
_BRACKETED = re.compile(r"\([^)]*(?:\)|$)")


def squash(text: str) -> str:
    """Return ``text`` lower-cased with everything but letters a-z and digits dropped."""
    return _NOT_ALNUM.sub("", text.lower())


def label_head(text: str) -> str:
    """Return the normalised label a run starts with: its words before the first colon,
    bracketed notes dropped ("Date (YYYY-MM-DD): 3 May" -> "date", "Name (print" -> "name").

    Whether the head is a block label is the caller's question (each reader knows its own).
    """
    return normalise_label(_BRACKETED.sub(" ", text.split(":")[0]))
