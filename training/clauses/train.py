"""Fit the clause text classifier and save it as a skops artifact.

The model is a scikit-learn pipeline: hashed tf-idf over word uni/bigrams and over
character 3-5-grams within word boundaries, feeding a multinomial logistic regression. Character
n-grams carry the evidence across inflections and unseen compounds ("terminable",
"instalment"), which matters more here than depth: see ``models/clauses/MODEL_CARD.md``
for the spaCy textcat comparison that led to this choice. ``lbfgs`` is deterministic, so
the same corpus gives the same weights.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from skops.io import dump

from training.clauses.corpus import ClauseExample
from triage.extraction.clauses.classifier import METADATA_FILE, MODEL_FILE

__all__ = ["TrainConfig", "config_dict", "fit_pipeline", "save_artifact"]


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Hyper-parameters of the text pipeline (hashed feature spaces, so no vocabulary)."""

    c: float = 10.0
    word_features: int = 2**15
    char_features: int = 2**16
    max_iter: int = 2000


def _tfidf(n_features: int, **hashing: Any) -> Pipeline:
    vectorizer = HashingVectorizer(
        n_features=n_features, alternate_sign=False, norm=None, **hashing
    )
    return Pipeline([("hash", vectorizer), ("tfidf", TfidfTransformer(sublinear_tf=True))])


def fit_pipeline(examples: Sequence[ClauseExample], config: TrainConfig) -> Pipeline:
    """Return the text pipeline fitted on ``examples`` (texts -> label probabilities).

    Hashed features keep the artifact free of a vocabulary, so it loads in well under a
    second; collisions at these sizes cost nothing measurable.
    """
    features = FeatureUnion(
        [
            ("words", _tfidf(config.word_features, ngram_range=(1, 2))),
            ("chars", _tfidf(config.char_features, analyzer="char_wb", ngram_range=(3, 5))),
        ]
    )
    pipeline = Pipeline(
        [
            ("features", features),
            ("model", LogisticRegression(C=config.c, max_iter=config.max_iter)),
        ]
    )
    pipeline.fit([e.text for e in examples], [e.label for e in examples])
    return pipeline


def save_artifact(pipeline: Pipeline, out_dir: Path, metadata: dict[str, Any]) -> None:
    """Write ``model.skops`` and ``metadata.json`` into ``out_dir`` (created if missing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    dump(pipeline, out_dir / MODEL_FILE, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    (out_dir / METADATA_FILE).write_text(
        json.dumps(metadata, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def config_dict(config: TrainConfig) -> dict[str, Any]:
    """Return the config as plain JSON-ready values, for the metadata file."""
    return asdict(config)
