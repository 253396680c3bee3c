"""More template families for every clause type: passive voice, conditions first, plain
speech, defined terms and headings, so that each type shows several sentence shapes.

Same conventions as :mod:`training.clauses.positives_commercial`; written from the
meanings in ``docs/semantics.md``, independently of the sample generator.
"""

from __future__ import annotations

__all__ = ["VARIED_FAMILIES"]

VARIED_FAMILIES: dict[str, list[str]] = {
    "termination_for_convenience": [
        "[This order|The subscription|{doc}] may be [ended|brought to an end|cancelled] by"
        " {cust} [at will|whenever it chooses|at any point], [subject only to|with] {days}"
        " [advance |prior |]notice[ in writing|].",
        "[Should|If] {cust} [decide|wish|choose] to [stop using|discontinue] {service} [before"
        " the term ends|mid-term|early], it may do so [on|by giving] {days} notice and [owes"
        " nothing further|no further {fees} will fall due].",
        "[Right to Exit. |Convenience Termination. |Early Exit. |]{cust} [reserves the right"
        " to|retains the right to] [terminate|cancel] [all or part of {doc}|{doc}|any line item]"
        " [without having to give a reason|without cause|for its own convenience].",
        "[No minimum commitment applies:|There is no lock-in:|] {cust} [can|may] leave [at any"
        " time|whenever it likes] [on|after] {days} notice [to {prov}|], [and any prepaid fees"
        " for the unused period will be refunded|with a pro-rata refund|].",
        "[Section 8 (Term and Termination) of {agr} is supplemented as follows:|In addition,]"
        " [termination|cancellation] by {cust} [for convenience|without cause|for any or no"
        " reason] [is permitted|shall be permitted] on {days} [written |]notice.",
    ],
    "most_favored_nation": [
        "[Pricing Parity. |Best Pricing. |]The [fees|rates|unit prices] [charged|billed] to"
        " {cust} [will|shall] [at all times |]be [the lowest|no higher than the lowest]"
        " [that {prov} offers|offered by {prov}] to [any customer|any of its customers]"
        " [purchasing|buying] [comparable|similar] [volumes|quantities].",
        "[In the event that|Where|If] {prov} [sells|licenses|supplies] {service} to [a third"
        " party|any other client|another buyer] at a [lower|cheaper|more favourable] [price|"
        "rate], {cust}'s [price|rate|fees] [shall be|will be|is] [reduced|lowered|adjusted] to"
        " [match|that level][ from that date|].",
        "[No other customer|No comparable customer] [will|shall] [receive|be given|pay] [lower"
        " prices|better pricing|less] than {cust} for [equivalent|the same] {service}[ during the"
        " term|].",
        "{prov} [undertakes|commits] to [extend|pass on] to {cust} [any|every] [discount|price"
        " reduction|more favourable term] [it grants|granted] to [other customers|any other"
        " customer][ for comparable purchases|].",
        "Our price to you is [our best price|the best we give anyone]: if we sell the same"
        " thing to [someone else|another customer] for less, [you get that price too|we will"
        " cut your price to match].",
    ],
    "price_protection": [
        "[Pricing|The rates|Unit prices] [shall|will] [not be increased|remain unchanged|stay"
        " firm] [for the duration of|throughout|until the end of] [{months}|the Subscription"
        " Term and the first renewal term|any renewal term].",
        "[Price Freeze. |Rate Lock. |Price Guarantee. |]{fees} [are|shall be] [frozen|locked|"
        "fixed|held] at [the rates in {doc}|current levels|the amounts above] [for {months}|"
        "until {months} after the Start Date|through the next renewal].",
        "[Any|All] [additional|extra|future] [seats|licences|modules|users] [ordered|bought|"
        "added] [during the term|within {months}|before the first anniversary] [shall|will] be"
        " [priced|charged|billed] at [the same|the current|the discounted] [per-unit |unit"
        " |]rate [as|in] {doc}.",
        "[Notwithstanding the price increase provisions of {agr}|Despite the annual uplift in"
        " {agr}], [no|any] [increase|uplift] [shall|will] [apply|be applied] to {cust}[ for"
        " {months}| during the term|] [other than {pct}|].",
        "We won't raise [your price|what you pay] [for {months}|before your second renewal|"
        "during the first three years], [whatever happens to our list prices|even if list"
        " prices change].",
    ],
    "custom_payment_terms": [
        "[The annual fee|{fees}|The total contract value] [may|shall|will] be [settled|paid]"
        " in [twelve|four|six|two] [equal |][monthly|quarterly|semi-annual|] [instalments|"
        "installments|payments] [rather than annually in advance|instead of in one payment|].",
        "[Payment Terms. |Payment Conditions. |]{cust}'s obligation to pay [{fees}|any invoice]"
        " [is conditioned on|depends on|arises only upon] [the completion of|successful]"
        " [implementation|data migration|go-live|delivery of the final report].",
        "[Payment Plan. |Instalment Plan. |]{cust} [may|shall] pay [by|in] [monthly|quarterly]"
        " [instalments|installments|payments] [over|across] {months} [following|after] [the"
        " first payment|signature], [with the first due on go-live|as set out in Schedule 4|].",
        "[The first year's|Year one] {fees} [are|will be] [spread|split] [across|over]"
        " [the first two years|{months}|four quarterly payments][, with no interest charged|"
        " at no additional cost|].",
        "[Payment of {fees}|Each invoice|Invoices for the first year] [falls due|is payable|"
        "shall become payable] [no earlier than|not before|only] [the last day of the quarter"
        " after it is issued|{days} after the close of {cust}'s fiscal year|the end of the"
        " second month following delivery][, notwithstanding the payment terms of {agr}|].",
        "[{cust}|Client] [will only pay|pays] [once|when] [its own customer|the end client|"
        "its funding body] [has paid|pays] it for the [project|related work][, and not"
        " before|].",
    ],
    "acceptance_clause": [
        "[Charges|{fees}] [shall not|will not] [accrue|be invoiced|fall due] [before|prior to"
        "|until] {cust} [has confirmed|confirms|signs off] [in writing |]that [{service}|the"
        " deliverables|the configured system] [meet|meets|conform to] the [agreed |]"
        "[specifications|acceptance criteria|requirements].",
        "[Acceptance Procedure. |Testing and Acceptance. |]{cust} [will|shall] [run|carry out"
        "|perform] [user acceptance testing|acceptance tests|UAT] [for|during] {days} [after"
        " delivery|after installation|]; [the Subscription Term|billing|invoicing] [starts|"
        "begins] on [the date of |]written acceptance.",
        "[Deliverables|The implementation|Each phase] [is|are|shall be] [subject to|"
        "conditional upon] [acceptance|formal acceptance|sign-off] by {cust}, and [payment|"
        "invoicing] [follows|is due only after] [that acceptance|acceptance].",
        "[If|Where] [the deliverables|{service}|the solution] [fail|fails] [acceptance|to"
        " meet the acceptance criteria], {cust} [need not pay|is not obliged to pay|may"
        " withhold {fees}] [until|unless] [the defects are fixed|they pass re-testing].",
        "Nothing is payable until you have [tried|tested] [the setup|it] and [told us|"
        "confirmed] it [works|is acceptable][ in writing|].",
    ],
    "service_level_credits": [
        "[Availability Commitment. |Uptime Guarantee. |Service Credits. |]Where [monthly |]"
        "[uptime|availability] [is below|drops below|falls short of] [99.9%|99.5 percent|"
        "99.95%|the committed level], {cust} [will receive|earns|is owed] a [credit|fee"
        " credit|rebate] of {pct} of [that month's fees|the monthly charges].",
        "[A credit|Credits] against [future invoices|the next invoice] [shall|will] be"
        " [issued|granted|applied] [for every|for each] [hour|incident|failure] [of"
        " downtime|of unavailability|to meet the response targets][ beyond the standard SLA|].",
        "[Failure to meet|Any breach of] the [support response times|resolution targets|"
        "service levels] [entitles|will entitle] {cust} to [a refund of|a reduction in|money"
        " back on] [{pct} of {fees}|the affected month's fees].",
        "[Service Level Remedies. |]{prov} [shall|will] [reduce|discount] [the monthly|"
        "{fees}] [by {pct}|proportionately] [for any month in which|whenever] [{service}|the"
        " platform] [misses|is below] its [availability|uptime] [target|commitment].",
        "If [the system|it] [goes down|is unavailable] for [more than {pct} of the month|over"
        " an hour], we [pay you back|credit you] [{pct} of the fee|part of that month's fee].",
    ],
    "liability_cap_change": [
        "[The cap|The limit] on [{prov}'s|each party's|either party's] liability [is"
        " increased|is raised|shall increase] to [{mult} the fees|{amount}|{mult} the annual"
        " contract value] [for {doc}|under {doc}|][, replacing the cap in {agr}|].",
        "[Liability. |Limitation of Liability. |]{prov}'s [liability|exposure] for [data"
        " breaches|breach of confidentiality|infringement claims] [is|shall be] [uncapped|"
        "unlimited|not limited]; [all other liability|other claims] [is|are] capped at {mult}"
        " the fees.",
        "[Notwithstanding {agr}|In place of the limitation in {agr}], [the total|the"
        " aggregate] liability of [{prov}|either party] [shall not exceed|is limited to]"
        " [{amount}|{mult} the fees paid in the prior twelve months].",
        "[No limitation|No cap] [of|on] liability [applies|shall apply] to [{prov}'s"
        " obligations|claims] [concerning|arising from] [personal data|security incidents|"
        "gross negligence or wilful misconduct].",
        "[Our|We accept that our] liability to you [is not capped|is unlimited|goes up to"
        " {amount}] for [data we lose|security failures|harm caused by our people].",
    ],
    "exclusivity": [
        "[Exclusive Supply. |Exclusivity. |]{cust} [shall|will|agrees to] [buy|source|obtain]"
        " [{service}|these services|all such services] [only|exclusively|solely] from {prov}"
        " [during the term|for {months}].",
        "{prov} [will not|shall not|agrees not to] [offer|supply|sell|license] [{service}|the"
        " same solution|comparable services] to [any|other] [business|company|firm] [that"
        " competes|competing] with {cust}[ in its market| in the territory| during the term|].",
        "[{cust} is|{cust} shall be] [the sole|the only|the exclusive] [authorised |]"
        "[reseller|distributor|partner|agent] [of {service} |][for|in|within] [the Nordic"
        " countries|Latin America|the Territory|its region].",
        "[Non-Compete. |Restriction. |]For {months}, {prov} [may not|shall not] [provide|make"
        " available] [{service}|the platform] to [a|any] [competitor|rival] of {cust}"
        "[ named in Schedule 3|].",
        "We will [only sell|sell only] [this product|the platform] to you [in your sector|in"
        " your region|and no other business like yours][ during the term|].",
    ],
    "non_standard_renewal": [
        "[Renewal Terms. |Renewal. |]{doc} [shall|will|does] not renew [unless|except where]"
        " [both parties agree|{cust} agrees|the parties sign] in writing[ before expiry|].",
        "[Fees for|Pricing for] [each|any] renewal term [are|shall be] [fixed|set] [now|in"
        " advance] at [{amount}|{amount} per year|the amounts in Schedule 2][, regardless of"
        " list prices|].",
        "[{cust}|The customer] [alone |][may|can] [extend|renew] {doc} [by|upon] [giving"
        " notice|written notice] [of its election|of renewal], [and {prov} cannot|while {prov}"
        " may not] [refuse|decline][ the renewal|].",
        "[Notice of non-renewal|A non-renewal notice] [may|can] be given [by {cust} |]"
        "[as late as|up to] [five|three|ten] [days|business days] before [expiry|the renewal"
        " date], [shorter than|instead of] the [notice period|period] in {agr}.",
        "[The subscription|Your subscription] [won't|will not] [roll over|renew] [by itself|"
        "automatically]; [we will ask you first|you must say yes in writing|it renews only if"
        " you ask us to].",
    ],
    "other_nonstandard": [
        "[Source Code Escrow. |Escrow. |]{prov} [shall|will] [maintain|keep] an [escrow"
        " deposit|escrow account] of [the source code|the current source code] [with an"
        " independent agent|at an escrow agent], [releasable|to be released] to {cust} on"
        " [insolvency|a release event].",
        "[Audit Rights. |Right to Audit. |]{cust} [may|is entitled to] [inspect|audit]"
        " [{prov}'s premises|{prov}'s records|the data centre] [on|with] {days} notice[, at"
        " most once a year|].",
        "[Data Location. |Data Residency. |]{cust}'s data [must|shall|will] [remain|be kept|"
        "reside] [within|in] [the EU|Switzerland|the United States|Australia] [at all times|and"
        " never leave it].",
        "[Benchmarking. |]{cust} [may|can] [compare|benchmark] {fees} [against|with] the"
        " [market|prices of comparable suppliers] [every year|once a year] and [{prov} will"
        " lower its prices|the fees will be adjusted] [if it is above|to the benchmark].",
        "{prov} [shall|will] [indemnify|hold harmless] {cust} [for|against] [any|all]"
        " [regulatory fines|losses from data breaches|third-party claims] [without limit|"
        "without regard to the cap|beyond the indemnity in {agr}].",
    ],
}
