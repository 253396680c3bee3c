"""The fitted n-gram vectoriser, with each word's character n-grams hashed once per process.

The clause model's text features are a scikit-learn ``FeatureUnion`` of pipelines that
start with a ``HashingVectorizer``. Its ``char_wb`` analyser cuts every word (padded with
one space on each side) into n-grams on its own, so a text's n-gram counts are the sum of
its words' counts. Building and hashing those n-grams in Python is most of the clause
stage's time, and the words of order forms repeat from paragraph to paragraph and from
order to order. ``CachedTextFeatures`` keeps each word's hashed counts (a bounded cache of
the words without digits: amounts, dates and codes are new in nearly every order, so
keeping them would only fill the cache, a few KB per order, until its bound) and sums
them per text; everything after the hashing step (tf-idf, weights, the union's
stacking) is the fitted objects' own code, so the rows are the ones ``transform`` of the
union returns, entry for entry. A union of any other shape is transformed as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
from scipy import sparse
from sklearn import get_config
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import normalize
from sklearn.utils.sparsefuncs_fast import (
    inplace_csr_row_normalize_l1,
    inplace_csr_row_normalize_l2,
)

__all__ = ["CachedTextFeatures"]

_CACHE_WORDS = 50_000  # about 10 MB of counts at most; cleared, not grown, beyond it
_Counts = tuple[Any, Any]  # a word's hashed n-gram columns and their counts


class _WordHashing:
    """A fitted ``char_wb`` HashingVectorizer whose per-word counts are kept."""

    def __init__(self, vectoriser: HashingVectorizer) -> None:
        self.vectoriser = vectoriser
        self.preprocess = vectoriser.build_preprocessor()
        self.hasher = vectoriser._get_hasher()
        self.words: dict[str, _Counts] = {}

    def _hashed(self, words: list[str]) -> dict[str, _Counts]:
        """Hash the n-grams of each of ``words`` on its own: one row of counts per word."""
        ngrams = self.vectoriser._char_wb_ngrams
        rows = self.hasher.transform(ngrams(word) for word in words)
        indptr, indices, data = rows.indptr, rows.indices, rows.data
        return {
            word: (indices[indptr[row] : indptr[row + 1]], data[indptr[row] : indptr[row + 1]])
            for row, word in enumerate(words)
        }

    def transform(self, texts: Sequence[str]) -> Any:
        """Return the vectoriser's document-term rows of ``texts`` (at least one)."""
        vectoriser = self.vectoriser
        # the analyser's own steps up to the split into words
        split = [
            vectoriser._white_spaces.sub(" ", self.preprocess(vectoriser.decode(text))).split()
            for text in texts
        ]
        cache = self.words
        found = {word: cache.get(word) for words in split for word in words}
        new = [word for word, counts in found.items() if counts is None]
        if new:
            hashed = self._hashed(new)
            found.update(hashed)
            # Own copies, so a kept word does not hold its whole batch's arrays alive.
            kept = {
                word: (columns.copy(), values.copy())
                for word, (columns, values) in hashed.items()
                if not any(ch.isdigit() for ch in word)
            }
            if len(cache) + len(kept) > _CACHE_WORDS:
                self.words = cache = {}
            cache.update(kept)
        # (every word is known now: the new ones were hashed into ``found``)
        counts = cast(list[_Counts], [found[word] for words in split for word in words])
        return self._rows(counts, [len(words) for words in split])

    def _rows(self, counts: list[_Counts], words_per_text: list[int]) -> Any:
        """Return one row per text: the sum of its words' counts, post-processed as the
        vectoriser's ``transform`` does."""
        dtype = self.hasher.dtype
        if counts:
            indices = np.concatenate([columns for columns, _ in counts])
            data = np.concatenate([values for _, values in counts])
        else:
            indices, data = np.empty(0, dtype=np.int32), np.empty(0, dtype=dtype)
        entry_ends = np.cumsum([0] + [len(columns) for columns, _ in counts])
        indptr = entry_ends[np.cumsum([0, *words_per_text])]
        matrix = sparse.csr_array(
            (data, indices, indptr.astype(indices.dtype)),
            dtype=dtype,
            shape=(len(words_per_text), self.hasher.n_features),
        )
        matrix.sum_duplicates()  # also sorts the indices, as the hasher's own rows are
        vectoriser = self.vectoriser
        if vectoriser.binary:
            matrix.data.fill(1)
        if vectoriser.norm is not None:
            matrix = normalize(matrix, norm=vectoriser.norm, copy=False)
        return sparse.csr_matrix(matrix)


