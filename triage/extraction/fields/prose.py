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
from triage.extraction.fields.cues import CUE_RULES, SENTENCE_RULES, SentenceRule
from triage.extraction.lexicon_data import load_lexicon
from triage.extraction.normalise import DateStyle, parse_date

__all__ = ["ProseReader"]

_FOLLOW_CHARS = 60  # how far past an entity a rule's ``follows`` pattern may look
_CONTEXT_TOKENS = 6  # evidence of a sentence hit: the entity and the words just before it
_SENTENCE_END = frozenset({".", "!", "?", ";"})
# How far past a day count its qualifying words ("EOM", "end of month") may run, and
# what ends them: a sentence's or a clause's end, or the next label's colon.
_QUALIFIER_CHARS = 24
_CLAUSE_END = re.compile(r"[.;,:!?\n]")


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


def _rules_about(sentence: str) -> list[SentenceRule]:
    """The sentence rules whose ``requires`` all match ``sentence`` and ``forbids`` does not,
    in their order: the rules that may take one of its entities."""
    return [
        rule
        for rule in SENTENCE_RULES
        if all(p.search(sentence) for p in rule.requires)
        and not (rule.forbids is not None and rule.forbids.search(sentence))
    ]


_BEFORE_CUE = 4  # tokens: what a cue phrase attaches to stands right before it


def _after_cue_first(sentence: Span, entities: Sequence[Span], rule: SentenceRule) -> list[Span]:
    """The sentence's entities, those after the rule's first cue word first: in "an initial
    period of 24 months, after which it renews for periods of 12 months" the renewal term
    is the duration after "renews", not the first one of the sentence."""
    cue = rule.requires[0].search(sentence.text) if rule.requires else None
    if cue is None:
        return list(entities)
    at = sentence.start_char + cue.end()
    after = [entity for entity in entities if entity.start_char >= at]
    return after + [entity for entity in entities if entity.start_char < at]


class ProseReader:
    """Reads prose blocks with the spaCy pipeline and the cue lexicon; built once."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.sentence_ends = frozenset(nlp.vocab.strings.add(text) for text in _SENTENCE_END)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for index, rule in enumerate(CUE_RULES):
            self.matcher.add(str(index), [nlp.make_doc(p) for p in rule.phrases])

    def docs(self, blocks: Sequence[TextBlock]) -> list[Doc]:
        """Return the blocks tokenised, in order. The pipeline's components (the entity
        ruler) run later, in ``candidates``, and only on the blocks some rule could read:
        most blocks hold neither a cue phrase nor a sentence a rule is about, and marking
        their entities was most of the prose reader's time."""
        return [self.nlp.make_doc(b.text) for b in blocks]

    def candidates(
        self, blocks: Sequence[TextBlock], docs: Sequence[Doc], style: DateStyle | None
    ) -> list[Candidate]:
        """Return the candidates every cue and sentence rule finds in the blocks."""
        found: list[Candidate] = []
        for block, doc in zip(blocks, docs, strict=True):
            sentences = list(_sentences(doc, self.sentence_ends))
            cues = self.matcher(doc)
            # Every hit takes an entity; a cue hit needs a cue phrase, a sentence hit a
            # sentence that a rule is about. Without either, the entities are not needed.
            about = [_rules_about(sentence.text) for sentence in sentences]
            if not cues and not any(about):
                continue
            doc = self.nlp(doc)  # the pipeline's components on the tokenised doc
            sentences = [doc[sentence.start : sentence.end] for sentence in sentences]
            sentence_of = [0] * len(doc)
            for number, sentence in enumerate(sentences):
                sentence_of[sentence.start : sentence.end] = [number] * len(sentence)
            found.extend(self._cue_hits(block, doc, cues, sentences, sentence_of, style))
            for sentence, rules in zip(sentences, about, strict=True):
                if rules:
                    found.extend(self._sentence_hits(block, sentence, rules, style))
        return found

    def _cue_hits(
        self,
        block: TextBlock,
        doc: Doc,
        cues: list[tuple[int, int, int]],
        sentences: list[Span],
        sentence_of: list[int],
        style: DateStyle | None,
    ) -> Iterator[Candidate]:
        entities = list(doc.ents)
        for match_id, start, end in cues:
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
        self,
        block: TextBlock,
        sentence: Span,
        rules: list[SentenceRule],
        style: DateStyle | None,
    ) -> Iterator[Candidate]:
        """The hits of ``rules`` (those the sentence is about) on the sentence's entities."""
        entities = sentence.ents
        labels = {entity.label_ for entity in entities}
        text = sentence.text
        for rule in rules:
            if rule.label not in labels:  # (no entity the rule could take)
                continue
            for entity in _after_cue_first(sentence, entities, rule):
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
        text = entity.text
        if entity.label_ == "DAYS":
            # the words that qualify a count follow it: "Net 30 EOM" is no fixed count
            after = entity.doc.text[entity.end_char : entity.end_char + _QUALIFIER_CHARS]
            text += _CLAUSE_END.split(after, maxsplit=1)[0]
        return parse_field_value(field, text, style)
