"""ParsedDocument -> Extraction: terms, line items and clauses, each with evidence.

The public surface is :class:`OrderExtractor`; everything else is private machinery
(normalisers, the spaCy entity layer, layout analysis, field finders, line assembly and
the confidence calibration).
"""

from triage.extraction.extractor import EXTRACTOR_VERSION, OrderExtractor

__all__ = ["EXTRACTOR_VERSION", "OrderExtractor"]
