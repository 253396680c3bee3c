"""Candidates from prose: spaCy entities near cue phrases and in sentences about a field."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from triage.extraction.fields.blocks import TextBlock
from triage.extraction.fields.candidates import DATE_FIELDS, Candidate, Source, parse_field_value
from triage.extraction.fields.cues import CUE_RULES, SENTENCE_RULES
from triage.extraction.lexicon_data import load_lexicon
from triage.extraction.normalise import DateStyle, parse_date

__all__ = ["ProseReader"]

_FOLLOW_CHARS = 60  # how far past an entity a rule's ``follows`` pattern may look
_CONTEXT_TOKENS = 6  # evidence of a sentence hit: the entity and the words just before it
_SENTENCE_END = frozenset({".", "!", "?", ";"})


# Standard terms that state a fallback say what applies only when the form itself says
# nothing (the lexicon's ``fallback_cues``).
_DEFAULT = re.compile("|".join(f"(?:{p})" for p in load_lexicon().fallback_cues), re.IGNORECASE)
_DEFAULT_SHARE = 0.5


def _default_share(sentence: str) -> float:
    """The share of a rule's score a sentence keeps: half for a stated fallback."""
    return _DEFAULT_SHARE if _DEFAULT.search(sentence) else 1.0


def _sentences(doc: Doc, ends: frozenset[int]) -> Iterator[Span]:
    """The doc's sentences: spans up to each token whose text hashes to one of ``ends``."""
    start = 0
    # the token texts' hashes in one array: no Token object made per token
    for index, orth in enumerate(doc.to_array(ORTH).tolist() if len(doc) else ()):
        if orth in ends:
            yield doc[start : index + 1]
            start = index + 1
    if start < len(doc):
        yield doc[start:]


_BEFORE_CUE = 4  # tokens: what a cue phrase attaches to stands right before it


class ProseReader:
    """Reads prose blocks with the spaCy pipeline and the cue lexicon; built once."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.sentence_ends = frozenset(nlp.vocab.strings.add(text) for text in _SENTENCE_END)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for index, rule in enumerate(CUE_RULES):
            self.matcher.add(str(index), [nlp.make_doc(p) for p in rule.phrases])

    def docs(self, blocks: Sequence[TextBlock]) -> list[Doc]:
        """Return the blocks run through the pipeline, in order."""
        return list(self.nlp.pipe(b.text for b in blocks))

    def candidates(
        self, blocks: Sequence[TextBlock], docs: Sequence[Doc], style: DateStyle | None
    ) -> list[Candidate]:
        """Return the candidates every cue and sentence rule finds in the blocks."""
        found: list[Candidate] = []
        for block, doc in zip(blocks, docs, strict=True):
            sentence_of = [0] * len(doc)
            sentences = list(_sentences(doc, self.sentence_ends))
            for number, sentence in enumerate(sentences):
                sentence_of[sentence.start : sentence.end] = [number] * len(sentence)
            found.extend(self._cue_hits(block, doc, sentences, sentence_of, style))
            for sentence in sentences:
                found.extend(self._sentence_hits(block, sentence, style))
        return found

    def _cue_hits(
        self,
        block: TextBlock,
        doc: Doc,
        sentences: list[Span],
        sentence_of: list[int],
        style: DateStyle | None,
    ) -> Iterator[Candidate]:
        entities = list(doc.ents)
        for match_id, start, end in self.matcher(doc):
            rule = CUE_RULES[int(self.nlp.vocab.strings[match_id])]
            sentence = sentences[sentence_of[start]]
            prefix = doc[sentence.start : end].text
            if rule.forbids is not None and rule.forbids.search(prefix):
                continue
            before = doc[max(sentence.start, start - _BEFORE_CUE) : start].text
            if rule.not_after is not None and rule.not_after.search(before):
                continue  # the cue belongs to what precedes it ("the Agreement dated ...")
            for entity in entities:
                if entity.start < end or entity.label_ != rule.label:
                    continue
                if (
                    entity.start - end > rule.reach
                    or sentence_of[entity.start] != sentence_of[start]
                ):
                    break
                value = self._value(rule.field, entity, style)
                if value is not None:
                    words = block.words_between(doc[start].idx, entity.end_char)
                    share = _default_share(sentence.text)
                    yield Candidate(
                        rule.field, value, rule.score * share, Source.SENTENCE, words, share < 1
                    )
                break

    def _sentence_hits(
        self, block: TextBlock, sentence: Span, style: DateStyle | None
    ) -> Iterator[Candidate]:
        entities = sentence.ents
        labels = {entity.label_ for entity in entities}
        text = sentence.text
        for rule in SENTENCE_RULES:
            if rule.label not in labels:  # (no entity the rule could take)
                continue
            if not all(p.search(text) for p in rule.requires):
                continue
            if rule.forbids is not None and rule.forbids.search(text):
                continue
            for entity in entities:
                if entity.label_ != rule.label:
                    continue
                after = sentence.doc.text[entity.start_char : entity.end_char + _FOLLOW_CHARS]
                if rule.follows is not None and not rule.follows.search(after):
                    continue
                value = self._value(rule.field, entity, style)
                if value is not None:
                    first = sentence.doc[max(sentence.start, entity.start - _CONTEXT_TOKENS)]
                    words = block.words_between(first.idx, entity.end_char)
                    share = _default_share(text)
                    yield Candidate(
                        rule.field, value, rule.score * share, Source.SENTENCE, words, share < 1
                    )
                    break

    @staticmethod
    def _value(field: str, entity: Span, style: DateStyle | None) -> object:
        if field in DATE_FIELDS:
            return parse_date(entity.text, style)
        return parse_field_value(field, entity.text, style)
