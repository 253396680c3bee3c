"""Template families for the remaining five clause types (see ``docs/semantics.md``).

Same conventions as :mod:`training.clauses.positives_commercial`.
"""

from __future__ import annotations

__all__ = ["LEGAL_FAMILIES"]

LEGAL_FAMILIES: dict[str, list[str]] = {
    "service_level_credits": [
        "If [monthly |]availability [of {service} |][falls below|is less than] [99.9%|99.95%|"
        "99.5%|ninety-nine percent (99%)], {prov} [shall|will] [credit|refund] {cust} [{pct}|"
        "ten percent (10%)|25%] of the monthly fees [for each|per] [0.1%|full percentage point]"
        " of shortfall.",
        "[Service Credits. |SLA Credits. |]{cust} [shall be|will be|is] entitled to service"
        " credits [of|equal to] {pct} of {fees} [for any month in which|whenever] {prov}"
        " [misses|fails to meet] the [uptime commitment|response time targets|availability"
        " target][, in addition to the remedies in the standard SLA|].",
        "[Where|If] {prov} [fails to respond to|does not resolve] a [Severity 1|priority one|"
        "critical] [incident|ticket] within [one hour|four (4) hours|30 minutes], {cust} [shall"
        " receive|earns] a [fee reduction|credit] of {pct} [of the monthly fees|against the next"
        " invoice].",
        "If the service is down for more than [four hours|eight hours|a day] in a month, you"
        " get [part of your money back|a refund of that month's fee|a discount on the next"
        " bill].",
        "[Repeated|Three or more] [SLA failures|breaches of the availability commitment] in any"
        " [rolling |][quarter|six-month period] [shall entitle|entitle] {cust} to [terminate"
        " and receive a refund of prepaid fees|a credit of {pct} of annual fees].",
        "{prov} [commits|guarantees] [an uptime of|availability of] [99.99%|99.9%] and [shall"
        " pay|will pay] {cust} [liquidated damages|a penalty] of {amount} [for each hour|per"
        " incident] [below target|of unavailability][, notwithstanding the sole-remedy language"
        " of the standard SLA|].",
        "[Fees shall be reduced|The monthly charge is reduced] [pro rata|proportionately] for"
        " every hour {service} [is unavailable|is not available] [beyond|in excess of] the"
        " [agreed |]maintenance windows[, with credits capped at {pct} of monthly fees|].",
        "[The service credit regime|Credits] in [the standard SLA|Schedule 2] [are|is]"
        " [increased|doubled] for {cust}[: each missed target earns {pct} of fees|, and the"
        " credit cap is removed].",
    ],
    "liability_cap_change": [
        "[Notwithstanding {agr}, |]each party's [aggregate |total |]liability [shall be|is]"
        " [limited|capped] [to|at] {mult} the fees [paid or payable|paid] [in the twelve (12)"
        " months preceding the claim|under {doc}].",
        "[The limitation of liability in {agr}|The liability cap] [shall not apply|does not"
        " apply] to [{prov}'s breach of data protection obligations|breaches of security|"
        "claims arising from data loss|{prov}'s indemnity obligations][, which are uncapped|"
        ", for which liability is unlimited|].",
        "{prov}'s [maximum |total |]liability [under {doc}|arising out of {agr}] [shall be"
        " increased to|is raised to|shall not exceed] {amount}[ per claim| in aggregate|"
        " per contract year].",
        "[LIMITATION OF LIABILITY. |Liability. |][The cap on liability|The liability cap in"
        " {agr}] [is replaced by|is amended to|shall be] {mult} the annual [contract value|"
        "fees][ for all claims relating to confidentiality and data protection|].",
        "[We accept|Our] unlimited liability for [losses caused by our negligence|data"
        " breaches we cause|damage caused by our staff on your premises].",
        "[Each party's liability for|Liability for] [breach of confidentiality|data"
        " protection breaches|gross negligence] [shall be|is] [unlimited|uncapped|not subject"
        " to any cap][, notwithstanding the exclusions in {agr}|].",
        "[A super-cap|An additional cap] of {amount} [applies|shall apply] to [data protection"
        " claims|security incidents], [separate from and in addition to|on top of] the general"
        " [cap|limitation] in {agr}.",
        "[IN NO EVENT SHALL|NEITHER PARTY'S] [{prov}'S |]AGGREGATE LIABILITY [EXCEED|SHALL"
        " EXCEED] [{mult} THE FEES PAID|{amount}|THE GREATER OF {amount} OR {mult} ANNUAL FEES]"
        "[, WHICH AMENDS THE LIMITATION IN {agr}|].",
        "[The exclusion of indirect damages|The exclusion of consequential loss] in {agr}"
        " [shall not apply to|will not limit] [{prov}'s|either party's] liability for"
        " [lost data|regulatory fines|third-party claims].",
    ],
    "exclusivity": [
        "[During the term|For {months}], {prov} [shall not|will not|may not] [provide|sell|"
        "license] {service} [to|for] any [direct |]competitor of {cust}[ in the retail banking"
        " sector| in North America| listed in Exhibit D|].",
        "{cust} [is appointed|is hereby appointed|shall be] [the exclusive|{prov}'s sole and"
        " exclusive] [reseller|distributor|partner] of {service} in [the Territory|Germany,"
        " Austria and Switzerland|the EMEA region|Brazil][ for the term|].",
        "{prov} [agrees|undertakes] [that it will not|not to] [enter into|negotiate] [any"
        " agreement|a similar arrangement] with [any|another] [company|business] that"
        " competes with {cust}[ for {months}| during the term|].",
        "We will not work with your competitors [while this order is in effect|for {months}].",
        "[Exclusivity. |Non-Compete. |]{cust} [shall|will] [purchase|source] [all of its|its"
        " entire] [requirements|needs] for [{service}|similar services] exclusively from"
        " {prov}[ during the term|].",
        "[Within the Territory, |]{prov} [shall refer|will route] all [leads|enquiries|sales"
        " opportunities] [for {service} |]to {cust} [and shall not appoint any other"
        " reseller|on an exclusive basis].",
        "{prov} grants {cust} [exclusive rights|an exclusive right] to [market|deploy|use] the"
        " [custom module|co-developed feature|white-labelled edition] [in|within] [the"
        " insurance vertical|its industry][, and will not license it to others|].",
        "[The|Our] [{service}|platform] [will be|shall be] made available [solely|exclusively]"
        " to {cust} [among|and to no other] [logistics companies|hospitals in the state|"
        "airlines][ until {months} after the Start Date|].",
    ],
    "non_standard_renewal": [
        "[Renewal of {doc}|Any renewal] [requires|is subject to] [the express written consent|"
        "a written election] of {cust}[, which {cust} may withhold in its sole discretion|], and"
        " {prov} may not [invoice|bill] for a renewal term without it.",
        "[Renewal. |Renewal Pricing. |]The [renewal term|first renewal] [shall be|will be]"
        " [priced|charged] at [the fixed amount of {amount}|a fixed annual fee of {amount}|"
        "{amount} per year] [regardless of|irrespective of] [{prov}'s then-current list prices|"
        "the uplift in {agr}].",
        "{cust} may [elect not to renew|opt out of renewal|give notice of non-renewal] [at any"
        " time before the renewal date|up to [five|seven|two] days before the end of the term|"
        "even after the renewal date has passed][, notwithstanding the notice period in {agr}|].",
        "We will only renew your subscription if you ask us to in writing.",
        "[{doc}|The subscription] [shall|will|may] renew only [with|upon|by] the [express |prior"
        " |]written [consent|agreement] of [both parties|the parties|{cust}][; silence is not"
        " consent|, and never automatically|].",
        "[The subscription|{doc}] renews [only|solely] at {cust}'s [option|election] for [up to"
        " two|one] additional [one-year|twelve-month] [periods|terms], [exercisable|which"
        " {cust} may exercise] by written notice[ before expiry|].",
        "[The non-renewal notice period|The notice window for non-renewal] [is|shall be]"
        " [reduced|shortened] to [ten (10) days|one week|forty-eight hours][ for {cust}|]"
        " [instead of|rather than] [the ninety (90) days|the period] [stated|required] in {agr}.",
        "[On renewal|At each renewal], {doc} [shall|will] renew for a [term|period] of [five"
        " (5) years|three months|one month at a time][ and {prov} may not decline to renew|].",
        "[Automatic renewal is|Auto-renewal is] [disabled|waived] [for {cust}|for this order];"
        " {prov} [must|shall] [send|deliver] a renewal proposal at least {days} [before|prior"
        " to] expiry, and [renewal occurs|the order renews] only upon {cust}'s signature.",
    ],
    "other_nonstandard": [
        "{prov} [shall|will] [deposit|place] the source code [of {service}|for the Software]"
        " [with|in escrow with] [a recognised escrow agent|NCC Group|Iron Mountain], [to be"
        " released|with release] to {cust} [upon|if] {prov} [becomes insolvent|ceases to"
        " support the product].",
        "{cust} [or its auditors |][may|shall have the right to] [conduct|carry out] [on-site"
        " |]audits of {prov}'s [facilities|data centres|security controls] [once per year|on"
        " {days} notice][ at {prov}'s expense|].",
        "[All|Customer Data] [shall|will|must] be [stored|hosted and processed] [exclusively|"
        "only] [in|within] the [European Union|United Kingdom|Federal Republic of Germany|"
        "province of Ontario][ and shall not be transferred elsewhere|].",
        "{prov} [shall|will] [indemnify|defend and indemnify] {cust} against [all losses"
        " arising from|any claim relating to] [a security breach|regulatory fines|employment"
        " claims by {prov}'s staff][, in addition to the indemnities in {agr}|].",
        "{cust} [may|shall be entitled to] [benchmark|have an independent third party"
        " benchmark] {fees} [annually|every two years] and [{prov} shall reduce|reduce] its"
        " prices to the benchmark [if they are higher|where the benchmark is lower].",
        "We will keep all your data in [Australia|Canada|the EU] and never move it abroad.",
        "[Key Personnel. |Named Resources. |]{prov} [shall|will] [not replace|assign] the"
        " [named project manager|lead architect][ without {cust}'s prior written consent|"
        " for the full term].",
        "[Insurance. |]{prov} [shall|will] [maintain|carry] cyber liability insurance of at"
        " least {amount} and [name|list] {cust} as an additional insured.",
        "{cust} [may|can] [assign|transfer] {doc} to [any affiliate or successor|a purchaser of"
        " its business] without {prov}'s consent[, notwithstanding {agr}|].",
    ],
}
