"""Where the classifier looks closer: sections for negotiated terms, "Notwithstanding" clauses.

Text under a heading such as "Special terms", "Additional conditions" or "Modifications to
the Agreement", or opened by "Notwithstanding", is where an order form departs from the
provider's paper. There the classifier accepts a clause type at a lower probability
(``CLOSER_LOOK_FACTOR`` times its threshold): a candidate costs little, since the clause
playbook (``rules/playbook.yaml``, step two) raises only what departs from the standard.
"""

from __future__ import annotations

import re

__all__ = ["CLOSER_LOOK_FACTOR", "closer_look"]

CLOSER_LOOK_FACTOR = 0.6
"""Share of a clause type's threshold a candidate under closer look must reach."""

_HEADING = re.compile(
    r"\b(special|additional|supplement(al|ary)|negotiated)\s+(terms|conditions|provisions)\b|"
    r"\b(modifications?|amendments?|deviations?)\s+(to|of|from)\s+(the\s+)?(standard\s+)?"
    r"(agreement|terms|conditions)\b",
    re.IGNORECASE,
)
_OPENER = re.compile(r"^\W*(\d+(\.\d+)*\W+)?notwithstanding\b", re.IGNORECASE)
_HEAD_CHARS = 120


def closer_look(text: str, section: str) -> bool:
    """Return True when a paragraph (``text``, heading first) in ``section`` deserves it."""
    return bool(
        _HEADING.search(section) or _HEADING.search(text[:_HEAD_CHARS]) or _OPENER.search(text)
    )
