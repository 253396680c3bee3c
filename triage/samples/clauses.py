"""Non-standard clauses of every type in docs/semantics.md, each written several ways.

Templates are filled with drawn values (notice days, multipliers, regions) so that no two
orders need to carry the same sentence.
"""

from __future__ import annotations

from random import Random

from triage.contract import ClauseType

__all__ = ["CLAUSE_TEMPLATES", "write_clause"]

CLAUSE_TEMPLATES: dict[ClauseType, tuple[str, ...]] = {
    ClauseType.TERMINATION_FOR_CONVENIENCE: (
        "Customer may terminate this Order Form, in whole or in part, for convenience upon "
        "{days} days' prior written notice to Provider.",
        "Notwithstanding the Initial Term, the Customer may end the subscription at any time "
        "without cause by giving {days} days' notice in writing.",
        "Either party may terminate this Order for any reason or no reason on {days} days' "
        "written notice; no early termination fee shall apply.",
        "Customer shall have the right to cancel the remaining Subscription Term without "
        "cause after month {month}, by written notice served not less than {days} days prior.",
    ),
    ClauseType.MOST_FAVORED_NATION: (
        "Provider warrants that the fees charged hereunder are no less favourable than those "
        "offered to any other customer for comparable volumes.",
        "Should Provider offer lower prices for the same services to any other customer, "
        "Provider shall extend such lower prices to Customer retroactively.",
        "Most favoured customer: Customer shall at all times receive pricing at least as good "
        "as the best price Provider grants to any similarly situated client.",
        "If Provider sells the Services to a third party at a lower unit price during the "
        "Term, the unit prices in this Order Form shall be reduced to match.",
    ),
    ClauseType.PRICE_PROTECTION: (
        "The unit prices set out above are fixed for {years} years and shall not increase on "
        "renewal during that period.",
        "Any additional licences purchased during the Term shall be priced at the unit rates "
        "in this Order Form, regardless of list price changes.",
        "Provider shall hold the pricing in this Order Form firm for all renewals through "
        "{year}, with no uplift.",
        "Price lock: fees for the Services will not be increased for the first {years} "
        "renewal terms.",
    ),
    ClauseType.CUSTOM_PAYMENT_TERMS: (
        "Fees shall be paid in {n} equal instalments, the first of which falls due "
        "{days} days after go-live.",
        "Payment of each invoice is conditional on Customer's receipt of payment from its own "
        "end client (pay-when-paid).",
        "Customer will pay {pct}% of the first-year fees on signature and the balance in "
        "{n} monthly instalments.",
        "Invoices issued in December shall not be payable before {days} days after the end "
        "of the following quarter.",
    ),
    ClauseType.ACCEPTANCE_CLAUSE: (
        "No fees shall become payable until Customer has confirmed in writing that the "
        "implementation has passed acceptance testing.",
        "The Services are subject to a {days}-day acceptance period; fees are invoiced only "
        "upon Customer's written acceptance.",
        "Customer's obligation to pay is contingent upon formal acceptance of the "
        "deliverables in accordance with the acceptance criteria in Exhibit B.",
        "Invoicing shall commence on the date Customer signs the acceptance certificate for "
        "the production environment.",
    ),
    ClauseType.SERVICE_LEVEL_CREDITS: (
        "If monthly availability falls below {uptime}%, Provider shall credit {pct}% of the "
        "monthly fees for each full percentage point of shortfall.",
        "Customer is entitled to a refund of {pct}% of the affected month's fees for every "
        "Severity 1 incident not responded to within {hours} hours.",
        "Provider shall issue service credits equal to {pct}% of the annual fees if the "
        "uptime commitment of {uptime}% is missed in any quarter.",
        "Failure to meet the response targets in two consecutive months entitles Customer to "
        "a fee reduction of {pct}% for the remainder of the Term.",
    ),
    ClauseType.LIABILITY_CAP_CHANGE: (
        "Notwithstanding the Agreement, each party's aggregate liability shall be limited to "
        "{mult} times the fees paid in the preceding twelve months.",
        "The limitation of liability in the Master Agreement shall not apply to breaches of "
        "data protection obligations, for which liability is uncapped.",
        "Provider's total liability under this Order Form is increased to {mult}x the total "
        "contract value.",
        "For claims arising from a security incident, the liability cap shall be raised to "
        "the greater of {mult} times annual fees and the amount of the insurance cover.",
    ),
    ClauseType.EXCLUSIVITY: (
        "During the Term, Provider shall not provide the Services to any direct competitor "
        "of Customer in the {industry} sector.",
        "Customer is appointed exclusive reseller of the Services in {region} for the "
        "duration of this Order Form.",
        "Provider agrees not to license the Platform to the competitors listed in Exhibit C "
        "while this Order Form remains in force.",
        "Customer shall be Provider's sole authorised partner for {region}; Provider will "
        "refer all enquiries from that territory to Customer.",
    ),
    ClauseType.NON_STANDARD_RENEWAL: (
        "This Order Form shall renew only with the express written consent of both parties.",
        "The renewal price for the first renewal term is fixed at "
        "{pct}% below the then-current list price.",
        "Either party may prevent renewal by notice given no later than {days} days before "
        "the end of the current term.",
        "Renewal requires a signed renewal order; silence shall not constitute acceptance of "
        "a renewal.",
    ),
    ClauseType.OTHER_NONSTANDARD: (
        "Provider shall deposit the source code of the Platform with an independent escrow "
        "agent, to be released to Customer upon Provider's insolvency.",
        "Customer may audit Provider's facilities on site once per year on {days} days' "
        "notice, at Provider's cost.",
        "All Customer Data shall be stored and processed exclusively within {region}.",
        "Provider shall indemnify Customer against any fines imposed by a regulator arising "
        "from Provider's processing of Customer Data.",
        "Customer may engage an independent third party once per year to benchmark the fees "
        "against market rates; Provider shall reduce fees found above the median.",
    ),
}
"""At least four phrasings per clause type (ISO placeholders filled by ``write_clause``)."""


def write_clause(rng: Random, clause_type: ClauseType, start_year: int) -> str:
    """Return one phrasing of a clause of ``clause_type`` with its blanks filled in."""
    template = rng.choice(CLAUSE_TEMPLATES[clause_type])
    return template.format(
        days=rng.choice((10, 15, 30, 45, 60, 90)),
        month=rng.choice((6, 9, 12, 18)),
        years=rng.choice((2, 3)),
        year=start_year + rng.choice((2, 3, 4)),
        n=rng.choice((2, 3, 4, 6)),
        pct=rng.choice((5, 10, 15, 20, 25)),
        uptime=rng.choice(("99.5", "99.9", "99.95")),
        hours=rng.choice((1, 2, 4)),
        mult=rng.choice((2, 3, 5)),
        industry=rng.choice(("retail", "logistics", "insurance", "healthcare")),
        region=rng.choice(("the European Union", "Germany", "Australia", "Canada", "the UK")),
    )
