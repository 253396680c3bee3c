"""The cue lexicon of prose: which phrases introduce which field, and what entity follows.

Two kinds of rule. A *cue* rule takes the first entity of the right label within a few
tokens after a cue phrase ("shall commence on" DATE). A *sentence* rule takes the first
entity of the right label in a sentence whose words show what it is about ("invoice",
"payable" ... DAYS). ``forbids`` keeps a rule out of sentences about something else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CUE_RULES", "SENTENCE_RULES", "CueRule", "SentenceRule"]


@dataclass(frozen=True, slots=True)
class CueRule:
    """Cue phrases, the entity label expected after them, how far, and a rule score."""

    field: str
    phrases: tuple[str, ...]
    label: str
    score: float
    reach: int = 4
    forbids: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class SentenceRule:
    """Every ``requires`` pattern present and ``forbids`` absent: take the entity."""

    field: str
    requires: tuple[re.Pattern[str], ...]
    label: str
    score: float
    forbids: re.Pattern[str] | None = None
    follows: re.Pattern[str] | None = None  # must match the entity and the words after it


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_NOT_BILLING = _rx(r"invoic|\bbill|payment|renew|notice")
CUE_RULES: tuple[CueRule, ...] = (
    CueRule(
        "start_date",
        (
            "commence on",
            "commences on",
            "commencing on",
            "shall commence on",
            "begin on",
            "begins on",
            "beginning on",
            "start on",
            "starts on",
            "starting on",
            "effective from",
            "with effect from",
            "commencing",
            "starting",
            "from",
            "start date of",
            "commencement date of",
        ),
        "DATE",
        0.85,
        3,
        _NOT_BILLING,
    ),
    CueRule(
        "end_date",
        (
            "end on",
            "ends on",
            "ending on",
            "expire on",
            "expires on",
            "expiring on",
            "through",
            "until",
            "to and including",
            "terminate on",
            "terminates on",
            "end date of",
            "and ending",
            "to",
        ),
        "DATE",
        0.8,
        3,
        # An offer, a quote or a price is valid until a date that ends no subscription.
        _rx(r"invoic|\bbill|payment|renew|notice|\boffer|accept|\bvalid|\bquot|\bheld\b"),
    ),
    CueRule(
        "billing_start_date",
        (
            "invoicing will begin on",
            "invoicing begins on",
            "billing starts on",
            "billing begins on",
            "billing will begin on",
            "billing commences on",
            "invoicing commences on",
            "invoicing will commence on",
            "billing will commence on",
            "first invoice will be issued on",
            "first invoice on",
            "invoicing starts on",
            "billing will start on",
            "invoicing will start on",
            "invoiced starting",
            "invoiced from",
            "billed from",
            "billing start date of",
            "first invoice",
            "invoicing",
            "billing",
        ),
        "DATE",
        0.85,
        6,
    ),
    CueRule(
        "term_months",
        (
            "continue for",
            "for a period of",
            "term of",
            "period of",
            "initial term of",
            "a term of",
            "duration of",
            "for an initial",
            "for a term of",
            "term is",
            "term shall be",
            "term:",
            "for",
        ),
        "DURATION",
        0.8,
        3,
        _rx(r"renew|notice|invoic|\bbill"),
    ),
    CueRule(
        "order_date",
        (
            "dated",
            "dated as of",
            "as of",
            "entered into on",
            "entered into as of",
            "effective as of",
            "made on",
            "executed on",
            "issued on",
            "order date",
        ),
        "DATE",
        0.75,
        3,
        # A date attached to another agreement ("the Master Agreement ... dated 19 March
        # 2025") is that agreement's date, not this order's.
        _rx(
            r"commenc|start|begin|invoic|\bbill|expir|\bend"
            r"|\b(?:master|framework|msa|principal|underlying|existing|prior)\b[^.;]{0,60}"
            r"\b(?:agreement|contract|terms|msa)\b[^.;]{0,60}\b(?:dated|as\s+of|made\s+on)\b"
        ),
    ),
)

SENTENCE_RULES: tuple[SentenceRule, ...] = (
    SentenceRule(
        "payment_terms_days",
        (
            _rx(r"\b(?:pay|payable|paid|payment|due)\b|\bnet[\s\-]*\d"),
            _rx(r"invoice|\bnet[\s\-]*\d|receipt|billing"),
        ),
        "DAYS",
        0.85,
        _rx(r"renew|terminat|notice|cure|breach"),
        # A payment term counts from the invoice: "Net 30", "30 days of the invoice date",
        # "30 days from receipt of invoice", "each invoice is payable within 21 days of its
        # date"; not "10 days after the end of the quarter".
        _rx(
            r"^net\b|^[^.;]{0,30}?\b(?:of|from|after|following)\s+(?:the\s+)?"
            r"(?:date\s+of\s+(?:the\s+)?|receipt\s+of\s+(?:the\s+)?|issuance\s+of\s+(?:the\s+)?)?"
            r"(?:invoice|receipt|billing)"
            r"|^[^.;]{0,30}?\b(?:of|from|after|following)\s+(?:its|their)\s+"
            r"(?:date|issue|issuance|receipt)\b"
        ),
    ),
    SentenceRule(
        "renewal_notice_days", (_rx(r"renew"), _rx(r"notice|prior|before|advance")), "DAYS", 0.85
    ),
    SentenceRule(
        "renewal_term_months",
        (_rx(r"renew"),),
        "DURATION",
        0.8,
        # "does not renew", "will not be renewed", "no renewal"; not "notice of non-renewal".
        _rx(
            r"\b(?:not|never)\s+(?:be\s+)?(?:automatically\s+)?renew|\bno\s+(?:automatic\s+)?renewal"
            r"|without\s+(?:automatic\s+)?renewal"
            # a price held for a while ("fixed for 3 years ... on renewal") is no renewal term
            r"|\b(?:fixed|held|locked|frozen|guaranteed)\s+for\b"
        ),
    ),
    SentenceRule(
        "renewal_uplift_cap_pct",
        (_rx(r"renew"), _rx(r"increas|uplift|exceed|cap|more\s+than")),
        "PERCENT",
        0.85,
    ),
    SentenceRule(
        "billing_frequency",
        (_rx(r"invoic|\bbill|charged|payable"),),
        "FREQ",
        0.85,
        # Usage, overage and one-time fees have billing cycles of their own; the order's
        # billing frequency is the subscription's.
        _rx(
            r"renew|notice|usage|overage|consumption|as\s+delivered|one[\s\-]?(?:time|off)"
            r"|on\s+signature"
            r"|professional\s+services"
        ),
    ),
    SentenceRule(
        "total_contract_value",
        (_rx(r"total|aggregate"), _rx(r"fee|value|amount|price|contract")),
        "MONEY",
        0.75,
        _rx(r"liabilit|exceed|cap\b"),
    ),
)
