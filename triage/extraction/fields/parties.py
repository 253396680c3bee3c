"""The parties named in prose ("between X ("Provider") and Y ("Customer")") and whether the
order renews automatically, read from the wording of its renewal sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from triage.extraction.fields.blocks import TextBlock
from triage.extraction.fields.candidates import Candidate, Source

__all__ = ["party_candidates", "renewal_candidates"]

_SENTENCE = re.compile(r"[^.;]+[.;]?")
_RENEWAL_LABEL = re.compile(r"renew\w*\s*:", re.IGNORECASE)
_CUSTOMER_ROLES = "customer|client|licensee|subscriber|buyer|purchaser"
_PROVIDER_ROLES = "provider|supplier|vendor|licensor|seller|company"
_ROLE = re.compile(
    r"\(\s*(?:the\s+|hereinafter\s+)?[\"“”']?\s*(?P<role>"
    + _CUSTOMER_ROLES
    + "|"
    + _PROVIDER_ROLES
    + r")\s*[\"“”']?\s*\)",
    re.IGNORECASE,
)
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
_AUTO_YES = re.compile(
    r"(?:automatically|auto[\s\-]?)\s*renew|renews?\s+automatically|shall\s+renew|will\s+renew"
    r"|renew\s+for\s+(?:successive|additional|further)",
    re.IGNORECASE,
)
_AUTO_NO = re.compile(
    r"(?:not|no|never)\s+(?:be\s+)?(?:automatically\s+)?(?:auto[\s\-]?)?renew|without\s+(?:automatic\s+)?renewal"
    r"|will\s+expire\s+(?:at|on)|no\s+automatic\s+renewal|does\s+not\s+auto|shall\s+expire|will\s+not\s+renew"
    r"|renewal\s+(?:requires|only\s+by|subject\s+to)\s+(?:a\s+)?(?:mutual|written|signed)",
    re.IGNORECASE,
)


# Full stops of legal abbreviations end no sentence: hide them from the anchor search.
_ABBREVIATION = re.compile(
    r"\b(?:Inc|Ltd|Co|Corp|Pty|Plc|Bhd|LLC|L\.L\.C|S\.A|N\.V|B\.V|St)\.", re.IGNORECASE
)


def _party_name(text_before: str, *, anchored: bool) -> str | None:
    name = text_before
    if anchored:
        masked = _ABBREVIATION.sub(lambda m: m.group(0)[:-1] + "\u00b7", text_before)
        anchors = list(_ANCHOR.finditer(masked))
        name = text_before[anchors[-1].end() :] if anchors else text_before
    name = _DESCRIPTOR.sub("", name).strip(" ,\"“”'")
    words = name.split()
    if not 1 <= len(words) <= 8 or not name[:1].isupper():
        return None
    return name


def party_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield customer/provider names defined in prose by a bracketed role.

    A second party's name starts right after the first party's bracket ("... ("Provider")
    and Cobalt and Finch Limited ("Customer")"), so an "and" inside a name is kept.
    """
    for block in blocks:
        previous_end: int | None = None
        for match in _ROLE.finditer(block.text):
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
            if name is None:
                continue
            role = match.group("role").lower()
            customer = re.fullmatch(_CUSTOMER_ROLES, role)
            field = "customer_legal_name" if customer else "provider_legal_name"
            start = begin + head.rfind(name)
            words = block.words_between(start, start + len(name))
            yield Candidate(field, name, 0.85, Source.SENTENCE, words)


def renewal_candidates(blocks: Sequence[TextBlock]) -> Iterator[Candidate]:
    """Yield auto-renewal True/False from sentences that say the order does or does not renew."""
    for block in blocks:
        if "renew" not in block.text.lower():
            continue
        for sentence in _SENTENCE.finditer(block.text):
            text = sentence.group(0)
            if "renew" not in text.lower():
                continue
            label = _RENEWAL_LABEL.search(text)
            if label and len(text[label.end() :].split()) <= 4:
                continue  # "Auto-renewal: No" is a label/value pair, read as such
            if _AUTO_NO.search(text):
                value = False
            elif _AUTO_YES.search(text):
                value = True
            else:
                continue
            words = block.words_between(sentence.start(), sentence.end())
            yield Candidate("auto_renewal", value, 0.8, Source.SENTENCE, words)
