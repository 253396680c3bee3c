"""The spaCy layer: a blank English pipeline with rule components for contract entities."""

from triage.extraction.nlp.entities import ENTITY_LABELS, build_pipeline, entity_patterns

__all__ = ["ENTITY_LABELS", "build_pipeline", "entity_patterns"]
