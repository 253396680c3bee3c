"""Template families for the ``standard`` class: the provider's own paper.

Three kinds: boilerplate (governing law, confidentiality, references to the master
agreement, order of precedence, counterparts, notices, standard payment, SLA and renewal
wording, signature of the order itself), hard negatives that share words with a clause
type but do not depart from the standard, and the short key/value and table fragments a
segmenter can let through.
"""

from __future__ import annotations

__all__ = ["STANDARD_FAMILIES"]

STANDARD_FAMILIES: list[str] = [
    "{doc} is [governed by|subject to] {agr}[, which is incorporated by reference|]"
    "[ and forms part of it|].",
    "[This Order Form|{doc}] [shall be|is] governed by the laws of [the State of New York|"
    "England and Wales|the State of Delaware|Ontario|Germany][, without regard to its conflict"
    " of laws rules|].",
    "[Each party|The parties] [shall|will] keep [the terms of {doc}|pricing|all Confidential"
    " Information] confidential [in accordance with|as provided in|under] {agr}.",
    "[In the event of any conflict|If there is a conflict] between {doc} and {agr}, [{agr}|"
    "{doc}] [shall prevail|will control|governs][ unless expressly stated otherwise|].",
    "{doc} may be executed in counterparts[, each of which is an original|, including by"
    " electronic signature|], [and all of which together constitute one instrument|].",
    "[Notices|All notices] [under {doc} |][shall|must] be [given|sent] [in writing |]to the"
    " addresses [set out above|stated on page one|in {agr}][ and are effective on receipt|].",
    "[Fees are|All fees are] [payable|due] as set out in {agr}[, in the currency stated above|].",
    "[Invoices are|Each invoice is] [payable|due] within {days} [of|from] the invoice date"
    "[ in accordance with {agr}|].",
    "[Payment terms:|Payment Terms.|] Net [30|45|60] [days|][ from the date of invoice|].",
    "{fees} [will be|are] invoiced [annually|quarterly|monthly] in advance [and are"
    " non-refundable except as stated in {agr}|][ unless otherwise stated in {agr}|].",
    "[Late payments|Overdue amounts] may [accrue interest|bear interest] [as provided in {agr}|"
    "at the rate stated in {agr}].",
    "[Fees are exclusive of taxes|All amounts exclude VAT and other taxes]; {cust} [is"
    " responsible for|will pay] applicable taxes [other than taxes on {prov}'s income|].",
    "{service} [are|is] provided [in accordance with|subject to] {prov}'s [standard Service"
    " Level Agreement|standard SLA|Support Policy][ as published on its website|].",
    "[Service levels and support|Support and availability] [are|is] [described in|as set out"
    " in] {agr}[, and no other service commitments apply|].",
    "[The Subscription Term|{doc}] [will|shall] renew automatically for successive [twelve"
    " (12) month|one-year|12-month] [terms|periods] unless either party gives [notice of"
    " non-renewal|written notice] at least [thirty (30)|60|ninety (90)] days before the end of"
    " the [then-current|current] term[, as provided in {agr}|].",
    "[At renewal|Upon renewal], fees may increase by up to {pct} [as permitted by|in accordance"
    " with] {agr}.",
    "[This Order Form|{doc}] is accepted and agreed by the parties' [signatures|authorised"
    " signatures] below[ as of the Effective Date|].",
    "By signing [below|{doc}], {cust} [agrees to|accepts] {agr} and [{doc}|these terms]"
    "[ on behalf of its organisation|].",
    "[The person signing|Each signatory] [represents that they are|is] authorised to bind"
    " [the party they represent|their organisation].",
    "{doc} [together with|and] {agr} [constitutes|constitute] the entire agreement"
    " [between the parties|of the parties][ regarding its subject matter|].",
    "[Any|The] terms [on|in] {cust}'s purchase order [shall not apply|are of no effect]"
    "[ even if accepted by {prov}|], and a purchase order number is for invoicing only.",
    "Either party may terminate {doc} for material breach [not cured|that remains uncured]"
    " within {days} [after|of] written notice[, as set out in {agr}|].",
    "[Termination|Suspension and termination] [rights are|are] [governed by|as set out in] {agr}.",
    "{prov} may suspend {service} [if undisputed fees are overdue|for non-payment] [by more"
    " than|for over] {days}[ after notice|].",
    "[Orders are|{doc} is] non-cancellable and fees are non-refundable[ except as expressly"
    " stated in {agr}|].",
    "[Limitation of liability|Each party's liability] [is|shall be] as set out in {agr}[ and is"
    " not modified by {doc}|].",
    "[EXCEPT AS EXPRESSLY PROVIDED IN {agr},|] [{prov}|THE PROVIDER] [MAKES NO|DISCLAIMS ALL]"
    " [OTHER |]WARRANTIES, [EXPRESS OR IMPLIED|WHETHER EXPRESS, IMPLIED OR STATUTORY],"
    " INCLUDING [ANY IMPLIED WARRANTY OF|WARRANTIES OF] MERCHANTABILITY [AND|OR] FITNESS FOR"
    " A PARTICULAR PURPOSE.",
    "[The licence|Access to {service}] [granted|provided] to {cust} [is|shall be]"
    " non-exclusive[, non-transferable|] and limited to the [Subscription Term|term of {doc}].",
    "{prov} [processes|will process] {cust}'s personal data [in accordance with|under] the"
    " Data Processing Addendum [to {agr}|incorporated into {agr}].",
    "[Indemnification obligations|Indemnities] [are|remain] as set out in {agr}.",
    "Neither party may assign {doc} without the other party's prior written consent[, except"
    " as permitted in {agr}|].",
    "[Prices|All prices] are [stated|quoted] in [USD|EUR|GBP|the currency shown above] and"
    " [are valid|this quote is valid] [for {days}|until the expiry date shown].",
    "[Pricing is|The pricing in {doc} is] specific to {cust} and [may not be disclosed|is"
    " confidential][ to any third party|].",
    "[Unused|Unused or unconsumed] [licenses|credits|seats] [do not roll over|expire at the end"
    " of the term][ and are not refundable|].",
    "{cust} [shall|will] [provide|issue] a purchase order [if required by its procurement"
    " process|before the Start Date|], and {prov} [will|shall] reference it on invoices.",
    "[Usage above|Consumption in excess of] the committed [quantity|units] [is|will be]"
    " [billed|invoiced] [monthly in arrears|at the overage rate shown above].",
    "[Accepted|Agreed and accepted] [by|for and on behalf of] {cust}[:|]"
    "[ Name Title Date Signature|  Authorized Signature|].",
    "[Signature|Name|Title|Date|Signed]: [Jane Smith|_______________|VP Procurement|"
    "2027-01-15|Chief Financial Officer]",
    "[Payment Terms|Billing Frequency|Currency|Start Date|End Date|Term|PO Number|Order"
    " Number|Auto-Renewal|Renewal Term|Renewal Notice|Customer|Provider]: [Net 30|Annual|USD|"
    "January 1, 2027|2027-12-31|12 months|PO-48213|OF-2026-0042|Yes|12 months|60 days|"
    "Acme Corporation|Northwind Software Inc.]",
    "[PLAT-ENT|SUP-PREM|API-CALLS|PS-ONBOARD] [Platform Enterprise seats|Premium Support|API"
    " calls (per 1,000)|Onboarding services] [50|1|0|10] [1,200.00|18,000.00|0.15|250.00]"
    " [10%|0%|5%] [54,000.00|18,000.00|0.00|2,500.00]",
    "[Order Form|Order Summary|Pricing|Terms|Signatures|Billing Information|Customer"
    " Information] [|Page 1 of 3|Page 2 of 2|Quote Q-2026-00123]",
    "[Questions about this order?|For billing questions,] [contact|email]"
    " [billing@northwind.example|your account executive|accounts@provider.example].",
    "[Implementation|Onboarding] services [will be|are] [provided|delivered] [remotely|as"
    " described in the Statement of Work][ and expire {months} after the Start Date|].",
    "{prov} [warrants|will ensure] that {service} will perform materially in accordance with"
    " the Documentation[, as set out in {agr}|].",
]
