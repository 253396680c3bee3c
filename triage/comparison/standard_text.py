"""Recognising the provider's standard text inside an order form: near-duplicate sentences.

A registered standard agreement (or a playbook exemplar) is split into sentences; each
sentence becomes a set of word shingles after normalising what a PDF or an editor
changes without changing meaning: case, line-wrap hyphens, punctuation, section numbers
and enumerators. Numbers are masked in the shingles (``#``), so "24 months" still finds
the standard "12 months" sentence; the numbers themselves are compared afterwards, by
the playbook, as parameters. A clause sentence matches a standard sentence when their
shingle sets overlap (Dice coefficient) at least ``min_similarity`` and both carry the
same negations ("Neither party may terminate for convenience" is not a near duplicate of
"Either party may ...").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from triage.comparison.clause_terms import words_to_digits

__all__ = ["SentenceMatch", "StandardSentence", "StandardText", "sentences", "tokens"]

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=[\"'“(]?[A-Z0-9(])")
_ENUMERATOR = re.compile(
    r"(?:(?<=\s)|^)(?:\(?\d+(?:\.\d+)*[.)]|\([a-z]{1,2}\)|\([ivxl]+\)|[a-z]\)|§+\s*\d+(?:\.\d+)*)"
    r"(?=\s|$)",
    re.IGNORECASE,
)
_LEADING_NUMBER = re.compile(r"^\s*(?:section\s+|clause\s+|§\s*)?\d+(?:\.\d+)*[.)]?(?=\s)", re.I)
_WRAP_HYPHEN = re.compile(r"(\w)[-\u00ad]\s+(\w)")
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
_NEGATIONS = frozenset(
    {"not", "no", "neither", "nor", "never", "without", "non", "unless", "except", "nothing"}
)
"""Words whose presence flips a sentence: a near duplicate must carry the same ones."""
_SHORT = 4
"""Sentences of fewer tokens match only exactly (a shingle set that small is all noise)."""


def tokens(text: str) -> list[str]:
    """Return the normalised tokens of ``text``: words lower-cased, every number as ``#``."""
    text = _WRAP_HYPHEN.sub(r"\1\2", text.replace("\u2011", "-"))
    text = _ENUMERATOR.sub(" ", _LEADING_NUMBER.sub(" ", text))
    text = words_to_digits(text).lower().replace("-", "")
    words = ["#" if w[0].isdigit() else w for w in _TOKEN.findall(text)]
    collapsed: list[str] = []
    for word in words:
        if not (word == "#" and collapsed and collapsed[-1] == "#"):
            collapsed.append(word)
    return collapsed


def sentences(text: str) -> list[str]:
    """Return the sentences of ``text`` (line wraps joined), in order."""
    flat = " ".join(text.split())
    return [s.strip() for s in _SENTENCE_END.split(flat) if s.strip()]


def _negations(words: Sequence[str]) -> Counter[str]:
    return Counter(w for w in words if w in _NEGATIONS)


def _shingles(words: Sequence[str], size: int) -> frozenset[tuple[str, ...]]:
    if len(words) < size:
        return frozenset({tuple(words)}) if words else frozenset()
    return frozenset(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True, slots=True)
class StandardSentence:
    """One sentence of the standard: its text, the source it comes from, its shingles."""

    text: str
    source: str
    words: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class SentenceMatch:
    """A clause sentence and the standard sentence it reproduces (how closely, 0..1)."""

    sentence: str
    standard: StandardSentence
    similarity: float


class StandardText:
    """An index of standard sentences; finds the one a clause sentence reproduces."""

    def __init__(self, shingle_words: int = 3, min_similarity: float = 0.7) -> None:
        """Start an empty index of ``shingle_words``-word shingles."""
        self.shingle_words = shingle_words
        self.min_similarity = min_similarity
        self.sentences: list[StandardSentence] = []
        self._by_shingle: dict[tuple[str, ...], list[int]] = {}

    def add(self, text: str, source: str) -> int:
        """Index every sentence of ``text`` under ``source``; return how many were added."""
        added = 0
        for sentence in sentences(text):
            words = tuple(tokens(sentence))
            if not words:
                continue
            entry = StandardSentence(sentence, source, words, _shingles(words, self.shingle_words))
            index = len(self.sentences)
            self.sentences.append(entry)
            for shingle in entry.shingles:
                self._by_shingle.setdefault(shingle, []).append(index)
            added += 1
        return added

    def best_match(self, sentence: str) -> SentenceMatch | None:
        """Return the standard sentence ``sentence`` reproduces, or None if it is new text."""
        words = tokens(sentence)
        if not words:
            return None
        if len(words) < _SHORT:
            for entry in self.sentences:
                if entry.words == tuple(words):
                    return SentenceMatch(sentence, entry, 1.0)
            return None
        shingles = _shingles(words, self.shingle_words)
        overlap: Counter[int] = Counter()
        for shingle in shingles:
            overlap.update(self._by_shingle.get(shingle, ()))
        negations = _negations(words)
        best: SentenceMatch | None = None
        for index, common in overlap.most_common(8):
            entry = self.sentences[index]
            if _negations(entry.words) != negations:
                continue
            similarity = 2 * common / (len(shingles) + len(entry.shingles))
            if similarity >= self.min_similarity and (best is None or similarity > best.similarity):
                best = SentenceMatch(sentence, entry, round(similarity, 4))
        return best

    def match_all(self, texts: Iterable[str]) -> list[tuple[str, SentenceMatch | None]]:
        """Return each sentence of ``texts`` with the standard sentence it reproduces."""
        return [(s, self.best_match(s)) for text in texts for s in sentences(text)]
