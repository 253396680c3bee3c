"""The clause classifier: a skops-saved text pipeline plus the rules that turn its
predictions on a document's paragraphs into :class:`~triage.contract.Clause` findings.

The artifact directory holds ``model.skops`` (tf-idf word and character n-grams feeding
a logistic regression) and ``metadata.json`` (version, labels, threshold). The skops
file is loaded with an explicit list of trusted types; anything else in it is refused.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from skops.io import load

from triage.contract import Clause, ClauseType, Evidence
from triage.documents.parsed import ParsedDocument
from triage.errors import ConfigError
from triage.extraction.clauses.labels import CLAUSE_LABELS, STANDARD_LABEL
from triage.extraction.clauses.segmentation import ClauseCandidate, segment_document

__all__ = ["METADATA_FILE", "MODEL_FILE", "TRUSTED_TYPES", "ClauseClassifier"]

MODEL_FILE = "model.skops"
METADATA_FILE = "metadata.json"

TRUSTED_TYPES: frozenset[str] = frozenset(
    {
        "builtins.dict",
        "builtins.list",
        "builtins.tuple",
        "builtins.str",
        "builtins.int",
        "builtins.float",
        "builtins.bool",
        "numpy.dtype",
        "numpy.ndarray",
        "numpy.float64",
        "numpy.int64",
        "scipy.sparse._csr.csr_matrix",
        "sklearn.feature_extraction.text.TfidfTransformer",
        "sklearn.feature_extraction.text.HashingVectorizer",
        "sklearn.linear_model._logistic.LogisticRegression",
        "sklearn.pipeline.FeatureUnion",
        "sklearn.pipeline.Pipeline",
    }
)
"""Every type the shipped ``model.skops`` may contain; loading refuses any other."""


class _TextPipeline(Protocol):
    classes_: Any

    def predict_proba(self, texts: Sequence[str]) -> Any: ...


@dataclass(frozen=True, slots=True)
class ClauseClassifier:
    """Finds non-standard clauses in a parsed document. Load once, share freely."""

    pipeline: _TextPipeline
    version: str
    threshold: float

    @classmethod
    def load(cls, path: Path) -> ClauseClassifier:
        """Return the classifier stored in directory ``path``; ConfigError if it is unusable."""
        try:
            metadata = json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
            pipeline = cast(_TextPipeline, load(path / MODEL_FILE, trusted=sorted(TRUSTED_TYPES)))
        except (OSError, ValueError, KeyError, TypeError) as error:
            # skops raises UntrustedTypesFoundException (a TypeError) for a type not listed
            raise ConfigError(f"cannot load the clause model from {path}: {error}") from error
        if sorted(pipeline.classes_) != sorted(CLAUSE_LABELS):
            raise ConfigError(f"clause model labels {list(pipeline.classes_)} are not ours")
        return cls(pipeline, str(metadata["version"]), float(metadata["threshold"]))

    def classify_texts(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Return, per text, the most probable label and its probability."""
        if not texts:
            return []
        probabilities = self.pipeline.predict_proba(list(texts))
        labels = [str(label) for label in self.pipeline.classes_]
        best = probabilities.argmax(axis=1)
        return [
            (labels[int(i)], float(row[int(i)])) for i, row in zip(best, probabilities, strict=True)
        ]

    def find_clauses(self, document: ParsedDocument) -> list[Clause]:
        """Return one Clause per paragraph classified non-standard above the threshold."""
        candidates = segment_document(document)
        predictions = self.classify_texts([c.text for c in candidates])
        return [
            _clause(candidate, label, probability)
            for candidate, (label, probability) in zip(candidates, predictions, strict=True)
            if label != STANDARD_LABEL and probability >= self.threshold
        ]


def _clause(candidate: ClauseCandidate, label: str, probability: float) -> Clause:
    evidence = [
        Evidence(page=page, bbox=line.bbox, text=line.text) for page, line in candidate.lines
    ]
    return Clause(
        type=ClauseType(label),
        text=candidate.text,
        confidence=round(probability, 4),
        evidence=evidence,
    )
