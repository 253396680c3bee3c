"""Fit the clause model (n-gram vectoriser + cue columns -> logistic regression) and save it.

The text half is hashed tf-idf over word uni/bigrams and character 3-5-grams within word
boundaries; the rule half is the cue matrix of :class:`~triage.extraction.clauses.cues.
CueMatcher`, appended as extra columns. One multinomial logistic regression reads both,
so it learns per label how far to trust each cue against the n-grams: cues carry recall to
wording never seen, n-grams carry precision. ``lbfgs`` is deterministic, so the same
corpus gives the same weights. Hashing keeps the artifact free of a vocabulary, which is
what makes loading fast (see ``models/clauses/MODEL_CARD.md``).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from skops.io import dump
from threadpoolctl import threadpool_limits

from training.clauses.corpus import ClauseExample
from triage.extraction.clauses.classifier import METADATA_FILE, MODEL_FILE
from triage.extraction.clauses.cues import CUE_WEIGHT, combine

__all__ = [
    "FittedModel",
    "TrainConfig",
    "config_dict",
    "fit_classifier",
    "fit_features",
    "fit_model",
    "mean_classifier",
    "save_artifact",
]


@dataclass(frozen=True, slots=True)
class TrainConfig:
    """Hyper-parameters of the model (hashed feature spaces, so no vocabulary)."""

    c: float = 4.0
    word_features: int = 2**15
    char_features: int = 2**16
    max_iter: int = 400
    cue_weight: float = CUE_WEIGHT


@dataclass(frozen=True, slots=True)
class FittedModel:
    """The fitted vectoriser and logistic regression, as the artifact stores them."""

    features: FeatureUnion
    model: LogisticRegression

    def predict_proba(self, cue_rows: csr_matrix, texts: Sequence[str], weight: float) -> Any:
        """Return label probabilities for ``texts`` whose cue rows are ``cue_rows``."""
        return self.model.predict_proba(combine(self.features.transform(texts), cue_rows, weight))


def _tfidf(n_features: int, **hashing: Any) -> Pipeline:
    vectorizer = HashingVectorizer(
        n_features=n_features, alternate_sign=False, norm=None, **hashing
    )
    return Pipeline([("hash", vectorizer), ("tfidf", TfidfTransformer(sublinear_tf=True))])


def fit_features(texts: Sequence[str], config: TrainConfig) -> FeatureUnion:
    """Return the n-gram vectoriser (hashed tf-idf, words and characters) fitted on ``texts``;
    only its idf weights are fitted, no labels are read."""
    features = FeatureUnion(
        [
            ("words", _tfidf(config.word_features, ngram_range=(1, 2))),
            ("chars", _tfidf(config.char_features, analyzer="char_wb", ngram_range=(3, 5))),
        ]
    )
    return features.fit(list(texts))


def fit_classifier(rows: Any, labels: Sequence[str], config: TrainConfig) -> LogisticRegression:
    """Return the logistic regression fitted on feature ``rows`` (n-grams | cues) and labels."""
    model = LogisticRegression(C=config.c, max_iter=config.max_iter)
    # one BLAS thread: on a shared 2-core box threaded L-BFGS-B ran ~8x slower
    with threadpool_limits(limits=1):
        model.fit(rows, list(labels))
    return model


def mean_classifier(models: Sequence[LogisticRegression]) -> LogisticRegression:
    """Return one logistic regression whose weights are the mean of ``models``' weights.

    Its scores are the mean of the members' log-odds: a model as sure as each member (each
    fitted on the same share of the data), so thresholds chosen on the members' out-of-fold
    predictions hold for it, while together the members have seen every training example.
    """
    first = models[0]
    if any(list(m.classes_) != list(first.classes_) for m in models):
        raise ValueError("fold models disagree on their labels")
    mean = LogisticRegression(C=first.C, max_iter=first.max_iter)
    mean.classes_ = first.classes_
    mean.coef_ = sum(m.coef_ for m in models) / len(models)
    mean.intercept_ = sum(m.intercept_ for m in models) / len(models)
    mean.n_features_in_ = first.n_features_in_
    mean.n_iter_ = first.n_iter_
    return mean


def fit_model(
    examples: Sequence[ClauseExample], cue_rows: csr_matrix, config: TrainConfig
) -> FittedModel:
    """Return the model fitted on ``examples``, whose cue rows (same order) are ``cue_rows``."""
    texts = [e.text for e in examples]
    features = fit_features(texts, config)
    rows = combine(features.transform(texts), cue_rows, config.cue_weight)
    return FittedModel(features, fit_classifier(rows, [e.label for e in examples], config))


def save_artifact(fitted: FittedModel, out_dir: Path, metadata: dict[str, Any]) -> None:
    """Write ``model.skops`` and ``metadata.json`` into ``out_dir`` (created if missing)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    parts = {"features": fitted.features, "model": fitted.model}
    dump(parts, out_dir / MODEL_FILE, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    (out_dir / METADATA_FILE).write_text(
        json.dumps(metadata, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def config_dict(config: TrainConfig) -> dict[str, Any]:
    """Return the config as plain JSON-ready values, for the metadata file."""
    return asdict(config)
