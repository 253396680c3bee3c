"""Hard ``standard`` families: the provider's own paper, worded like the clause types.

Each family shares words with one clause type (terminate, acceptance, credit, exclusive,
renew, liability, price, instalment...) while saying only what standard paper says.
"""

from __future__ import annotations

__all__ = ["HARD_STANDARD_FAMILIES"]

HARD_STANDARD_FAMILIES: list[str] = [
    "[Either party|Each party] may terminate {doc} [if the other party materially breaches"
    " it|for the other party's uncured material breach|if the other party becomes"
    " insolvent][, as provided in {agr}|].",
    "[{doc} is accepted|The parties accept {doc}] by [signing below|their signatures below|"
    "electronic signature][; acceptance of {doc} forms a binding order|].",
    "[Credits|Service credits], if any, [are|will be] [as described in|governed by] [{prov}'s"
    " standard Service Level Agreement|{agr}][ and are the sole remedy for unavailability|].",
    "[Fees are|{fees} are] [invoiced|billed] [annually|quarterly] in advance and [payable|due]"
    " [net 30|within {days} of the invoice date][, as set out in {agr}|].",
    "[Upon renewal|At renewal], {fees} [may|will] [increase|be adjusted] [in line with|by no"
    " more than] [{prov}'s then-current list prices|the uplift stated in {agr}|{pct}].",
    "[The licence|The right to use {service}|Access] [is|shall be] [non-exclusive and"
    " non-transferable|non-exclusive][ and worldwide|].",
    "[Liability|Each party's liability] [is|remains] [limited|capped] as [provided|set out]"
    " in {agr}[, which applies unchanged to {doc}|].",
    "[Prices|The prices on {doc}] [are|remain] valid [for acceptance|for signature] [until"
    " the quote expiry date|for {days}][, after which they may change|].",
    "{prov} [may|will] [audit|verify] [{cust}'s usage|the number of users] [to confirm"
    " compliance with the licence|as permitted in {agr}].",
    "[Renewal notices|Notices of non-renewal] [must be|are] [given|sent] [in writing|by"
    " email] to the [notice address|addresses] in {agr}.",
    "[Support|Maintenance] [requests|tickets] [are handled|will be answered] [according to|"
    "under] {prov}'s [standard support policy|Support Policy][ during business hours|].",
    "[If {cust} does not pay|Where undisputed invoices are unpaid] [within {days}|on time],"
    " {prov} may [suspend {service}|charge late interest] [as permitted by|under] {agr}.",
    "{cust} [may not|shall not] [resell|sublicense|make {service} available to] [third"
    " parties|any competitor of {prov}|anyone outside its organisation].",
    "[The term|The Subscription Term] [is|runs for] {months} [from the Start Date|]"
    "[ and renews as set out in {agr}|].",
    "[Purchase orders|A PO number] [is|are] [for administrative purposes only|used only for"
    " invoicing] and [do not|does not] [change|affect] the payment terms.",
]
