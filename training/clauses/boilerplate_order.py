"""``standard`` families for the order form's own mechanics, stated in prose.

Order forms restate their commercial terms in sentences: billing schedule, payment days,
term dates, renewal with the standard uplift cap, priced service lines, parties and
addresses. These carry payment, renewal and service vocabulary while departing from
nothing; the comparison rules, not the clause model, judge their values.
"""

from __future__ import annotations

__all__ = ["ORDER_FAMILIES", "PREAMBLE_FAMILIES"]

ORDER_FAMILIES: list[str] = [
    "[Billing. |Invoicing and Payment. |Invoicing. |]{prov} [will|shall] [bill|invoice]"
    " {cust} [every [three|six|twelve] months|each quarter|once a year|monthly] [in advance|"
    "]. [The first invoice [will be|is] [issued|sent] on [2027-02-01|March 1, 2027|the"
    " Start Date].|] [{cust} [shall|will] pay each invoice [within |]{days} [after|of|from]"
    " [receipt|the invoice date].|]",
    "[Terms of Payment|Payment|Payment terms|Payment Due]: [{days}|Net 30|Net 45|Net 60]"
    " [from receipt of invoice|after the invoice date|from the date of invoice|].",
    "[Invoices are|Each invoice is] [due and payable|payable|due] [Net 30|Net 45|Net 60|Net"
    " 90|within {days}][, without set-off|][ by bank transfer to the account on the invoice|].",
    "[Billing starts|Invoicing begins|Billing commences] on [the Start Date|2027-12-01|"
    "January 15, 2027][, and fees are invoiced [annually|quarterly] in advance|].",
    "[Uplift on renewal|Any price increase on renewal|Renewal uplift] [is capped at|will not"
    " exceed|is limited to] {pct}[ of the prior term's fees| per renewal term|].",
    "[This Order Form|{doc}] [shall|will] automatically renew for [a renewal term|successive"
    " renewal terms|further terms] of [12|24|twelve (12)] months unless [cancelled|terminated"
    "|either party gives notice] in writing [no less than|at least|not less than] {days}"
    " before [expiry|the end of the current term|the renewal date].",
    "[(a)|(b)|(c)|1.|2.|] [TRN-ONS|CONS-DAY|PS-WORKSHOP|IMPL-STD] [-|–|:] [On-site"
    " workshop|Consulting day|Training session (remote)|Standard implementation package]"
    " [(up to 10 attendees)|(per day)|]: [3|5|1|10] [days|units|sessions] at [$1,800.00|"
    "€2 100,00|GBP 950] each [(service)|(one-time)|], [less a discount of {pct}|with no"
    " discount], net amount [$9,000.00|€10 500,00|GBP 9,500].",
    "[Bill To|Remit To|Sold To|Ship To] [Meridian Health Trust|Helios Freight GmbH|Contoso"
    " Cloud Ltd|Northgate Partners SA] [12 Rue de la Paix|500 Lake Shore Drive|Friedrichstr."
    " 40] [75002 Paris, France|Chicago, IL 60611|10117 Berlin, Germany] [Accounts"
    " Receivable|Accounts Payable|Finance Department|]",
    "[For and on behalf of|Signed for] [{cust}|Meridian Health Trust|Helios Freight GmbH]"
    " [For and on behalf of|and for] [{prov}|Contoso Cloud Ltd] [Name|Signature] [Title|"
    "Date]",
    "{prov} may [update|improve|modify] {service} from time to time[, provided that it does"
    " not materially reduce their functionality| without notice|].",
    "[Customer PO|PO Number|Purchase Order] [#|No.|]: [PO-854862|4500012345|N/A] [Quote|"
    "Order] [Reference|No.]: [Q-2026-0042|OF-77812]",
    "[The Subscription Term|The term of {doc}] [runs|is] from [2027-01-01|January 1, 2027|"
    "the Start Date] to [2027-12-31|December 31, 2029|the End Date] [({months})|][; fees are"
    " stated in [USD|EUR|GBP]|].",
    "[Professional services|Implementation services|Training] [are|is] [billed|invoiced]"
    " [on delivery|monthly in arrears|on completion of each session] [at the rates shown"
    " above|as listed in the table above].",
    "[Each party|The parties] [agree|confirm] that {doc} [is entered into|is placed] under"
    " {agr} and that [no other terms apply|{cust}'s purchase order terms do not apply].",
]

PREAMBLE_FAMILIES: list[str] = [
    "[This|The] [Order Form|Order Schedule|Sales Order|Ordering Document] [No.|number|]"
    " [OF-2027-0311|SO-88120|ORD-5521|] [is entered into|is made|is dated] [on|as of]"
    ' [2 May 2027|June 30, 2026|the Effective Date] between {prov} [("Provider")|] and'
    ' [{cust}|Helios Freight GmbH|Meridian Health Trust] [("Customer")|].',
    "[Dear|Hello] [Ms. Okafor|Jan Novak|Procurement Team], [thank you for [your order|"
    "choosing {prov}]|we are pleased to confirm your order]. This [letter|confirmation]"
    " [confirms|sets out] the [products|subscription] [ordered by|purchased by]"
    " [{cust}|your organisation] [for a term of {months}|listed below|].",
    "[Please|Kindly] [sign and return|countersign] {doc} [to confirm the order|by the"
    " expiry date above][; the order takes effect on signature|].",
]
