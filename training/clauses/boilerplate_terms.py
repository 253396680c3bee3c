"""More ``standard`` families: general-terms boilerplate and standard statements of the
order's own terms (term, billing, renewal, uplift cap, liability reference, priced lines).

These are the hardest negatives: they carry the headings and vocabulary of clause types
("Renewal", "Limitation of Liability", "price increase") while saying what the
provider's paper always says. Only a departure from them is a clause finding.
"""

from __future__ import annotations

__all__ = ["TERMS_FAMILIES"]

TERMS_FAMILIES: list[str] = [
    "[Force Majeure. |]Neither party [is|will be] [responsible|liable] for [any failure or delay"
    " in performance|delays] [caused by|resulting from] [circumstances|events] [outside|beyond]"
    " its reasonable control[, other than payment obligations|].",
    "[Severability. |]If [a court finds any term|any provision] [of {agr} |][invalid|"
    "unenforceable], the [rest of {agr}|other provisions] [remain|will remain|stay] in [full"
    " force and|] effect.",
    "[Waiver. |]A [party's failure|failure or delay] to [enforce|exercise] [any right|a"
    " provision] [is not|does not operate as|will not be] a waiver of [it|that right].",
    "[Amendments. |]{agr} [and {doc} |]may [only |]be [amended|modified] [only |]by a written"
    " [document|instrument] signed by [both parties|authorised representatives of each party].",
    "[Headings. |]Section headings are [for reference|for convenience] only and [do not affect|"
    "have no effect on] [interpretation|the meaning of {agr}].",
    "[Export. |Export Compliance. |]{cust} [will|shall] [comply with|not breach] [applicable|"
    "all] export [control|] [and sanctions |]laws [in using {service}|].",
    "[Security. |Data Security. |]{prov} [will|shall] [maintain|implement] [appropriate|"
    "industry-standard] [technical and organisational|administrative, physical and technical]"
    " [measures|safeguards] to protect {cust}'s data[ as described in {agr}|].",
    "[Intellectual Property. |Ownership. |]{prov} [retains|owns] all [rights|right, title and"
    " interest] in {service}[, and {cust} owns its data|]; no rights are granted except as"
    " [expressly stated|set out] in {agr}.",
    "{cust} [shall not|may not|will not] [reverse engineer|decompile|copy, resell or"
    " sublicense] {service}[ or use it to build a competing product|].",
    "[Accounts. |]{cust} is responsible for [activity|all use] [under|of] its [user"
    " accounts|credentials] and [will|shall] keep [passwords|login details] secure.",
    "[Data Export. |]After [termination|expiry], {cust} [may|can] [retrieve|export] its data"
    " [for|within] {days}, after which {prov} [may|will] delete it.",
    "The parties are independent contractors[; nothing in {agr} creates a partnership or agency|].",
    "[Term. |Subscription Term. |]The [subscription|Subscription Term] [starts|begins] on"
    " [January 1, 2027|the Start Date|1 March 2027] and [ends|runs until] [December 31, 2027|"
    "the End Date|28 February 2028][, a term of {months}|]. [All fees are in USD.|]",
    "[Invoicing. |Billing. |]{prov} will invoice {cust} [once a year|annually|quarterly|each"
    " month] [in advance|]. [The first invoice will be issued on the Start Date.|Billing starts"
    " on the Start Date.|] [Invoices are due Net 30.|Payment is due within {days} of invoice.|]",
    "[Renewal. |Auto-Renewal. |]{doc} [will|shall] [renew automatically|automatically renew]"
    " for [further|successive] [periods|renewal terms] of [12 months|one year|twelve (12)"
    " months] unless [either party|a party] [cancels|gives notice] in writing [at least|no"
    " less than] [30|sixty (60)|90] days before [expiry|the end of the term].",
    "[Renewal |]Auto-renewal: Yes, [for|with] [twelve (12) month|12-month|one-year|24 month]"
    " renewal [terms|periods][;|,] [notice of non-renewal|a non-renewal notice] [must be given|is"
    " due] [30|60|ninety (90)] days [prior to|before] [expiry|the renewal date].",
    "[Bill To|Remit To|Ship To|Sold To] [Acme Corporation|Union Square Partners PLC|Globex Ltd]"
    " [250 High Street|1 Market Plaza, Suite 400] [Leeds LS1 4AP, United Kingdom|San Francisco,"
    " CA 94105|80331 München, Germany] [Accounts Payable|Attn: Finance|]",
    "[Renewal. |]{doc} [does not|will not] renew automatically[; a renewal requires a new"
    " order form|, and any renewal is by a new order|; any renewal requires a new order|]."
    " [Auto-renewal: No.|]",
    "[Renewal pricing|Any price increase at renewal|Fees for a renewal term] [may increase by"
    " no more than|is capped at|will not rise more than] {pct}[ over the prior term|].",
    "[Limitation of Liability. |Liability. |][The limitation of liability in {agr}|Each"
    " party's liability] [applies to {doc} without change|is limited as stated in {agr}|"
    "remains as provided in {agr}].",
    "[The limitation of liability|The cap on liability] [in this section|above|in {agr}] [does"
    " not apply to|excludes] [a party's payment obligations|{cust}'s obligation to pay {fees}|"
    "amounts due for {service}].",
    "[(a)|(b)|1.|2.] [PLAT-ENT|SEC-VAULT|API-CALLS] [- |– ][Platform seats|Security module|API"
    " calls]: [50|2|1,000] units at [$1,200.00|€540.00|£0.15] per unit [per year|per month],"
    " [less a discount of {pct}|with no discount], net amount [$54,000.00|€1,080.00] for the"
    " period [January 1, 2027 to December 31, 2027|the Subscription Term].",
    "[Support. |Support Services. |]{prov} [provides|will provide] [standard|premium] support"
    " [during business hours|24x7] [as described in its Support Policy|per {agr}].",
]
