"""Non-standard clause detection: segment a ParsedDocument into paragraphs, classify each.

``ClauseClassifier.load(path)`` reads the shipped artifact (``models/clauses``);
``find_clauses(document)`` returns the contract's ``Clause`` findings with evidence.
"""

from triage.extraction.clauses.classifier import TRUSTED_TYPES, ClauseClassifier
from triage.extraction.clauses.labels import CLAUSE_LABELS, STANDARD_LABEL
from triage.extraction.clauses.segmentation import ClauseCandidate, segment_document

__all__ = [
    "CLAUSE_LABELS",
    "STANDARD_LABEL",
    "TRUSTED_TYPES",
    "ClauseCandidate",
    "ClauseClassifier",
    "segment_document",
]
