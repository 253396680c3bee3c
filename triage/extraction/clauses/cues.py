"""The rule half of the clause classifier: semantic cues found in spaCy tokens.

``CueMatcher`` tokenises each text with ``spacy.blank("en")`` and reports which cues of
:data:`~triage.extraction.clauses.cue_patterns.CUE_PATTERNS` fire, as a 0/1 feature row.
The combiner (the linear model) learns how much each cue counts towards each label, so a
cue is evidence, never a verdict: wording the text model has never seen still lights up
"without cause" or "acceptance test", and boilerplate cues pull shared vocabulary back to
``standard``. The model reads the cue columns to the right of the n-gram columns
(:func:`feature_matrix`), the same in training and at inference.

Why not ``spacy.matcher.Matcher``: the same ~230 patterns with bounded gaps took 2-4 ms
per paragraph there; matching them against a per-text index of token positions keeps the
same semantics at a few hundredths of that, so a whole order costs a few milliseconds.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import spacy
from scipy.sparse import csr_matrix, hstack
from spacy.attrs import LIKE_NUM, LOWER
from spacy.language import Language
from spacy.tokens import Doc

from triage.extraction.clauses.cue_patterns import CUE_PATTERNS

__all__ = [
    "CUE_NAMES",
    "CUE_WEIGHT",
    "CueMatcher",
    "TextFeatures",
    "TokenSpec",
    "combine",
    "compile_pattern",
    "feature_matrix",
]

CUE_NAMES: tuple[str, ...] = tuple(sorted(CUE_PATTERNS))
"""Column order of the cue features; stored with the model and checked on load."""

_GAPS = {"~": 1, "..": 6, "...": 12}
_NUMBER = "#"
_PERCENT = frozenset({"%", "percent", "per", "pct"})


@dataclass(frozen=True, slots=True)
class TokenSpec:
    """One token of a cue pattern: exact words, word stems or a number; and the gap before it."""

    words: frozenset[str]
    stems: tuple[str, ...]
    number: bool
    max_gap: int


def compile_pattern(pattern: str) -> tuple[TokenSpec, ...]:
    """Return the token specs of one cue pattern written in the token language."""
    specs: list[TokenSpec] = []
    gap = 0
    for part in pattern.split():
        if part in _GAPS:
            gap += _GAPS[part]
            continue
        options = part.split("|")
        words = frozenset(o for o in options if not o.endswith("*") and o != _NUMBER)
        stems = tuple(o[:-1] for o in options if o.endswith("*"))
        words = _PERCENT if part == "%" else words
        specs.append(TokenSpec(words, stems, _NUMBER in options, gap))
        gap = 0
    return tuple(specs)


class _TokenIndex:
    """Positions of each lower-cased token of one doc, and of its numbers (memoised per spec)."""

    def __init__(self, doc: Doc) -> None:
        # to_array avoids creating a Token object per token, the bulk of the cost
        attributes = doc.to_array([LOWER, LIKE_NUM]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        self.words = [strings[lower] for lower, _ in attributes]
        self.numbers = [i for i, (_, number) in enumerate(attributes) if number]
        self.at: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.at.setdefault(word, []).append(i)
        # a set, so that ``isdisjoint`` walks the few words of a spec, not every word here
        self.vocabulary = frozenset(self.at)
        self._seen: dict[int, list[int]] = {}
        self._stems: dict[tuple[str, ...], list[int]] = {}
        self._sorted: list[str] | None = None

    def _stemmed(self, stems: tuple[str, ...]) -> list[int]:
        """Positions of the words starting with one of ``stems`` (each distinct word once).

        The words starting with a stem are one run of the sorted vocabulary, found by
        bisection: scanning every word of the text for every stem tuple of every pattern
        was a fifth of the cue stage."""
        if stems not in self._stems:
            if self._sorted is None:
                self._sorted = sorted(self.vocabulary)
            ordered, matched = self._sorted, set()
            for stem in stems:
                at = bisect_left(ordered, stem)
                while at < len(ordered) and ordered[at].startswith(stem):
                    matched.add(ordered[at])
                    at += 1
            self._stems[stems] = [i for word in matched for i in self.at[word]]
        return self._stems[stems]

    def positions(self, spec: TokenSpec) -> list[int]:
        key = id(spec)
        if key not in self._seen:
            found: list[int] = list(self.numbers) if spec.number else []
            for word in spec.words & self.vocabulary:
                found.extend(self.at[word])
            if spec.stems:
                found.extend(self._stemmed(spec.stems))
            self._seen[key] = sorted(found)
        return self._seen[key]


def _matches(index: _TokenIndex, pattern: tuple[TokenSpec, ...]) -> bool:
    """Return True when the specs occur in order, each within its gap of the one before."""
    for spec in pattern:  # cheap rejection: a plain-word spec none of whose words occur
        if not spec.stems and not spec.number and spec.words.isdisjoint(index.vocabulary):
            return False
    ends = index.positions(pattern[0])
    for spec in pattern[1:]:
        if not ends:
            return False
        candidates = index.positions(spec)
        ends = [
            q
            for q in candidates
            if (k := bisect_right(ends, q - 1)) > 0 and q - ends[k - 1] - 1 <= spec.max_gap
        ]
    return bool(ends)


class CueMatcher:
    """Finds the semantic cues in texts; build once, then share (it holds no per-call state)."""

    def __init__(self, nlp: Language | None = None) -> None:
        """Compile every cue pattern; tokenise with ``nlp`` (a blank English one if None)."""
        self.nlp = nlp or spacy.blank("en")
        self.patterns = [[compile_pattern(p) for p in CUE_PATTERNS[name]] for name in CUE_NAMES]
        # A pattern can match only a text holding one of the words of its first plain-word
        # spec: index the patterns by those words, so a text tries only the ones it can fire.
        self._by_word: dict[str, list[tuple[int, tuple[TokenSpec, ...]]]] = {}
        self._unindexed: list[tuple[int, tuple[TokenSpec, ...]]] = []
        for col, patterns in enumerate(self.patterns):
            for pattern in patterns:
                plain = next((s for s in pattern if not s.stems and not s.number), None)
                if plain is None:
                    self._unindexed.append((col, pattern))
                for word in plain.words if plain else ():
                    self._by_word.setdefault(word, []).append((col, pattern))

    def cues(self, text: str) -> list[str]:
        """Return the names of the cues that fire in ``text``, in column order."""
        row = self.matrix([text]).toarray()[0]
        return [name for name, hit in zip(CUE_NAMES, row, strict=True) if hit]

    def matrix(self, texts: Sequence[str]) -> csr_matrix:
        """Return a texts x cues 0/1 sparse matrix (columns in :data:`CUE_NAMES` order)."""
        rows: list[int] = []
        cols: list[int] = []
        for row, doc in enumerate(self.nlp.make_doc(text) for text in texts):
            index = _TokenIndex(doc)
            tried: dict[int, list[tuple[TokenSpec, ...]]] = {}
            for col, pattern in self._unindexed:
                tried.setdefault(col, []).append(pattern)
            for word in index.vocabulary & self._by_word.keys():
                for col, pattern in self._by_word[word]:
                    tried.setdefault(col, []).append(pattern)
            for col in sorted(tried):
                if any(_matches(index, pattern) for pattern in tried[col]):
                    rows.append(row)
                    cols.append(col)
        data = np.ones(len(rows), dtype=np.float64)
        return csr_matrix((data, (rows, cols)), shape=(len(texts), len(CUE_NAMES)))


CUE_WEIGHT = 1.0
"""Scale of a 0/1 cue column next to the L2-normalised tf-idf blocks."""


class TextFeatures(Protocol):
    """A fitted text vectoriser (the scikit-learn ``FeatureUnion`` of tf-idf blocks)."""

    def transform(self, texts: Sequence[str]) -> Any:
        """Return the texts' sparse feature rows."""


def combine(text_rows: Any, cue_rows: csr_matrix, cue_weight: float = CUE_WEIGHT) -> csr_matrix:
    """Return text-feature rows with the weighted cue columns appended on the right."""
    return csr_matrix(hstack([text_rows, cue_rows * cue_weight], format="csr"))


def feature_matrix(
    vectoriser: TextFeatures, cues: CueMatcher, texts: Sequence[str], cue_weight: float
) -> csr_matrix:
    """Return the model's input rows for ``texts``: n-gram tf-idf, then cue columns."""
    return combine(vectoriser.transform(list(texts)), cues.matrix(texts), cue_weight)