class _Tfidf:
    """A fitted ``TfidfTransformer``'s own arithmetic on rows this module built (and owns):
    the same in-place steps as its ``transform`` (sublinear tf, idf, the row norm), without
    the input checks and the copy that cost more than the arithmetic on an order's few
    dozen paragraphs. Rows of any other kind go to the transformer itself."""

    def __init__(self, step: TfidfTransformer) -> None:
        self.step = step
        self.idf = getattr(step, "idf_", None)  # only a use_idf transformer has one
        self.normalise = {
            "l1": inplace_csr_row_normalize_l1,
            "l2": inplace_csr_row_normalize_l2,
            None: None,
        }[step.norm]

    def transform(self, rows: Any) -> Any:
        """Return the tf-idf rows of ``rows`` (a csr_matrix of counts, changed in place)."""
        if not (
            type(rows) is sparse.csr_matrix
            and rows.dtype == np.float64
            and get_config()["sparse_interface"] == "spmatrix"
            and np.isfinite(rows.data).all()
        ):
            return self.step.transform(rows)
        data = rows.data
        if self.step.sublinear_tf and (data <= 0).any():
            return self.step.transform(rows)  # (the log's NaN is the transformer's error)
        if self.step.sublinear_tf:
            np.log(data, data)
            data += 1.0
        if self.idf is not None:
            data *= self.idf[rows.indices]
        if self.normalise is not None:
            self.normalise(rows)
        return rows


def _lean(step: Any) -> Any:
    """``step``, or its lean arithmetic when it is a tf-idf transformer of a known norm."""
    if type(step) is TfidfTransformer and step.norm in ("l1", "l2", None):
        return _Tfidf(step)
    return step


def _word_hashing_pipeline(pipeline: Any) -> tuple[Any, list[Any]] | None:
    """The pipeline's first step (a hasher: word-cached when it cuts words into character
    n-grams) and its other steps (tf-idf as lean arithmetic), if it starts with a hasher."""
    if not isinstance(pipeline, Pipeline) or not pipeline.steps:
        return None
    first = pipeline.steps[0][1]
    if not isinstance(first, HashingVectorizer):
        return None
    rest = [_lean(step) for _, step in pipeline.steps[1:] if step not in (None, "passthrough")]
    cacheable = first.analyzer == "char_wb" and first.input == "content"
    if cacheable and first.preprocessor is None:
        return _WordHashing(first), rest
    return first, rest


class CachedTextFeatures:
    """The clause model's fitted text vectoriser, the same rows at a fraction of the cost."""

    def __init__(self, union: Any) -> None:
        self.union = union
        self._parts: list[tuple[Any, tuple[Any, list[Any]] | None, float | None]] = []
        if isinstance(union, FeatureUnion) and union.n_jobs in (None, 1):
            weights = union.transformer_weights or {}
            for name, transformer in union.transformer_list:
                if transformer == "drop":
                    continue
                fast = _word_hashing_pipeline(transformer)
                self._parts.append((transformer, fast, weights.get(name)))
        shapes_known = all(t != "passthrough" for t, _, _ in self._parts)
        self._fast = shapes_known and any(fast for _, fast, _ in self._parts)

    def transform(self, texts: Sequence[str]) -> Any:
        """Return the texts' sparse feature rows (as the union's ``transform`` would)."""
        texts = list(texts)
        if not self._fast or not texts:
            return self.union.transform(texts)
        blocks = []
        for transformer, fast, weight in self._parts:
            if fast is None:
                rows = transformer.transform(texts)
            else:
                hashing, rest = fast
                rows = hashing.transform(texts)
                for step in rest:
                    rows = step.transform(rows)
            blocks.append(rows if weight is None else rows * weight)
        return sparse.hstack(blocks).tocsr()
