"""CUAD v1 contracts as labelled sentences: the unit step one is trained and measured on.

Each contract's text (``full_contract_txt``) is cut into paragraphs at blank lines and into
sentences at sentence ends (not after abbreviations, initials or section numbers). A
sentence is a positive of a clause type when at least ``min(8, half its words)`` of its
words are covered by a run of eight words shared with a CUAD span of a category mapped to
that type (:data:`CATEGORY_TYPES`); every other sentence is a negative (``standard``),
whatever unmapped category it may belong to: the product must not type those either.

The mapping takes a CUAD category whole where its definition is our clause type's
(``docs/semantics.md``): both liability categories are ``liability_cap_change``, Exclusivity
and Non-Compete are ``exclusivity`` ("may not serve the customer's competitors, or an
exclusive reseller"), Source Code Escrow and Audit Rights are ``other_nonstandard``. The two
renewal categories are ours only where the renewal is not automatic (mutual consent, an
option, negotiation): plain auto-renewal is the provider's standard, so those sentences
are negatives.

CUAD v1 (The Atticus Project, CC BY 4.0; Hendrycks et al., NeurIPS 2021): 510 commercial
contracts with labelled spans of 41 categories; :data:`CUAD_ATTRIBUTION` travels with
every artifact trained on it.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from triage.extraction.clauses import STANDARD_LABEL

__all__ = [
    "CATEGORY_TYPES",
    "CUAD_ATTRIBUTION",
    "CuadSentence",
    "contract_split",
    "read_contract_sentences",
    "split_sentences",
]

CUAD_ATTRIBUTION = (
    "CUAD v1 by The Atticus Project (CC BY 4.0); Hendrycks, Burns, Chen, Ball, 'CUAD: An"
    " Expert-Annotated NLP Dataset for Legal Contract Review', NeurIPS 2021, arXiv:2103.06268"
)

CATEGORY_TYPES: dict[str, str] = {
    "Cap on Liability": "liability_cap_change",
    "Uncapped Liability": "liability_cap_change",
    "Termination for Convenience": "termination_for_convenience",
    "Exclusivity": "exclusivity",
    "Non-Compete": "exclusivity",
    "Most Favored Nation": "most_favored_nation",
    "Price Restrictions": "price_protection",
    "Renewal Term": "non_standard_renewal",
    "Notice Period to Terminate Renewal": "non_standard_renewal",
    "Source Code Escrow": "other_nonstandard",
    "Audit Rights": "other_nonstandard",
}
"""CUAD category -> our clause type; sentences of any other category are negatives."""

_ONLY_WHERE: dict[str, re.Pattern[str]] = {
    category: re.compile(
        r"renew\w*.*(mutual|written agreement|agreed in writing|consent|at the option|elect|"
        r"negotiat|sole discretion)",
        re.IGNORECASE | re.DOTALL,
    )
    for category in ("Renewal Term", "Notice Period to Terminate Renewal")
}
"""Categories broader than our type: a span counts only where it matches the pattern."""

_RUN = 8
_MIN_WORDS = 6
_MAX_WORDS = 160
_WORD = re.compile(r"[a-z0-9]+")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_END = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?[A-Z0-9])")
_SENTENCE_ENDS = (".", "!", "?", ":", ";")
_CONTINUES = re.compile(r"[a-z(,;]")
_PAGE_FURNITURE = re.compile(
    r"^(?:page\s*)?[-–(\[]?\s*[0-9ivxlc]{1,4}\s*[-–)\]]?(?:\s*of\s*\d+)?$|"
    r"^source:\s.*\d{1,2}/\d{1,2}/\d{2,4}$|^[*\s\[\]¥.-]+$",
    re.IGNORECASE,
)
"""Lines a filed contract carries on every page: page numbers, the filing footer, stars."""
_NO_END = re.compile(
    r"(\b(?:[A-Z]|[a-z]|No|Nos|Sec|Secs|Art|Inc|Ltd|Co|Corp|Mr|Mrs|Ms|Dr|St|U\.S|U\.K|e\.g|"
    r"i\.e|etc|vs|v|viz|cf|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|"
    r"(?:^|\s)\(?[0-9IVXivx]+(?:\.[0-9]+)*\.)$"
)


def contract_split(filename: str) -> str:
    """Return a contract's split by its file name: one in five held out, one validation."""
    bucket = zlib.crc32(filename.encode()) % 5
    return "held_out" if bucket == 0 else "validation" if bucket == 1 else "train"


@dataclass(frozen=True, slots=True)
class CuadSentence:
    """One sentence of a CUAD contract: its text, the clause type it is (or ``standard``),
    the heading it sits under (``""`` before any), its contract and that contract's split."""

    text: str
    label: str
    section: str
    contract: str
    split: str


