"""Build the spaCy pipeline: ``spacy.blank("en")`` plus the entity ruler of contract terms."""

from __future__ import annotations

import spacy
from spacy.language import Language

from triage.extraction.nlp.patterns import entity_patterns

__all__ = ["ENTITY_LABELS", "build_pipeline"]

ENTITY_LABELS = ("DATE", "MONEY", "DURATION", "DAYS", "PERCENT", "FREQ")


def build_pipeline() -> Language:
    """Return a blank English pipeline whose entity ruler marks the contract entities.

    Overlapping matches keep the longest span ("forty-five (45) days" over "45").
    """
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True, "validate": True})
    ruler.add_patterns(entity_patterns())  # type: ignore[attr-defined]
    return nlp
