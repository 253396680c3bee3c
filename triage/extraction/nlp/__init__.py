"""The spaCy layer: a blank English pipeline with rule components for contract entities."""

from triage.extraction.nlp.entities import ENTITY_LABELS, build_pipeline, entity_patterns
from triage.extraction.nlp.zones import PipelineZone

__all__ = ["ENTITY_LABELS", "PipelineZone", "build_pipeline", "entity_patterns"]