def split_sentences(text: str) -> Iterator[tuple[str, str]]:
    """Yield ``(sentence, heading)`` for the prose of a contract text, whitespace collapsed.

    Page furniture (page numbers, "Page 3 of 9", the filing's "Source: ..." footer, rows
    of asterisks) is dropped, and a paragraph that a page break cut mid-sentence is joined
    to its continuation, so a sentence running over a page is one sentence. A short
    paragraph without a sentence end is a heading: it is not yielded, and it is the
    heading of the sentences after it until the next one.
    """
    heading = ""
    for flat in _paragraphs(text):
        words = flat.split()
        if len(words) <= 12 and not flat.endswith((".", ";", ":", ",")):
            heading = flat
            continue
        yield from ((sentence, heading) for sentence in _sentences(flat))


def _paragraphs(text: str) -> Iterator[str]:
    """Yield the text's paragraphs, whitespace collapsed, page furniture dropped and a
    paragraph that ends without a sentence end joined to one that starts in lower case."""
    held = ""
    for paragraph in _PARAGRAPH.split(text):
        flat = " ".join(paragraph.split())
        if not flat or _PAGE_FURNITURE.match(flat):
            continue
        if held and not held.endswith(_SENTENCE_ENDS) and _CONTINUES.match(flat):
            held = f"{held} {flat}"
            continue
        if held:
            yield held
        held = flat
    if held:
        yield held


def _sentences(paragraph: str) -> Iterator[str]:
    start = 0
    for match in _END.finditer(paragraph):
        if _NO_END.search(paragraph[start : match.start()]):
            continue
        yield paragraph[start : match.start()].strip()
        start = match.end()
    if paragraph[start:].strip():
        yield paragraph[start:].strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _runs(words: list[str]) -> Iterator[tuple[int, str]]:
    for i in range(len(words) - _RUN + 1):
        yield i, " ".join(words[i : i + _RUN])


def _typed_spans(row: dict[str, str]) -> list[tuple[str, str]]:
    spans = []
    for category, label in CATEGORY_TYPES.items():
        for span in ast.literal_eval(row.get(category) or "[]"):
            for piece in str(span).split("<omitted>"):
                only = _ONLY_WHERE.get(category)
                if only is None or only.search(str(span)):
                    spans.append((piece, label))
    return spans


def _label_sentences(
    sentences: list[tuple[str, str]], spans: list[tuple[str, str]]
) -> list[tuple[str, str, str]]:
    """Return ``(sentence, heading, label)``: the type covering most of the sentence's words.

    A span is located where most of its eight-word runs line up at one offset of the
    contract's word stream, so a run it shares with unrelated text elsewhere marks nothing.
    """
    stream: list[str] = []
    owner: list[int] = []
    for index, (sentence, _) in enumerate(sentences):
        words = _words(sentence)
        stream += words
        owner += [index] * len(words)
    at: dict[str, list[int]] = {}
    for i, run in _runs(stream):
        at.setdefault(run, []).append(i)
    covered: list[dict[str, int]] = [{} for _ in sentences]
    for span, label in spans:
        words = _words(span)
        if len(words) < _RUN:
            continue
        votes: dict[int, int] = {}
        for j, run in _runs(words):
            for i in at.get(run, ()):
                votes[i - j] = votes.get(i - j, 0) + 1
        runs = len(words) - _RUN + 1
        for start, count in votes.items():
            if count * 2 < runs:
                continue
            for i in range(max(0, start), min(len(stream), start + len(words))):
                c = covered[owner[i]]
                c[label] = c.get(label, 0) + 1
    labelled = []
    for (sentence, heading), counts in zip(sentences, covered, strict=True):
        need = min(_RUN, len(sentence.split()) / 2)
        label, most = max(counts.items(), key=lambda kv: kv[1], default=(STANDARD_LABEL, 0))
        labelled.append((sentence, heading, label if most >= need else STANDARD_LABEL))
    return labelled


def read_contract_sentences(
    cuad_dir: Path, splits: frozenset[str] | None = None
) -> list[CuadSentence]:
    """Return the labelled sentences (6 to 160 words) of every CUAD contract in ``splits``
    (all when None), in file order."""
    csv.field_size_limit(sys.maxsize)
    found: list[CuadSentence] = []
    with (cuad_dir / "master_clauses.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = row["Filename"]
            split = contract_split(name)
            path = cuad_dir / "full_contract_txt" / (Path(name).stem + ".txt")
            if (splits is not None and split not in splits) or not path.is_file():
                continue
            sentences = [
                (s, h)
                for s, h in split_sentences(path.read_text(encoding="utf-8"))
                if _MIN_WORDS <= len(s.split()) <= _MAX_WORDS
            ]
            for text, heading, label in _label_sentences(sentences, _typed_spans(row)):
                found.append(CuadSentence(text, label, heading, name, split))
    return found
