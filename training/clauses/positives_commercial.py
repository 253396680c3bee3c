"""Template families for five commercial clause types (see ``docs/semantics.md``).

Each family is one sentence structure; the corpus splits train and held-out sets by
family, so held-out scores measure wording the model has not seen in that shape.
"""

from __future__ import annotations

__all__ = ["COMMERCIAL_FAMILIES"]

COMMERCIAL_FAMILIES: dict[str, list[str]] = {
    "termination_for_convenience": [
        "{cust} may terminate {doc} [for convenience|without cause|for any reason or no reason]"
        " upon {days} [prior |advance |][written |]notice to {prov}.",
        "[Notwithstanding anything to the contrary in {agr}, |]{cust} [shall have|has|will have]"
        " the right to terminate {doc}[, in whole or in part,| or any portion of it|] at any time"
        " [without cause|for convenience] by giving {prov} {days} written notice.",
        "{cust} may cancel [the subscription|{service}|any Subscription] [at any time|after"
        " {months}] for [any reason|convenience] on {days} notice[, and no further fees will be"
        " due after the effective date of cancellation|, without liability for remaining fees|].",
        "You can [end|cancel] this [order|subscription] early, for any reason, by telling us in"
        " writing {days} [ahead|in advance]; [you will not owe|we will not charge] fees for the"
        " rest of the term.",
        "[Early Termination. |Termination for Convenience. |]Upon {days} notice, {cust} may"
        " [terminate|end] the [Subscription Term|subscription|term] before its scheduled expiry"
        " [without penalty|without paying an early termination fee|and receive a pro-rata refund"
        " of prepaid unused fees].",
        "{cust} [is entitled to|may elect to] [reduce the number of seats|terminate one or more"
        " line items|drop any product] ordered under {doc} [without cause|for convenience] by"
        " giving {days} [prior |]notice, and the fees will be reduced accordingly.",
        "[In addition to its other termination rights, |]{cust} may [withdraw from|exit]"
        " {doc} [at its sole discretion|without stating a reason] [effective|as of] the end of"
        " any [month|quarter|contract year] on {days} notice.",
        "[The parties agree that |]{cust} [is not|will not be] [locked in|committed] for the full"
        " term: it may terminate for convenience after {months} with {days} notice.",
        "{doc} [may be|can be] terminated by {cust} [without cause|without breach by {prov}]"
        " [at any time during the term|before the end of the term] upon {days} written notice,"
        " [notwithstanding the non-cancellable nature of orders under {agr}|"
        "and {agr}'s provisions on non-cancellation shall not apply].",
        "[Section 12 of {agr} is amended so that|It is agreed that] {cust} may terminate for"
        " convenience [on|upon] {days} [written |]notice [and shall pay only for services rendered"
        " through the termination date|with fees pro-rated to the termination date].",
    ],
    "most_favored_nation": [
        "{prov} [represents and warrants|warrants|agrees] that the prices [charged to|offered to]"
        " {cust} [are and will remain|will be] [no less favorable|at least as favorable] than"
        " those [offered|charged] to any other [customer|similarly situated customer] for"
        " [comparable|similar] [volumes|services].",
        "If {prov} [offers|grants|provides] [any other customer|a third party] [lower prices|"
        "more favorable pricing|better terms] for [substantially similar|the same] {service},"
        " {prov} [shall|will] [promptly |][extend|offer] the same [prices|pricing|terms] to {cust}"
        "[ retroactively to the date first offered| within {days}|].",
        "[Most Favored Customer. |Most Favoured Nation. |MFN. |]{cust} [shall|will] [receive|be"
        " entitled to] the lowest [price|fees|rates] [that {prov} charges|charged by {prov}] to"
        " any [other |]customer for [equivalent|comparable] {service} during the term.",
        "We promise that no other customer buying similar quantities pays less than you do; if"
        " one does, we will [lower your price to match|refund you the difference].",
        "Should {prov} at any time sell {service} to another [customer|licensee|purchaser] on"
        " [terms|prices] more [advantageous|favourable] than those in {doc}, {doc} [shall be|is]"
        " deemed amended to give {cust} the benefit of those [terms|prices].",
        "{prov} [shall|will] [ensure|guarantee] that {cust}'s [unit prices|discounts|net fees]"
        " [are|remain] [equal to or better than|not higher than] the best [price|pricing] {prov}"
        " [extends|makes available] to [any|its other] [customers|clients] [in the same region|"
        "of similar size|].",
        "[Pricing parity: |]{cust} [is entitled to|shall have] [price parity with|pricing no"
        " worse than] {prov}'s most [favored|favoured] customer[, and {prov} shall certify"
        " compliance annually|, verified on request by an independent auditor|].",
        "[During the term, |]if {cust} [demonstrates|shows] that {prov} has [charged|quoted]"
        " [a comparable customer|another customer] a lower rate, {prov} [shall|will] [credit|"
        "refund] {cust} the [difference|excess paid] [within {days}|on the next invoice].",
    ],
    "price_protection": [
        "[The|All] [unit prices|fees|prices] [set out|stated|listed] in {doc} [are fixed|shall"
        " remain fixed|will not increase] for {months}[ from the Start Date|].",
        "{prov} [shall|will] not [increase|raise] {fees} [during|for] {months}[, including any"
        " renewal term|, notwithstanding any price increase provision in {agr}|].",
        "[Additional|Any additional] [seats|licenses|units|users] [purchased|ordered|added] by"
        " {cust} [during the term|within {months}] [shall|will] be [priced|charged] at the same"
        " [discounted |][unit |]price as [in|under] {doc}[, pro-rated to the co-terminus date|].",
        "[Upon|At] renewal, [the fees|pricing] [shall|will] [remain at|stay at] [the current"
        " level|current rates] [with no increase|without any uplift] for {months}[, and the"
        " uplift permitted by {agr} shall not apply|].",
        "[Price Hold. |Price Lock. |Price Protection. |]{cust}'s [pricing|rates] [is|are]"
        " [locked|held|guaranteed] [until|through] [the end of the third contract year|"
        "December 31, 2029|{months} after the Start Date].",
        "Your price will stay the same for {months}, even if our list prices go up.",
        "[The renewal price|Fees for the first renewal term] [shall|will] be [the same as|"
        "identical to|no higher than] the fees [in effect|payable] in the [final|last] year of"
        " the [initial term|current term], [with no uplift|without any increase].",
        "[Any future purchases|Future orders] of [the same products|{service}] [placed|made]"
        " [before|within] {months} [shall|will] [receive|be entitled to] [the discount|a"
        " discount of at least {pct}] [granted in|set out in] {doc}.",
    ],
    "custom_payment_terms": [
        "{fees} [shall|will] be [paid|payable|invoiced] in [three|four|two] [equal|unequal]"
        " [instalments|installments|tranches][: the first on signature and the remainder"
        " quarterly thereafter| over the first contract year|].",
        "[Payment of|Payment for] {fees} [is|shall be] [contingent on|conditional upon|subject"
        " to] [{cust} receiving|receipt by {cust} of] [board approval|funding from its own"
        " customer|grant funding|regulatory approval].",
        "{cust} [shall|will] pay {prov} [only when|within {days} after] {cust} [has itself been"
        " paid|receives payment] by [its end customer|the project owner|its client] for the"
        " [related|corresponding] work.",
        "[Invoices|Fees] [for the first year|for year one] [shall|will] be [deferred|postponed]"
        " until [go-live|the system goes live|the completion of implementation|{months} after"
        " the Start Date][, and no late-payment interest will accrue in the meantime|].",
        "[Fifty percent (50%)|40%|One third] of {fees} [is|shall be] payable [on signature|upon"
        " execution] and the [balance|remainder] [on|upon] [completion of onboarding|delivery of"
        " the final milestone|the first anniversary of the Start Date].",
        "[Payment Schedule. |Milestone Payments. |]{fees} [shall|will] be [paid|invoiced]"
        " [against|on achievement of] the milestones [set out|listed] [below|in Exhibit B],"
        " [and not annually in advance as {agr} provides|rather than in advance].",
        "You may pay in monthly instalments over the year at no extra cost instead of paying"
        " the annual fee up front.",
        "{cust} [may|shall be entitled to] [withhold|suspend] payment of [disputed amounts|any"
        " invoice] [until|pending] [the dispute is resolved|{prov} remedies the issue] [without"
        " being in breach|and such withholding shall not be a default].",
        "[The payment|Payment] [period|term] [for this order|under {doc}] [runs|shall run] from"
        " [the date {cust} approves the invoice|the end of the quarter in which the invoice is"
        " received|receipt of a correct and undisputed invoice plus {days}].",
    ],
    "acceptance_clause": [
        "{fees} [shall|will] [not be payable|not be invoiced|only become due] [until|unless]"
        " {cust} [has accepted|gives written acceptance of] the [Deliverables|implementation|"
        "configured system] [in writing|following successful acceptance testing].",
        "[Acceptance. |Acceptance Testing. |]{cust} [shall have|will have|has] {days} [from"
        " delivery|after go-live] to [test|evaluate] {service} against the [acceptance criteria|"
        "agreed specifications]; [invoicing|billing] [starts|commences] [only |]upon [written"
        " |]acceptance.",
        "If {service} [fails|does not pass] [the acceptance tests|acceptance testing], {cust}"
        " may [reject it|reject the Deliverable] and [{prov} shall re-perform at no charge|"
        "receive a full refund of {fees}|withhold payment until re-testing succeeds].",
        "We will only bill you after you have tested the [system|solution] and [confirmed in"
        " writing|told us in writing] that it works as agreed.",
        "[The Subscription Term|Billing] [shall|will] not [begin|commence] until {cust} [issues|"
        "signs] [an acceptance certificate|a certificate of acceptance|a signed acceptance"
        " form] for [the implementation|the migrated environment|each Deliverable].",
        "[Each milestone|Every Deliverable] [is|shall be] subject to {cust}'s [written|formal]"
        " acceptance [in accordance with|under] the [test plan|acceptance procedure] in"
        " [Exhibit C|the Statement of Work], and [no fees|no invoice] [for that milestone|for"
        " it] [shall|will] be [due|issued] [before|prior to] acceptance.",
        "[Deemed acceptance under {agr} shall not apply; |]{service} [shall be|will be] deemed"
        " accepted only [when|after] {cust} [confirms|certifies] [in writing |]that [all"
        " acceptance criteria are met|the acceptance tests have passed].",
        "[Payment|Fees] for [professional services|implementation services|the onboarding"
        " package] [shall be|are] [conditional on|subject to] {cust}'s [sign-off|acceptance] of"
        " [the completed work|each phase][, which shall not be deemed given by use in"
        " production|].",
    ],
}
