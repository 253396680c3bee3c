"""The parties named in prose ("between X ("Provider") and Y ("Customer")") and whether the
order renews automatically, read from the wording of its renewal sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from triage.documents.parsed import Page
from triage.extraction.fields.blocks import TextBlock
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.cues import STATEMENTS
from triage.extraction.fields.lexicon import (
    ENDS_IN_LEGAL_FORM,
    HONORIFICS,
    LEGAL_FORM,
    LOWERCASE_LEGAL_FORMS,
    NAME_JOINERS,
    SALUTATIONS,
)
from triage.extraction.layout.segments import split_line
from triage.extraction.normalise import parse_date

__all__ = [
    "COMPANY_NAME",
    "between_candidates",
    "letterhead_candidates",
    "opens_with_honorific",
    "party_candidates",
    "renewal_candidates",
]

_PUNCTUATION = re.compile(r"[^\w\s]")

_SENTENCE = re.compile(r"[^.;]+[.;]?")
_INSTRUCTION = re.compile(
    r"\b(?:complete|fill\s+in|tick|select|choose|mark)\b[^.;]{0,40}\b(?:only\s+)?if\b", re.I
)
_RENEWAL_LABEL = re.compile(r"renew\w*\s*:", re.IGNORECASE)
_CUSTOMER_ROLES = "customer|client|licensee|subscriber|buyer|purchaser"
_PROVIDER_ROLES = "provider|supplier|vendor|licensor|seller|company"
# A defined term in brackets after a name: ("Customer"), (the "Service Provider"), ("Ostrander",
# "we" or "us"), ("you" or the "Customer"). The letter's writer ("we") is the provider and
# its addressee ("you") the customer.
_ROLE = re.compile(r"\((?P<inner>[^()]{1,80})\)")
_QUOTED_TERM = re.compile(
    r"(?:^|[\s,;])(?:the\s+|hereinafter\s+(?:the\s+)?)?[\"“”'‘’]?\s*(?P<term>[A-Za-z]+)[\"“”'‘’]?"
)
# The pronouns of a letter are defined in lower case: ("we" or "us"); "US" is a country.
_CUSTOMER_TERMS = re.compile(rf"^(?:(?i:{_CUSTOMER_ROLES})|you)$")
_PROVIDER_TERMS = re.compile(rf"^(?:(?i:{_PROVIDER_ROLES})|we|us)$")


_SHORT_NAME = re.compile(r"^\s*[\"“”'‘’]\s*[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)?\s*[\"“”'‘’]\s*$")


def _counterparty_role(text: str, match: re.Match[str]) -> str | None:
    """A party defined by a short name ("Corvane") in a sentence that defines the other
    party as the customer is the provider."""
    if not _SHORT_NAME.match(match.group("inner")):
        return None
    masked = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\u00b7", text)  # "Inc." ends none
    sentence_start = max(masked.rfind(". ", 0, match.start()), 0)
    sentence_end = masked.find(". ", match.end())
    sentence = text[sentence_start : sentence_end if sentence_end > 0 else len(text)]
    others = [_role_of(m.group("inner")) for m in _ROLE.finditer(sentence)]
    return "provider" if "customer" in others and "provider" not in others else None


def _role_of(inner: str) -> str | None:
    """Return ``customer`` or ``provider`` when a bracket defines a party's role; a bracket
    with a figure in it ("(US$96,760.00)", "(3)") defines nothing."""
    if any(c.isdigit() for c in inner):
        return None
    if not re.search(r"[\"“”'‘’]|\bthe\b|hereinafter", inner) and len(inner.split()) > 1:
        return None
    for match in _QUOTED_TERM.finditer(inner):
        term = match.group("term")
        if _CUSTOMER_TERMS.match(term):
            return "customer"
        if _PROVIDER_TERMS.match(term):
            return "provider"
    return None


_LEADING_JOIN = re.compile(
    r"^[\s,;]*(?:and\s+|&\s+|with\s+|by\s+|to\s+|from\s+|for\s+)?", re.IGNORECASE
)
_ANCHOR = re.compile(r"(?:\bbetween|\band|\bby|\bwith|[.;:])\s+", re.IGNORECASE)
_DESCRIPTOR = re.compile(
    r",?\s+(?:a|an)\s+(?:[A-Z][a-z]+\s+)*(?:company|corporation|limited|llc|entity|partnership|"
    r"organi[sz]ation|incorporated|registered)\b.*$|,?\s+(?:with|having)\s+(?:its|a)\s+.*$"
    r"|,\s+(?:of|at|located\s+at|whose\s+address\s+is)\s+.*$|,\s+\d.*$",
    re.IGNORECASE,
)
# Full stops of legal abbreviations end no sentence: hide them from the anchor search.
_ABBREVIATION = re.compile(
    r"\b(?:Inc|Ltd|Co|Corp|Pty|Plc|Bhd|LLC|L\.L\.C|S\.A|N\.V|B\.V|St)\.", re.IGNORECASE
)


def _name_joined_by(text: str, anchor: re.Match[str]) -> int | None:
    """Where a name starts that the "and" of ``anchor`` joins ("... services that Lumen and
    Vale Architects LLP"): the capitalised words right before it, which end in no legal
    form (after "Acme Inc and" a second party begins). None if the "and" joins no name."""
    if anchor.group(0).strip().lower() != "and":
        return None
    start = anchor.start()
    words = 0
    for word in reversed(list(re.finditer(r"\S+", text[: anchor.start()]))):
        if not word.group(0)[:1].isupper() or words == 4:
            break
        start, words = word.start(), words + 1
    if words == 0 or ENDS_IN_LEGAL_FORM.search(text[start : anchor.start()].strip()):
        return None
    return start


_ENUMERATION = re.compile(r"^(?:\(\w{1,3}\)|\w{1,2}[.)])\s+")


def _party_name(text_before: str, *, anchored: bool) -> str | None:
    name = text_before
    if anchored:
        masked = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\u00b7", text_before)
        anchors = list(_ANCHOR.finditer(masked))
        name = text_before[anchors[-1].end() :] if anchors else text_before
        for anchor in reversed(anchors):
            joined = _name_joined_by(masked, anchor)
            if joined is None:
                break
            name = text_before[joined : anchor.end()] + name
    name = _DESCRIPTOR.sub("", name).strip(" ,\"“”'")
    name = _ENUMERATION.sub("", name)  # "(1) ORCHARD METRICS GMBH"
    words = name.split()
    if not 1 <= len(words) <= 8 or not name[:1].isupper():
        return None
    return name


def _trailing_name(text_before: str) -> str | None:
    """The run of capitalised words that ends right before a defined term's bracket
    ("... the terms on which Ostrander Cloud Services Limited"), joiners kept inside."""
    words = text_before.split()
    taken: list[str] = []
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        bare = word.strip(",.;:\"“”'").lower()
        if word[:1].isupper() or bare in LOWERCASE_LEGAL_FORMS or (taken and bare in NAME_JOINERS):
            taken.append(word)
            continue
        if any(c.isdigit() for c in word):
            return None  # "... Hafenstrasse 4, 20457 Hamburg": the end of an address
        break
    while taken and taken[-1].strip(",").lower() in NAME_JOINERS:
        taken.pop()
    name = " ".join(reversed(taken)).strip(" ,\"“”'")
    return name if 1 <= len(name.split()) <= 8 and name[:1].isupper() else None


def party_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield customer/provider names defined in prose by a bracketed role.

    A second party's name starts right after the first party's bracket ("... ("Provider")
    and Cobalt and Finch Limited ("Customer")"), so an "and" inside a name is kept.
    """
    for block in blocks:
        previous_end: int | None = None
        for match in _ROLE.finditer(block.text):
            role = _role_of(match.group("inner")) or _counterparty_role(block.text, match)
            if role is None:
                continue
            begin = max(0, match.start() - 160)
            if previous_end is not None and match.start() - previous_end < 160:
                begin = previous_end
                head = _LEADING_JOIN.sub("", block.text[begin : match.start()])
                begin = match.start() - len(head)
                name = _party_name(head, anchored=False)
            else:
                head = block.text[begin : match.start()]
                name = _party_name(head, anchored=True)
            previous_end = match.end()
            name = name or _trailing_name(head)
            if name is None:
                continue
            field = "customer_legal_name" if role == "customer" else "provider_legal_name"
            start = begin + head.rfind(name)
            words = block.words_between(start, start + len(name))
            yield Candidate(field, name, 0.85, Source.SENTENCE, words)


_BETWEEN = re.compile(r"\bbetween\s+(?=[A-Z])")
_BETWEEN_SCORE = 0.5  # the order of the names is a convention, not a definition


def _leading_name(text: str) -> tuple[str, int] | None:
    """The run of capitalised words (joiners and legal forms kept inside) that opens
    ``text``, and where it ends; None if it is a party's role ("Customer") or no name."""
    taken: list[str] = []
    end = 0
    for word in re.finditer(r"\S+", text):
        bare = word.group(0).strip(",.;:\"“”'()").lower()
        raw = word.group(0)
        if raw[:1].isupper() or (taken and (bare in LOWERCASE_LEGAL_FORMS or bare in NAME_JOINERS)):
            taken.append(raw)
            end = word.end()
            if raw[-1:] in ",;:(" or (raw.endswith(".") and not _ABBREVIATION.search(raw)):
                break
            continue
        break
    while taken and taken[-1].strip(",").lower() in NAME_JOINERS:
        end -= len(taken.pop()) + 1
    name = " ".join(taken).strip(" ,.;:\"“”'")
    if ENDS_IN_LEGAL_FORM.search(" ".join(taken).strip(" ,;:")):
        name = " ".join(taken).strip(" ,;:\"“”'")  # "Ltd." keeps its full stop
    if not 1 <= len(name.split()) <= 8 or any(c.isdigit() for c in name):
        return None
    if _CUSTOMER_TERMS.match(name) or _PROVIDER_TERMS.match(name):
        return None
    return name, end


def between_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield weak provider and customer names from "between X and Y" with no role defined
    for either: the provider named first, as order forms set them ("Order No. HX-7740
    between Halverton Exchange Ltd and Rossendale Building Society"). The names part at
    the "and" after a legal form, else at the first "and"."""
    for block in blocks:
        text = block.text
        for match in _BETWEEN.finditer(text):
            run = _leading_name(text[match.end() :])
            if run is None:
                continue
            after = text[match.end() + run[1] :].lstrip()[:1]
            if after == "(" or "(" in run[0]:
                continue  # a role in brackets: party_candidates reads it
            splits = list(re.finditer(r"\s+(?:and|&)\s+(?=[A-Z])", run[0]))
            if not splits:
                continue
            cut = next((m for m in splits if ENDS_IN_LEGAL_FORM.search(run[0][: m.start()])), None)
            cut = cut or splits[0]
            first, second = run[0][: cut.start()], run[0][cut.end() :]
            if any(_CUSTOMER_TERMS.match(n) or _PROVIDER_TERMS.match(n) for n in (first, second)):
                continue
            for field, name, offset in (
                ("provider_legal_name", first, 0),
                ("customer_legal_name", second, cut.end()),
            ):
                start = match.end() + offset
                words = block.words_between(start, start + len(name))
                yield Candidate(field, name, _BETWEEN_SCORE, Source.SENTENCE, words)


def renewal_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield auto-renewal True/False from sentences that say the order does or does not renew."""
    for block in blocks:
        if "renew" not in block.text.lower():
            continue
        for sentence in _SENTENCE.finditer(block.text):
            text = sentence.group(0)
            if "renew" not in text.lower():
                continue
            if _INSTRUCTION.search(text):
                continue  # "Complete only if auto-renewal is Yes": how to fill in the form
            label = _RENEWAL_LABEL.search(text)
            if label and len(text[label.end() :].split()) <= 4:
                continue  # "Auto-renewal: No" is a label/value pair, read as such
            if STATEMENTS["does_not_renew"].search(text):
                value = False
            elif STATEMENTS["renews_automatically"].search(text):
                value = True
            else:
                continue
            words = block.words_between(sentence.start(), sentence.end())
            yield Candidate("auto_renewal", value, 0.8, Source.SENTENCE, words)


# A company's name ends in its legal form: "Fjordline Data GmbH", "Brightline Analytics, Inc.",
# "HALBERD PUMPS & VALVES LTD"; joining words ("&", "and", "of") may stand inside it.
_NAME_WORD = rf"(?:[A-Z0-9][\w&'’.\-]*|{'|'.join(re.escape(j) for j in sorted(NAME_JOINERS))})"
COMPANY_NAME = re.compile(
    rf"^(?P<name>[A-Z0-9][\w&'’.\-]*,?\s+(?:{_NAME_WORD},?\s+){{0,6}}?{LEGAL_FORM})"
    r"(?:\s|$|[,·|])"
)


def _opens_with(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` starts with one of ``words`` (a form of address, a salutation)."""
    head = _PUNCTUATION.sub(" ", text.lower()).split()
    return any(" ".join(head[:n]) in words for n in (1, 2, 3))


def opens_with_honorific(text: str) -> bool:
    """A person's line ("Ms. Dana Whitfield", "Attn: J. Ruiz"); in mixed case an initialism
    ("MS Amlin plc") is no form of address."""
    first = text.split()[0] if text.split() else ""
    if text != text.upper() and len(first.strip(".:")) > 1 and first.strip(".:").isupper():
        return False
    return _opens_with(text, HONORIFICS)


# "the Master Subscription Agreement between Brightline Analytics, Inc. and Customer"
_BETWEEN_ROLE = re.compile(
    r"\bbetween\s+(?P<name>[A-Z][^()]{2,80}?)\s+and\s+(?:the\s+)?(?P<role>Customer|Client|you)\b"
    r"|\bbetween\s+(?:the\s+)?(?:Customer|Client|you)\s+and\s+(?P<name2>[A-Z][^()]{2,80}?)(?=[\s,;.(]|$)",
)


_LETTERHEAD_LINES = 8  # the letterhead is among the first lines of the first page
_LETTERHEAD_WORDS = 8  # a longer run of words is the text, below any letterhead


def letterhead_candidates(
    pages: Sequence[Page], blocks: Sequence[TextBlock]
) -> Iterator[Candidate]:
    """Yield the provider named by its letterhead (a company name with its legal form at
    the top of the first page) or by "the Agreement between X and Customer"."""
    first = pages[0] if pages and pages[0].number == 1 else None
    for index, line in enumerate(first.lines[:_LETTERHEAD_LINES] if first else ()):
        # The name is a run of words of its own (quote details may sit beside it), alone
        # or followed by its address after a separator. The letterhead ends where the
        # addressee ("Ms Dana Whitfield", a date line) or the text begins.
        run = split_line(line, first.number, index)[0] if first else None
        if run is None or len(run.words) > _LETTERHEAD_WORDS:
            break
        if opens_with_honorific(run.text) or _opens_with(run.text, SALUTATIONS):
            break
        if len(run.words) <= 5 and parse_date(run.text, None) is not None:
            break  # the letter's date line
        match = COMPANY_NAME.match(run.text)
        if match is None:
            continue
        rest = run.text[match.end("name") :].strip()
        if rest and rest[0] not in ",·|–-":
            continue
        name = match.group("name").strip(" ,")
        words = tuple(run.placed(run.words[: len(name.split())]))
        yield Candidate("provider_legal_name", name, 0.55, Source.SENTENCE, words)
        break
    for block in blocks:
        for found in _BETWEEN_ROLE.finditer(block.text):
            group = "name" if found.group("name") else "name2"
            name = found.group(group).strip(" ,")
            if len(name.split()) > 8:
                continue
            start = found.start(group)
            words = block.words_between(start, start + len(name))
            yield Candidate("provider_legal_name", name, 0.7, Source.SENTENCE, words)
