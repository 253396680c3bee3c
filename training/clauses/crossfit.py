"""Cross-fitting: K fold models whose out-of-fold predictions choose the thresholds.

The CUAD contracts of the training and validation splits are dealt into ``folds`` folds
by file name (independently of the held-out bucket), and so are the composed corpus's
validation families. Fold model k is fitted on everything else that may be trained on
(the training families, the other folds' validation families and contracts) and predicts
fold k: every sentence of its contracts, not only the sample the corpus keeps of them, so
a threshold's precision is judged at the real mix of clauses and ordinary text. The
held-out families and contracts are seen by no fold model.

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

from training.clauses.corpus import HELD_OUT, TRAIN, VALIDATION, ClauseExample
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

    ``validation`` holds the corpus indices of the validation examples and their
    out-of-fold probabilities; ``sentences`` the labels and out-of-fold probabilities of
    every CUAD sentence of the training and validation contracts; ``labels`` the column order.
    """

    model: FittedModel
    labels: list[str]
    validation: tuple[list[int], Any]
    sentences: tuple[list[str], Any]


def _fold(example: ClauseExample, folds: int) -> int | None:
    """Return the fold an example is predicted in, or None when every fold model trains on
    it (training families) or none does (held-out families and contracts)."""
    if example.split == HELD_OUT:
        return None
    if example.group.startswith("cuad:"):
        return fold_of(example.group.removeprefix("cuad:"), folds)
    return fold_of(example.group, folds) if example.split == VALIDATION else None


def cross_fit(
    corpus: Sequence[ClauseExample],
    cue_rows: csr_matrix,
    sentences: Sequence[CuadSentence],
    cues: CueMatcher,
    config: TrainConfig,
    folds: int = 3,
) -> CrossFit:
    """Fit ``folds`` fold models on ``corpus`` (cue rows aligned); return their mean and
    their out-of-fold predictions on the validation examples and on ``sentences`` (the
    CUAD sentences of contracts that are not held out)."""
    trainable = [i for i, e in enumerate(corpus) if e.split in (TRAIN, VALIDATION)]
    features = fit_features([corpus[i].text for i in trainable], config)
    text_rows = features.transform([e.text for e in corpus])
    rows = combine(text_rows, cue_rows, config.cue_weight).tocsr()
    fold = [_fold(e, folds) for e in corpus]
    validation = [i for i in trainable if corpus[i].split == VALIDATION]
    sentence_fold = np.array([fold_of(s.contract, folds) for s in sentences])
    sentence_rows = combine(
        features.transform([s.text for s in sentences]),
        cues.matrix([s.text for s in sentences]),
        config.cue_weight,
    ).tocsr()
    members: list[LogisticRegression] = []
    validation_p: Any = None
    sentence_p: Any = None
    for k in range(folds):
        fit_ix = [i for i in trainable if fold[i] != k]
        model = fit_classifier(rows[fit_ix], [corpus[i].label for i in fit_ix], config)
        members.append(model)
        if validation_p is None:
            validation_p = np.zeros((len(validation), len(model.classes_)))
            sentence_p = np.zeros((len(sentences), len(model.classes_)))
        mine = [j for j, i in enumerate(validation) if fold[i] == k]
        if mine:
            validation_p[mine] = model.predict_proba(rows[[validation[j] for j in mine]])
        in_fold = np.flatnonzero(sentence_fold == k)
        if in_fold.size:
            sentence_p[in_fold] = model.predict_proba(sentence_rows[in_fold])
    mean = mean_classifier(members)
    return CrossFit(
        FittedModel(features, mean),
        [str(label) for label in mean.classes_],
        (validation, validation_p),
        ([s.label for s in sentences], sentence_p),
    )
