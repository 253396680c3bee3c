"""A trained spaCy text classifier that reads a key/value label as a field name.

The lexicon (``fields.lexicon``) knows the usual labels exactly; this model generalises to
wordings it lacks ("Subscription Commencement" -> start_date) from the words labels share.
It is consulted only when the lexicon finds nothing, and its candidates score lower.
The model is trained by ``python -m training.extraction.fit_label_model`` and stored in
spaCy's own format (config + weights, no pickle) under ``models/extraction/labels``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from triage.extraction.fields.lexicon import normalise_label

__all__ = ["NO_FIELD", "LabelModel"]

NO_FIELD = "none"
_MIN_PROBABILITY = 0.8


class LabelModel:
    """Wraps the trained text classifier; ``field_of`` answers one label at a time."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self._field_of = lru_cache(maxsize=8192)(self._predict)

    @classmethod
    def load(cls, path: Path) -> LabelModel | None:
        """Return the model stored at ``path``, or None when none was trained."""
        if not (path / "config.cfg").exists():
            return None
        return cls(spacy.load(path))

    def _predict(self, text: str) -> tuple[str, float] | None:
        scores = self.nlp(text).cats
        field, probability = max(scores.items(), key=lambda item: item[1])
        if field == NO_FIELD or probability < _MIN_PROBABILITY:
            return None
        return field, probability

    def field_of(self, label: str) -> tuple[str, float] | None:
        """Return the field ``label`` most probably names and its probability, or None."""
        text = normalise_label(label)
        if not text or len(text.split()) > 6 or any(ch.isdigit() for ch in text):
            return None
        result: tuple[str, float] | None = self._field_of(text)
        return result
