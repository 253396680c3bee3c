"""Standard paper: paragraphs every order form carries and no clause finding may come from.

Some of them deliberately read like clause types (liability, service levels, renewal,
payment) while saying only what the provider's standard terms say.
"""

from __future__ import annotations

from random import Random

__all__ = ["STANDARD_SECTIONS", "draw_boilerplate"]

STANDARD_SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Agreement",
        (
            "This Order Form is governed by the Master Subscription Agreement between the parties "
            '(the "Agreement"). Capitalised terms not defined here have the meanings given in '
            "the Agreement.",
            "This Order is subject to and incorporates the terms of the Provider's Master "
            "Subscription Agreement in effect on the Order Date.",
        ),
    ),
    (
        "Order of Precedence",
        (
            "In the event of a conflict between this Order Form and the Agreement, this Order "
            "Form prevails solely with respect to the commercial terms set out above.",
            "If there is any inconsistency, the Agreement shall prevail over this Order Form "
            "except as to fees, quantities and dates.",
        ),
    ),
    (
        "Governing Law",
        (
            "This Order Form is governed by the laws specified in the Agreement, without regard "
            "to conflict-of-law principles.",
            "The governing law and jurisdiction are those set out in the Agreement.",
        ),
    ),
    (
        "Confidentiality",
        (
            "The pricing and terms of this Order Form are Confidential Information of Provider "
            "and shall be treated in accordance with the Agreement.",
            "Each party shall keep the terms of this Order confidential as provided in the "
            "Agreement.",
        ),
    ),
    (
        "Limitation of Liability",
        (
            "The limitation of liability set out in the Agreement applies to this Order Form "
            "without modification.",
            "Each party's liability is limited as stated in the Agreement.",
        ),
    ),
    (
        "Service Levels",
        (
            "The Services are provided in accordance with Provider's standard Service Level "
            "Agreement published at the Order Date.",
            "Support and availability commitments are those of Provider's standard SLA.",
        ),
    ),
    (
        "Taxes",
        (
            "Fees exclude VAT, sales, use and similar taxes, which Customer shall pay in addition "
            "unless it provides a valid exemption certificate.",
            "All amounts are exclusive of applicable taxes.",
        ),
    ),
    (
        "Late Payment",
        (
            "Overdue amounts may accrue interest as permitted under the Agreement.",
            "Provider may suspend the Services for undisputed invoices more than thirty days "
            "overdue, after written notice, as set out in the Agreement.",
        ),
    ),
    (
        "Counterparts",
        (
            "This Order Form may be executed in counterparts, including by electronic signature, "
            "each of which is deemed an original.",
            "Signatures delivered electronically or by PDF are binding.",
        ),
    ),
    (
        "Notices",
        (
            "Notices under this Order Form shall be given in writing to the addresses stated "
            "above, as further described in the Agreement.",
            "All notices must be sent to the contacts listed on this Order Form.",
        ),
    ),
    (
        "Warranty",
        (
            "Except as expressly stated in the Agreement, the Services are provided without "
            "any further warranties, express or implied.",
            "The warranties and disclaimers of the Agreement apply.",
        ),
    ),
    (
        "Data Protection",
        (
            "The Data Processing Addendum attached to the Agreement applies to Customer Data "
            "processed under this Order Form.",
            "Personal data is processed in accordance with Provider's standard DPA.",
        ),
    ),
)
"""Standard sections: a heading and alternative wordings."""


def draw_boilerplate(rng: Random, count: int) -> list[tuple[str, str]]:
    """Return ``count`` standard sections in order, each as (heading, one wording)."""
    chosen = sorted(rng.sample(range(len(STANDARD_SECTIONS)), min(count, len(STANDARD_SECTIONS))))
    return [(STANDARD_SECTIONS[i][0], rng.choice(STANDARD_SECTIONS[i][1])) for i in chosen]
