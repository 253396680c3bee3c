"""Semantic cue patterns per clause type, written from the meanings in ``docs/semantics.md``.

Each cue is a name and one or more patterns in a small token language compiled by
:mod:`triage.extraction.clauses.cues` into spaCy ``Matcher`` patterns:

* ``word`` matches the lower-cased token; ``a|b`` any of several;
* ``stem*`` any token starting with ``stem``;
* ``#`` a number in digits or words; ``%`` a percent sign or the word percent;
* ``~`` one optional token; ``..`` up to six tokens; ``...`` up to twelve.

Cue names start with the clause type they point to, or ``standard`` for the provider's
own paper (boilerplate cues let the combiner push shared vocabulary back to standard).
"""

from __future__ import annotations

__all__ = ["CUE_PATTERNS"]

_CUST = "customer|client|licensee|subscriber|buyer|purchaser|you|company"
_PRICE = "price|prices|pricing|fee|fees|rate|rates|charges|charge|cost|costs"
_STOP = "terminat*|cancel*|end|exit|withdraw|rescind|leave|quit"

CUE_PATTERNS: dict[str, list[str]] = {
    "termination_for_convenience/convenience": [
        f"{_STOP}|right|rights .. for ~ convenience",
        "convenience .. terminat*|cancel*",
    ],
    "termination_for_convenience/no_cause": [
        "without cause",
        "without any cause",
        "for any reason",
        "for no reason",
        "without ~ reason",
        "without giving|stating|providing|assigning ~ reason|reasons",
        "at will",
    ],
    "termination_for_convenience/any_time": [f"{_STOP} .. at any time", f"{_STOP} .. early"],
    "termination_for_convenience/on_notice": [
        f"{_CUST} .. {_STOP} ... upon|on|with|by|giving ... # ... notice",
        "walk away",
        "no ~ lock-in|lock - in",
        "opt out of|from ~ order|subscription|agreement",
    ],
    "termination_for_convenience/no_penalty": [
        f"{_STOP} ... without penalty|liability|charge",
        "no early termination fee",
        "pro rata|pro-rata|prorated|pro-rated refund",
    ],
    "most_favored_nation/most_favored": ["most favo*", "most-favo*", "mfn", "price parity"],
    "most_favored_nation/no_less_favorable": [
        "no|not less favo*",
        "at least as favo*",
        "no worse than",
        "not worse than",
        "equal to or better than",
        "as good as",
    ],
    "most_favored_nation/other_customers": [
        "lowest|best|lower|better .. price|prices|pricing|rate|rates|terms ... any|other|another"
        " ~ customer|customers|client|clients|licensee|licensees|buyer|purchaser",
        "any|another|other|third ~ customer|customers|client|clients|buyer|buyers|purchaser|"
        "licensee|licensees|party|parties ... lower|better|less|cheaper|advantageous|favo*",
        "similarly situated",
        "comparable|similar|equivalent customer|customers|client|clients",
    ],
    "most_favored_nation/match": [
        "match .. lower|better|lowest",
        "reduced|lowered|adjusted|cut .. to ~ match",
        "benefit of .. lower|better|favo*",
        "refund|credit .. difference",
    ],
    "price_protection/frozen": [
        "frozen",
        "freeze",
        "price|prices|pricing|rates|fees ~ lock|locked|hold|held|firm|fixed|guaranteed",
        "locked ~ in",
        "held|fixed|frozen|locked|kept .. current|existing|today's ~ levels|level|rates|prices",
        "fixed for",
        "price protection",
    ],
    "price_protection/no_increase": [
        f"{_PRICE} ... not|never|no .. increase|increased|rise|raised|go|change|changed",
        "no|without ~ increase|increases|uplift|escalation",
        "not be increased",
        "stay|remain|remains .. same|current|unchanged",
        "stay|stays|remain|remains ~ firm|fixed|frozen|locked",
        "same ~ unit|discounted|per ~ price|rate|discount|pricing",
    ],
    "price_protection/future_purchases": [
        "additional|future|further|new seats|licenses|licences|units|users|purchases|orders"
        " ... same|current|discount|discounted|price",
    ],
    "custom_payment_terms/instalments": [
        "instalment*",
        "installment*",
        "tranche*",
        "# equal|monthly|quarterly|annual|separate ~ payments|parts|portions|amounts",
        "payment plan",
        "payment schedule",
        "split|spread .. payment|payments|fees|fee",
    ],
    "custom_payment_terms/contingent": [
        "contingent|conditional|conditioned|dependent .. on|upon",
        "pay when paid",
        "paid when paid",
        "pay-when-paid",
        "pay - when - paid",
        "when|after|until ... been|is|are paid by",
        "receives|received payment|funding|funds from",
    ],
    "custom_payment_terms/milestone": ["milestone*", "go-live", "go - live", "goes|go live"],
    "custom_payment_terms/deferred": [
        "defer*",
        "postpone*",
        "# % ... upon|on|at signature|signing|execution",
        "balance|remainder ... upon|on|at|after",
        "withhold .. payment|payments|fees",
        "net|within # ... days ... rather|instead|extended",
        "payment term|period ... run|runs|start|starts|begin|begins ~ from|on|when",
        "not ~ be|fall|become ~ payable|due .. before|until|prior|earlier",
        "payable|due|paid ... after|following ~ the ~ end|close ~ of ~ the ~ following|next|"
        "fiscal|financial|calendar",
    ],
    "acceptance_clause/testing": [
        "acceptance test*",
        "acceptance criteria",
        "acceptance certificate",
        "acceptance period",
        "acceptance procedure*",
        "acceptance form|forms|note|notice",
        "certificate of acceptance",
        "user acceptance",
        "uat",
    ],
    "acceptance_clause/written_acceptance": [
        "written|formal|final acceptance",
        f"until|unless|after|upon|before|prior|following ... {_CUST} .. accept|accepts|accepted|"
        "sign|signs|signed|certif*|confirm*|approve*",
        "until|upon|after|following ~ acceptance",
        "sign - off",
        "sign-off",
        "signs off",
        "deemed accepted only",
        "reject .. deliverable*|system|service|implementation",
    ],
    "service_level_credits/credit": [
        "service|sla|uptime|availability ~ credit|credits",
        "credit|credits|rebate|refund|reduction ... # ~ %",
        "fee|fees|charge|charges ~ reduction|reductions|reduced",
        "reduced|reduce ... pro|proportion*|fees|charge",
        "money back",
        "credit|credits against|on ~ future|next|the|its ~ invoice|invoices|bill|bills",
        "liquidated damages",
    ],
    "service_level_credits/uptime": [
        "uptime",
        "availability .. below|less|under|falls|drops|misses",
        "downtime",
        "outage*",
        "unavailab*",
        "is|are|goes ~ down",
        "response|resolution time*",
        "severity|priority #",
        "fail*|miss*|breach* .. target|targets|commitment|commitments|service ~ level|levels",
    ],
    "liability_cap_change/cap": [
        "limitation|limitations of liability",
        "liability cap",
        "cap on ~ liability",
        "aggregate|total|maximum|overall|cumulative liability",
        "liability ... exceed|limited|capped|raised|increased|amended",
    ],
    "liability_cap_change/uncapped": [
        "unlimited",
        "uncapped",
        "super-cap",
        "super - cap",
        "supercap",
        "not ~ subject to any ~ cap|limit|limitation",
        "liability .. not ~ capped|limited",
        "liability ... goes|go up",
        "exclusion|exclusions of ~ indirect|consequential ... not apply|limit",
        "shall|will|does not apply .. liability",
    ],
    "liability_cap_change/multiple": [
        "# times|x|× ~ the ~ fees|annual|amounts|contract|charges|value",
        "1.5x|2x|2.5x|3x|4x|5x|6x|8x|10x|1.5×|2×|3×|4×|5×",
        "# hundred percent",
        "greater of",
    ],
    "exclusivity/exclusive": [
        "exclusive|exclusively|exclusivity",
        "sole and exclusive",
        "sole supplier|provider|source|reseller|distributor|vendor",
        "no other reseller|resellers|distributor|distributors|customer|partner",
        "only|exclusively|solely from",
    ],
    "exclusivity/competitors": [
        "not|never ... competitor|competitors|competing|competes|rival|rivals",
        "non-compete",
        "non - compete",
        "non-competition",
        "solely|only to",
    ],
    "exclusivity/territory": [
        "territory",
        "reseller|distributor|partner .. in|for|within .. region|country|market|territory",
    ],
    "non_standard_renewal/consent": [
        "renew*|extend*|extension ... only|solely .. upon|with|by|if|at",
        "renew*|extend*|extension ... mutual|written ~ agreement|consent",
        "renew*|extend*|extension ... consent|election|option|discretion",
        "not|never|only ... renew*|extend*|extension .. except|unless|if|when ... agree*|"
        "consent*|sign*|request*|"
        "ask*|elect*",
        "mutual written agreement",
        "renewal proposal|quote|offer",
        "renew* ... require|requires|required|needs ... signed|written|writing|consent",
        "silence ... not ~ constitute|be|amount ~ consent|acceptance|agreement",
        "not ~ roll over",
        "auto-renewal|automatic renewal .. waived|disabled|not apply",
    ],
    "non_standard_renewal/price_or_window": [
        "renewal price|prices|pricing|fee|fees|rate",
        "renewal term .. priced|charged|fixed",
        "shortened|reduced|shorter ... notice|period|window",
    ],
    "other_nonstandard/escrow": ["escrow", "source code"],
    "other_nonstandard/audit": [
        "audit|audits|auditing|inspect|inspection|inspections",
        "on-site|onsite ~ audit*|inspection*|access",
        "on - site ~ audit*|inspection*|access",
    ],
    "other_nonstandard/residency": [
        "data residency",
        "stored|hosted|processed|kept|keep|located|reside ... only|exclusively|solely"
        " ... in|within",
        "not .. transferred|moved|move|transfer .. outside|abroad|elsewhere",
    ],
    "other_nonstandard/other": [
        "benchmark*",
        "indemnif* ... beyond|exceed* ~ the|its|any ~ cap|caps|limit|limits|limitation",
        "indemnif* ... additional|uncapped|unlimited|regardless|without limit",
        "key personnel",
        "named ~ resource*|manager|architect",
        "additional insured",
        "cyber|liability|professional|indemnity ~ insurance .. of|at|coverage|cover",
        "most recent|latest version",
        "assign|transfer ... to ~ any ~ affiliate|affiliates|successor|successors|purchaser",
        "indemnif* ... in addition to",
    ],
    "standard/agreement_reference": [
        "as|are|is ~ set out|stated|provided|described|defined ~ in ~ the ~ agreement|msa|terms",
        "in accordance with|pursuant to|under ~ the ~ agreement|msa|master",
        "subject to the ~ master|agreement|msa",
        "incorporated by reference",
    ],
    "standard/boilerplate": [
        "governed by",
        "governing law",
        "laws of",
        "counterparts",
        "confidential*",
        "entire agreement",
        "shall prevail",
        "will control",
        "notices",
        "force majeure",
        "severab*",
        "independent contractors",
        "material breach",
        "headings .. convenience",
    ],
    "standard/signature": [
        "signature|signatures below",
        "by signing",
        "accepted and agreed",
        "agreed and accepted",
        "authori* to bind",
    ],
    "standard/payment": [
        "net #",
        "due|payable within # ~ ~ days",
        "invoiced ~ annually|quarterly|monthly ~ in advance",
        "non-refundable",
        "non - refundable",
        "non-cancel*",
        "non - cancel*",
    ],
    "standard/auto_renewal": [
        "unless either|a party",
        "renew* automatically",
        "automatically renew*",
        "successive",
        "auto-renewal|auto - renewal|autorenewal ~ yes",
        "renewal term|terms|period|periods",
    ],
    "standard/non_exclusive": ["non-exclusive", "non - exclusive", "nonexclusive"],
    "standard/suspension": ["suspend* ... non-payment|overdue|unpaid|late"],
    "standard/unchanged": ["unchanged", "without change", "not modified|amended|changed by"],
    "standard/standard": ["standard", "provider's paper", "as published", "if any", "sole remedy"],
    "standard/customer_restriction": [
        "resell|sublicense|sub-license|decompile|reverse",
        "competitor|competitors|compete ~ of|with ~ the ~ provider|vendor|licensor|supplier|"
        "seller|company|us",
    ],
    "standard/payment_carveout": [
        "payment obligation|obligations",
        "obligation|obligations to pay",
        "amounts due|owed|payable for",
    ],
}
"""Cue name -> patterns; the name's prefix is the label the cue points to."""
