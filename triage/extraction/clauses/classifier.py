"""The clause classifier: cue rules plus a linear text model, and the document-level finder.

The artifact directory holds ``model.skops`` (a dict of the fitted n-gram vectoriser and
the logistic regression that reads n-grams and cue columns together) and
``metadata.json`` (version, labels, cue names, per-type thresholds). The skops file is
loaded with an explicit list of trusted types; anything else in it is refused.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from skops.io import load
from spacy.language import Language

from triage.contract import Clause, ClauseType, Evidence
from triage.documents.parsed import ParsedDocument
from triage.errors import ConfigError
from triage.extraction.clauses.cues import CUE_NAMES, CueMatcher, TextFeatures, feature_matrix
from triage.extraction.clauses.labels import CLAUSE_LABELS, STANDARD_LABEL, decide
from triage.extraction.clauses.sections import CLOSER_LOOK_FACTOR, closer_look
from triage.extraction.clauses.segmentation import ClauseCandidate, segment_document
from triage.extraction.clauses.text_features import CachedTextFeatures

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


class _LinearModel(Protocol):
    classes_: Any

    def predict_proba(self, rows: Any) -> Any: ...


@dataclass(frozen=True, slots=True)
class ClauseClassifier:
    """Finds non-standard clauses in a parsed document. Load once, share freely."""

    vectoriser: TextFeatures
    model: _LinearModel
    cues: CueMatcher
    version: str
    thresholds: Mapping[str, float]
    cue_weight: float

    @classmethod
    def load(cls, path: Path, cues: CueMatcher | None = None) -> ClauseClassifier:
        """Return the classifier stored in directory ``path``; ConfigError if it is unusable."""
        try:
            metadata = json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
            parts = cast(dict[str, Any], load(path / MODEL_FILE, trusted=sorted(TRUSTED_TYPES)))
            vectoriser, model = CachedTextFeatures(parts["features"]), parts["model"]
            thresholds = {str(k): float(v) for k, v in metadata["thresholds"].items()}
            cue_names, cue_weight = tuple(metadata["cue_names"]), float(metadata["cue_weight"])
        except (OSError, ValueError, KeyError, TypeError) as error:
            # skops raises UntrustedTypesFoundException (a TypeError) for a type not listed
            raise ConfigError(f"cannot load the clause model from {path}: {error}") from error
        if sorted(model.classes_) != sorted(CLAUSE_LABELS):
            raise ConfigError(f"clause model labels {list(model.classes_)} are not ours")
        if cue_names != CUE_NAMES:
            raise ConfigError("clause model was trained on other cue rules; retrain it")
        version = str(metadata["version"])
        return cls(vectoriser, model, cues or CueMatcher(), version, thresholds, cue_weight)

    @property
    def pipelines(self) -> tuple[Language, ...]:
        """Return the spaCy pipelines this classifier tokenises with (for memory zones)."""
        return (self.cues.nlp,)

    def threshold_for(self, label: str) -> float:
        """Return the probability a finding of clause type ``label`` must reach."""
        return self.thresholds[label]

    def probabilities(self, texts: Sequence[str]) -> tuple[list[str], Any]:
        """Return the label order and a texts x labels array of probabilities."""
        rows = feature_matrix(self.vectoriser, self.cues, texts, self.cue_weight)
        return [str(label) for label in self.model.classes_], self.model.predict_proba(rows)

    def classify_texts(self, texts: Sequence[str]) -> list[tuple[str, float]]:
        """Return, per text, the decided label (a clause type or standard) and its probability."""
        if not texts:
            return []
        labels, probabilities = self.probabilities(texts)
        return [decide(row, labels, self.thresholds) for row in probabilities]

    def find_clauses(self, document: ParsedDocument) -> list[Clause]:
        """Return one Clause per paragraph classified as a clause type: the candidates the
        clause playbook judges. Under a closer look (``sections``) the bar is lower."""
        candidates = segment_document(document)
        if not candidates:
            return []
        labels, probabilities = self.probabilities([c.text for c in candidates])
        relaxed = {k: v * CLOSER_LOOK_FACTOR for k, v in self.thresholds.items()}
        found = []
        for candidate, row in zip(candidates, probabilities, strict=True):
            closer = closer_look(candidate.text, candidate.section)
            label, probability = decide(row, labels, relaxed if closer else self.thresholds)
            if label != STANDARD_LABEL:
                found.append(_clause(candidate, label, probability))
        return found


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
