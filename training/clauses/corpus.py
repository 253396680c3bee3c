"""The clause corpus the project builds: composed phrasings, boilerplate and CUAD sentences.

Every example carries a ``group`` (its template family or CUAD contract) and a split.
Held-out examples come from whole families and whole contracts never seen in training,
so held-out scores measure generalisation to new sentence shapes, not to new fillers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from training.clauses.boilerplate import STANDARD_FAMILIES
from training.clauses.boilerplate_hard import HARD_STANDARD_FAMILIES
from training.clauses.boilerplate_order import ORDER_FAMILIES, PREAMBLE_FAMILIES
from training.clauses.boilerplate_terms import TERMS_FAMILIES
from training.clauses.cuad import CuadSentence, read_contract_sentences
from training.clauses.phrasing import expand
from training.clauses.positives_commercial import COMMERCIAL_FAMILIES
from training.clauses.positives_legal import LEGAL_FAMILIES
from training.clauses.positives_varied import VARIED_FAMILIES
from triage.extraction.clauses import STANDARD_LABEL
from triage.extraction.clauses.cues import CUE_NAMES, CueMatcher

__all__ = ["HELD_OUT", "TRAIN", "VALIDATION", "ClauseExample", "CorpusConfig", "build_corpus"]

TRAIN, VALIDATION, HELD_OUT = "train", "validation", "held_out"

_NUMBERING = ["7.", "12.3", "(b)", "4.2", "Section 9 -", "iii.", "A.", "2)", "15.1.4"]
_OPENERS = [
    "Notwithstanding anything to the contrary in the Agreement, ",
    "For the avoidance of doubt, ",
    "The parties agree that ",
    "Special terms: ",
    "Additional Terms. ",
    "Special Terms ",
    "Customer-Specific Terms: ",
    "Commercial Terms ",
    "Other Terms. ",
    "Negotiated Terms - ",
    "It is further agreed that ",
]


@dataclass(frozen=True, slots=True)
class ClauseExample:
    """A text, its label (a clause type or ``standard``), its group and its split.

    ``split`` is ``train``, ``validation`` (tunes the thresholds) or ``held_out``
    (reported); a whole template family or CUAD contract shares one split.
    """

    text: str
    label: str
    group: str
    split: str

    @property
    def held_out(self) -> bool:
        """Return True for examples kept out of training and tuning, for the report."""
        return self.split == HELD_OUT


@dataclass(frozen=True, slots=True)
class CorpusConfig:
    """How many phrasings to draw per family, and the share of easy CUAD negatives kept."""

    per_positive_family: int = 60
    per_standard_family: int = 70
    cuad_easy_negative_share: float = 0.25
    split_every: int = 5
    sections_per_split: int = 300


def _dress(text: str, rng: random.Random) -> str:
    """Add the numbering, openers and capitals real order forms put around a sentence."""
    if rng.random() < 0.15:
        text = rng.choice(_OPENERS) + text
    if rng.random() < 0.25:
        text = f"{rng.choice(_NUMBERING)} {text}"
    if rng.random() < 0.05:
        text = text.upper()
    return text


def family_split(index: int, every: int) -> str:
    """Return the split of the ``index``-th family: one in ``every`` held out, one validation."""
    position = index % every
    return HELD_OUT if position == every - 1 else VALIDATION if position == every - 2 else TRAIN


def _family_examples(
    label: str, families: Iterable[str], count: int, every: int, rng: random.Random
) -> list[ClauseExample]:
    examples = []
    for index, template in enumerate(families):
        split = family_split(index, every)
        for _ in range(count):
            text = _dress(expand(template, rng), rng)
            examples.append(ClauseExample(text, label, f"{label}:{index}", split))
    return examples


def _with_context(
    examples: list[ClauseExample], standard: list[ClauseExample], rng: random.Random
) -> list[ClauseExample]:
    """Return paragraphs that put a clause next to a boilerplate sentence of the same split."""
    mixed = []
    pools = {
        split: [s for s in standard if s.split == split] for split in (TRAIN, VALIDATION, HELD_OUT)
    }
    for example in examples:
        pool = pools[example.split]
        if rng.random() < 0.15 and pool:
            other = rng.choice(pool).text
            text = f"{example.text} {other}" if rng.random() < 0.5 else f"{other} {example.text}"
            mixed.append(ClauseExample(text, example.label, example.group, example.split))
    return mixed


_SECTION_TITLES = [
    "General",
    "Miscellaneous",
    "Term and Termination",
    "Fees and Payment",
    "Warranties",
    "Limitation of Liability",
    "Indemnification",
    "Proprietary Rights",
    "Data Protection",
    "Suspension",
    "Renewal",
    "Confidentiality",
]


def _sections(standard: list[ClauseExample], count: int, rng: random.Random) -> list[ClauseExample]:
    """Return multi-provision boilerplate sections: a numbered title and 2-4 sentences.

    General terms print several provisions under one heading, often one that names a
    clause topic ("Limitation of Liability") above unrelated sentences; all stay standard.
    """
    sections = []
    for split in (TRAIN, VALIDATION, HELD_OUT):
        pool = [s.text for s in standard if s.split == split and len(s.text.split()) > 6]
        for _ in range(count if pool else 0):
            title = f"{rng.randint(1, 40)}. {rng.choice(_SECTION_TITLES)}."
            body = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 4)))
            sections.append(
                ClauseExample(f"{title} {body}", STANDARD_LABEL, f"section:{split}", split)
            )
    return sections


_HARD = re.compile(
    r"liab|damage|terminat|cancel|exclusiv|compet|solicit|sole|audit|inspect|records|escrow|"
    r"source code|favou?r|price|pricing|renew|extend",
    re.IGNORECASE,
)
"""Words of the mapped types: a CUAD negative that has one is a hard negative, always kept."""


def _cuad_sample(
    sentences: list[CuadSentence], easy_share: float, rng: random.Random
) -> list[CuadSentence]:
    """Return every positive and hard negative, and ``easy_share`` of the other negatives.

    Negatives whose cues point to a type CUAD does not label (acceptance, payment terms,
    service credits) are left out: CUAD does not say they are standard.
    """
    positives = [s for s in sentences if s.label != STANDARD_LABEL]
    negatives = [
        s
        for s in sentences
        if s.label == STANDARD_LABEL and (_HARD.search(s.text) or rng.random() < easy_share)
    ]
    cue_rows = CueMatcher().matrix([s.text for s in negatives])
    unlabelled = [i for i, name in enumerate(CUE_NAMES) if name.split("/")[0] in _NOT_IN_CUAD]
    quiet = (cue_rows[:, unlabelled].sum(axis=1) == 0).A1
    return positives + [s for s, q in zip(negatives, quiet, strict=True) if q]


_NOT_IN_CUAD = frozenset({"acceptance_clause", "custom_payment_terms", "service_level_credits"})


def build_corpus(
    cuad_dir: Path | None,
    seed: int,
    config: CorpusConfig | None = None,
    cuad_sentences: Sequence[CuadSentence] | None = None,
) -> list[ClauseExample]:
    """Return the whole labelled corpus, deterministic for a given seed and CUAD copy.

    ``cuad_sentences`` are the contracts' sentences when the caller has read them already
    (:func:`~training.clauses.cuad.read_contract_sentences` of ``cuad_dir``). Texts that
    also occur in training are dropped from the validation and held-out splits.
    """
    config = config or CorpusConfig()
    rng = random.Random(seed)
    families = {**COMMERCIAL_FAMILIES, **LEGAL_FAMILIES}
    families = {label: families[label] + VARIED_FAMILIES[label] for label in families}
    positives: list[ClauseExample] = []
    for label, templates in families.items():
        positives += _family_examples(
            label, templates, config.per_positive_family, config.split_every, rng
        )
    standard = _family_examples(
        STANDARD_LABEL,
        [
            *STANDARD_FAMILIES,
            *TERMS_FAMILIES,
            *HARD_STANDARD_FAMILIES,
            *ORDER_FAMILIES,
            *PREAMBLE_FAMILIES,
        ],
        config.per_standard_family,
        config.split_every,
        rng,
    )
    examples = positives + standard + _with_context(positives, standard, rng)
    examples += _sections(standard, config.sections_per_split, rng)
    if cuad_dir is not None:
        sentences = list(cuad_sentences or read_contract_sentences(cuad_dir))
        kept = _cuad_sample(sentences, config.cuad_easy_negative_share, rng)
        examples += [ClauseExample(s.text, s.label, f"cuad:{s.contract}", s.split) for s in kept]
    train_texts = {e.text for e in examples if e.split == TRAIN}
    unique: dict[tuple[str, str], ClauseExample] = {}
    for example in examples:
        if example.split != TRAIN and example.text in train_texts:
            continue
        unique.setdefault((example.text, example.split), example)
    return list(unique.values())
