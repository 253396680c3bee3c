"""The spaCy layer: a blank English pipeline with rule components for contract entities."""

from triage.extraction.nlp.pipeline import ENTITY_LABELS, build_pipeline

__all__ = ["ENTITY_LABELS", "build_pipeline"]
