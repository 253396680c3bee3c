"""The clause playbook: compare a typed clause with the provider's standard position.

Step two of the clause stage (step one, finding and typing candidate clauses, is
``triage.extraction.clauses``). ``Playbook.judge(clause_type, text)`` returns a
``Deviation`` saying what differs, with the standard beside it, or None when the clause
is standard. In order:

1. sentences that reproduce a registered standard agreement or an exemplar (near
   duplicates, see ``standard_text``) with the same parameters are standard and dropped;
   only the rest, the new text, is judged;
2. a parameter of the clause type read from the new text that departs from its standard
   value ("24 months of fees" against 12) is a deviation;
3. so is deviating wording ("uncapped", "for convenience"), once standard phrases
   ("non-exclusive", "exclusive of VAT") are masked;
4. a type that another rule of the pack compares (``compared_by``) is left to that rule;
5. a standard sentence whose numbers were changed is a deviation from that sentence;
6. new wording under a heading such as "Special terms", or opened by "Notwithstanding",
   gets a closer look: it is judged by every clause type's parameters and wording, since
   what the classifier took for one type may deviate as another.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from triage.comparison.clause_terms import Quantity, read_quantities, words_to_digits
from triage.comparison.config_file import describe_errors, load_config_file
from triage.comparison.playbook_file import (
    ClausePosition,
    ParameterSpec,
    PlaybookFile,
    WordingDeviation,
)
from triage.comparison.standard_text import SentenceMatch, StandardText
from triage.contract import ClauseType
from triage.errors import ConfigError

__all__ = ["Deviation", "Playbook"]

_FLAGS = re.IGNORECASE | re.DOTALL
_HEADING_CHARS = 120
"""How far into a clause its section heading may stand (the heading is attached first)."""


@dataclass(frozen=True, slots=True)
class Deviation:
    """What a clause changes: the difference in words, the standard beside it, the text."""

    difference: str
    standard: str
    found: str


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def _signature(text: str) -> Counter[tuple[str, Decimal]]:
    return Counter((q.kind.value, q.value) for q in read_quantities(text))


class Playbook:
    """A loaded, validated playbook with its standard agreements indexed."""

    def __init__(self, document: PlaybookFile, agreements: dict[str, str]) -> None:
        """Index ``agreements`` (name -> text) and every exemplar of ``document``."""
        self.document = document
        self.version = document.version
        self.standard = StandardText(
            document.matching.shingle_words, document.matching.min_similarity
        )
        for name, text in agreements.items():
            if self.standard.add(text, name) == 0:
                raise ConfigError(f"standard agreement {name!r} has no text")
        for clause_type, position in document.clauses.items():
            for exemplar in position.exemplars:
                self.standard.add(exemplar, f"playbook exemplar ({clause_type.value})")
        self.agreement_names = tuple(agreements)
        closer = document.closer_look
        self._headings = [re.compile(h, _FLAGS) for h in closer.headings]
        self._openers = [
            re.compile(rf"^\W*(?:\d+(?:\.\d+)*\W+)?{o}", _FLAGS) for o in closer.openers
        ]

    @classmethod
    def load(cls, path: Path) -> Playbook:
        """Read and validate the playbook at ``path`` and the agreements it names."""
        return load_config_file(path, lambda data: cls.from_mapping(data, path.parent))

    @classmethod
    def from_mapping(cls, data: dict[str, Any], folder: Path) -> Playbook:
        """Validate a parsed playbook; its agreement files are read relative to ``folder``."""
        try:
            document = PlaybookFile.model_validate(data)
        except ValidationError as error:
            raise ConfigError(describe_errors(error)) from None
        agreements: dict[str, str] = {}
        for entry in document.standard_agreements:
            path = folder / entry.file
            try:
                agreements[entry.name] = path.read_text(encoding="utf-8")
            except OSError as error:
                raise ConfigError(
                    f"standard agreement {entry.name!r}: cannot read {path}: "
                    f"{error.strerror or error}"
                ) from None
        return cls(document, agreements)

    def position(self, clause_type: ClauseType) -> ClausePosition:
        """Return the standard position on ``clause_type``."""
        return self.document.clauses[clause_type]

    def compared_by(self) -> set[str]:
        """Return every rule id the playbook leaves a clause type to."""
        return {rule for p in self.document.clauses.values() for rule in p.compared_by}

    def new_text(self, text: str) -> tuple[list[str], list[SentenceMatch]]:
        """Return the sentences of ``text`` that are not standard, and the standard
        sentences among them whose parameters were changed."""
        novel: list[str] = []
        altered: list[SentenceMatch] = []
        for sentence, match in self.standard.match_all([text]):
            if match is None:
                novel.append(sentence)
            elif _signature(sentence) != _signature(match.standard.text):
                novel.append(sentence)
                altered.append(match)
        return novel, altered

    def judge(self, clause_type: ClauseType, text: str) -> Deviation | None:
        """Return how the clause departs from the playbook, or None when it is standard."""
        novel, altered = self.new_text(text)
        if not novel:
            return None
        position = self.position(clause_type)
        new = " ".join(novel)
        found = self._parameter_deviation(position, new) or self._wording_deviation(position, new)
        if found is not None:
            return found
        if position.compared_by:  # its terms, changed or new, are the rule's to compare
            return None
        if altered:
            match = altered[0]
            return Deviation(
                f'{position.title}: "{_excerpt(match.sentence)}" changes the standard '
                f"wording of {match.standard.source}",
                match.standard.text,
                match.sentence,
            )
        return self._closer_look(clause_type, text, new)

    def restated(
        self,
        clause_type: ClauseType,
        text: str,
        quoted: Callable[[str], Any],
        extracted: Callable[[str], Any],
    ) -> Deviation | None:
        """Return a deviation when the clause restates a term the pack compares with the
        quote (``restates``) with a value the quote does not have, and the extracted term the
        rule compared does not carry that value either: the clause is then the only place
        the difference shows. Values are looked up by field name with ``quoted`` and
        ``extracted``."""
        new = " ".join(self.new_text(text)[0])
        for restatement in self.position(clause_type).restates:
            match = re.search(restatement.pattern, new, flags=_FLAGS)
            if match is None:
                continue
            quote_value, extracted_value = quoted(restatement.field), extracted(restatement.field)
            stated = restatement.value
            if quote_value is None or _same(quote_value, stated) or _same(extracted_value, stated):
                continue
            difference = restatement.says.format(found=_shown(stated), quoted=_shown(quote_value))
            standard = f"as the quote says ({restatement.field}: {_shown(quote_value)})"
            start, end = _sentence_span(new, match.start(), match.end())
            return Deviation(difference, standard, new[start:end].strip())
        return None

    def typed_evidence(self, clause_type: ClauseType, text: str) -> bool:
        """Return True when ``text`` carries what the playbook reads for ``clause_type``: one
        of its parameters, or its deviating wording (standard phrases masked)."""
        position = self.position(clause_type)
        readings = read_quantities(text)
        normal = words_to_digits(text)
        if any(_applies(spec, r, normal) for spec in position.parameters for r in readings):
            return True
        return self._wording_deviation(position, text) is not None

    def _parameter_deviation(self, position: ClausePosition, text: str) -> Deviation | None:
        readings = read_quantities(text)
        normal = words_to_digits(text)  # the readings' offsets are into this text
        for spec in position.parameters:
            for reading in readings:
                if _applies(spec, reading, normal) and spec.deviation(reading.value):
                    standard = _number(spec.standard) if spec.standard is not None else ""
                    difference = spec.says.format(found=_number(reading.value), standard=standard)
                    start, end = _sentence_span(normal, reading.start, reading.end)
                    return Deviation(difference, position.standard, normal[start:end].strip())
        return None

    def _wording_deviation(self, position: ClausePosition, text: str) -> Deviation | None:
        masked = text
        for phrase in position.standard_phrases:
            masked = re.sub(phrase, " ", masked, flags=_FLAGS)
        for wording in position.deviations:
            match = _search(wording, masked)
            if match is not None:
                quoted = _context(masked, match.start(), match.end())
                difference = wording.says.format(found=quoted, standard=position.standard)
                start, end = _sentence_span(text, match.start(), match.end())
                return Deviation(difference, position.standard, text[start:end].strip())
        return None

    def section(self, text: str) -> str | None:
        """Return the heading or opener that puts ``text`` under a closer look, if any."""
        head = text[:_HEADING_CHARS]
        for pattern in self._headings:
            match = pattern.search(head)
            if match is not None:
                return f'"{match.group(0)}"'
        for pattern in self._openers:
            match = pattern.search(text)
            if match is not None:
                return f'a "{match.group(0).strip()}" clause'
        return None

    def _closer_look(self, clause_type: ClauseType, text: str, new: str) -> Deviation | None:
        """Under a closer-look heading, judge the new text by every other type's terms too:
        what the classifier took for one type may deviate as another."""
        section = self.section(text)
        if section is None:
            return None
        for other, position in self.document.clauses.items():
            if other is clause_type or position.compared_by:
                continue
            found = self._parameter_deviation(position, new) or self._wording_deviation(
                position, new
            )
            if found is not None:
                difference = self.document.closer_look.says.format(
                    title=position.title, section=section, difference=found.difference
                )
                return Deviation(difference, found.standard, found.found)
        return None


def _same(value: Any, stated: bool | Decimal) -> bool:
    if isinstance(stated, bool) or isinstance(value, bool) or value is None:
        return value is stated
    return Decimal(str(value)) == stated


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _number(Decimal(str(value)))


def _applies(spec: ParameterSpec, reading: Quantity, text: str) -> bool:
    if reading.kind is not spec.reads:
        return False
    if spec.between is not None and not spec.between[0] <= reading.value <= spec.between[1]:
        return False
    if spec.near is None:
        return True
    start = max(0, reading.start - spec.window)
    return re.search(spec.near, text[start : reading.end + spec.window], flags=_FLAGS) is not None


def _search(wording: WordingDeviation, text: str) -> re.Match[str] | None:
    """Return the first match of the wording whose sentence has what it ``requires`` and
    nothing that makes it standard (``unless``)."""
    for match in re.finditer(wording.pattern, text, flags=_FLAGS):
        if wording.requires is None and wording.unless is None:
            return match
        start, end = _sentence_span(text, match.start(), match.end())
        sentence = text[start:end]
        if wording.requires is not None and not re.search(wording.requires, sentence, _FLAGS):
            continue
        if wording.unless is not None and re.search(wording.unless, sentence, _FLAGS):
            continue
        return match
    return None


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Return where the sentence (or ``;`` part) holding ``text[start:end]`` begins and ends."""
    begin = max(text.rfind(". ", 0, start), text.rfind("; ", 0, start)) + 1
    ends = [i + 1 for i in (text.find(". ", end), text.find("; ", end)) if i >= 0]
    return begin, min(ends) if ends else len(text)


def _context(text: str, start: int, end: int, reach: int = 30) -> str:
    """Return the matched words with a few words either side, within their sentence."""
    left = text[max(0, start - reach) : start]
    right = text[end : end + reach]
    left = re.split(r"[.;:]\s", left)[-1]
    right = re.split(r"[.;:](\s|$)", right)[0]
    if start - len(left) > 0 and " " in left:
        left = left.split(" ", 1)[1]
    if end + len(right) < len(text) and " " in right:
        right = right.rsplit(" ", 1)[0]
    return " ".join(f"{left}{text[start:end]}{right}".split())


def _excerpt(text: str, limit: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
