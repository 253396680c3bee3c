"""Cross-fitting: K fold models whose out-of-fold predictions choose the thresholds.

The CUAD contracts of the training and validation splits are dealt into ``folds`` folds
by file name (independently of the held-out bucket), and so are the composed corpus's
validation and held-out families. Fold model k is fitted on everything else (the training
families, the other folds' families and contracts) and predicts fold k: its families, and
every sentence of its contracts, not only the sample the corpus keeps of them, so a
threshold's precision is judged at the real mix of clauses and ordinary text. Thresholds
are chosen on the validation families and the contracts; the held-out families only
report. The held-out CUAD contracts are seen by no fold model.

Every composed family is thus seen by two of three members: leaving the held-out families
out of the shipped model altogether made the generator's standard "the limitation of
liability ... applies without modification" a liability finding in 56 of 200 orders.

The shipped model is the mean of the fold models (:func:`~training.clauses.train.
mean_classifier`): as sure of its inputs as each member, so the thresholds chosen on the
members' out-of-fold predictions hold for it.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from training.clauses.corpus import HELD_OUT, TRAIN, ClauseExample
from training.clauses.cuad import CuadSentence
from training.clauses.train import (
    FittedModel,
    TrainConfig,
    fit_classifier,
    fit_features,
    mean_classifier,
)
from triage.extraction.clauses.cues import CueMatcher, combine

__all__ = ["CrossFit", "cross_fit", "fold_of"]


def fold_of(group: str, folds: int) -> int:
    """Return the fold of a family or contract name: crc32 above the split bucket, mod K."""
    return (zlib.crc32(group.encode()) // 5) % folds


@dataclass(frozen=True, slots=True)
class CrossFit:
    """The shipped model (mean of the fold models) and the out-of-fold predictions.

    ``corpus`` holds a probability row per corpus example: from the fold model blind to it
    where it has a fold, else from the shipped model (training families, which every
    member saw, and held-out contracts, which none did); ``sentences`` the labels and
    out-of-fold probabilities of every CUAD sentence of the training and validation
    contracts; ``labels`` the column order.
    """

    model: FittedModel
    labels: list[str]
    corpus: Any
    sentences: tuple[list[str], Any]


def _fold(example: ClauseExample, folds: int) -> int | None:
    """Return the fold an example is predicted in, or None when every fold model trains on
    it (training families) or none does (held-out contracts)."""
    if example.group.startswith("cuad:"):
        contract = example.group.removeprefix("cuad:")
        return None if example.split == HELD_OUT else fold_of(contract, folds)
    return None if example.split == TRAIN else fold_of(example.group, folds)


def cross_fit(
    corpus: Sequence[ClauseExample],
    cue_rows: csr_matrix,
    sentences: Sequence[CuadSentence],
    cues: CueMatcher,
    config: TrainConfig,
    folds: int = 3,
) -> CrossFit:
    """Fit ``folds`` fold models on ``corpus`` (cue rows aligned); return their mean and
    their out-of-fold predictions on the corpus and on ``sentences`` (the CUAD sentences
    of contracts that are not held out)."""
    trainable = [i for i, e in enumerate(corpus) if not _unseen(e)]
    features = fit_features([corpus[i].text for i in trainable], config)
    rows = combine(features.transform([e.text for e in corpus]), cue_rows, config.cue_weight)
    rows = rows.tocsr()
    fold = np.array([-1 if (k := _fold(e, folds)) is None else k for e in corpus])
    sentence_fold = np.array([fold_of(s.contract, folds) for s in sentences])
    sentence_rows = combine(
        features.transform([s.text for s in sentences]),
        cues.matrix([s.text for s in sentences]),
        config.cue_weight,
    ).tocsr()
    members: list[LogisticRegression] = []
    corpus_p = np.zeros((len(corpus), len(set(e.label for e in corpus))))
    sentence_p = np.zeros((len(sentences), corpus_p.shape[1]))
    for k in range(folds):
        fit_ix = [i for i in trainable if fold[i] != k]
        model = fit_classifier(rows[fit_ix], [corpus[i].label for i in fit_ix], config)
        members.append(model)
        if (in_fold := np.flatnonzero(fold == k)).size:
            corpus_p[in_fold] = model.predict_proba(rows[in_fold])
        if (in_fold := np.flatnonzero(sentence_fold == k)).size:
            sentence_p[in_fold] = model.predict_proba(sentence_rows[in_fold])
    mean = mean_classifier(members)
    if (no_fold := np.flatnonzero(fold < 0)).size:
        corpus_p[no_fold] = mean.predict_proba(rows[no_fold])
    return CrossFit(
        FittedModel(features, mean),
        [str(label) for label in mean.classes_],
        corpus_p,
        ([s.label for s in sentences], sentence_p),
    )


def _unseen(example: ClauseExample) -> bool:
    return example.group.startswith("cuad:") and example.split == HELD_OUT
