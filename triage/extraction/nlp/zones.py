"""Keeping a long-lived spaCy pipeline's memory flat: a bounded vocabulary, then zones.

Every new word a document brings is added to its pipeline's vocabulary (a string in the
``StringStore``, a lexeme with its attributes, a tokenizer cache entry) and stays there for
the life of the process: a worker that reads 100,000 order forms would keep the names,
numbers and dates of all of them. Inside ``Language.memory_zone()`` those additions are
transient and are dropped when the zone ends.

A zone has a price: nothing learnt inside it is kept, so a word seen in every document
("invoice", "the", "Total") would have its lexeme built and its tokenisation worked out
again for each one (a third more time per extraction, measured on 380 generated and
foreign order forms). So a pipeline first keeps what documents teach it, up to
``LEARNED_STRINGS`` strings beyond what it loaded - the common words of the workload,
which come in the first few dozen documents - and reads every document after that in a
zone. Memory is then bounded by the budget plus one document, whatever the batch's size.

The zone is the vocabulary's state, not a thread's: a document read in another thread
while a zone is open would have its words freed under it. ``PipelineZone`` therefore lets
one document at a time into its pipelines (the callers are single-threaded but for the
API's in-process extractor, whose threads share one GIL for this work anyway).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager

from spacy.language import Language

__all__ = ["LEARNED_STRINGS", "PipelineZone"]

LEARNED_STRINGS = 4000
"""Strings a pipeline may keep from the documents it reads (about 1 MB with their lexemes
and tokenizer entries) before each further document is read in a memory zone."""


class PipelineZone:
    """The spaCy pipelines one reader uses; ``document()`` brackets one document's work."""

    def __init__(self, pipelines: Iterable[Language], *, learned: int = LEARNED_STRINGS) -> None:
        # One zone per vocabulary: zones must not nest, and two pipelines may share one.
        vocabularies: dict[int, Language] = {}
        for nlp in pipelines:
            vocabularies.setdefault(id(nlp.vocab), nlp)
        self.pipelines = tuple(vocabularies.values())
        self._limits = [len(nlp.vocab.strings) + learned for nlp in self.pipelines]
        self._lock = threading.Lock()

    def zoned(self) -> list[bool]:
        """Return, per pipeline, whether its next document is read in a memory zone."""
        return [
            len(nlp.vocab.strings) >= limit
            for nlp, limit in zip(self.pipelines, self._limits, strict=True)
        ]

    @contextmanager
    def document(self) -> Iterator[None]:
        """Run the block; what the pipelines past their budget learn from it is dropped.

        Nothing spaCy made inside (a ``Doc``, ``Span`` or ``Token``) may be used after the
        block; plain values taken from them (``str``, numbers) may.
        """
        with self._lock, ExitStack() as zones:
            for nlp, zoned in zip(self.pipelines, self.zoned(), strict=True):
                if zoned:
                    zones.enter_context(nlp.memory_zone())
            yield
