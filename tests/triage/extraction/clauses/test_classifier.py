"""The shipped clause model: loading, unseen sentences of every type, find_clauses."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.triage.extraction.clauses.conftest import (
    MODEL_DIR,
    Paragraph,
    render_pages,
)
from triage.contract import ClauseType
from triage.errors import ConfigError
from triage.extraction.clauses import STANDARD_LABEL, ClauseClassifier

UNSEEN = {
    "termination_for_convenience": "The Client can walk away from this order at any time"
    " without giving a reason, provided it tells the Vendor in writing sixty days beforehand.",
    "most_favored_nation": "Vendor will never charge another comparable customer a lower unit"
    " price than the one Client pays; if it does, Client gets the lower price too.",
    "price_protection": "The per-seat price in this order is frozen for three years and will"
    " not go up for any seats Client adds later.",
    "custom_payment_terms": "Client will pay the licence fee in six monthly installments"
    " starting after the system goes live.",
    "acceptance_clause": "No invoice may be raised until the Client has run its acceptance"
    " tests and signed an acceptance certificate for the delivered configuration.",
    "service_level_credits": "For each month that uptime drops below 99.9 percent, Vendor"
    " will credit ten percent of that month's fees to the Client.",
    "liability_cap_change": "Vendor's total liability under this order is raised to three"
    " times the annual fees, and is unlimited for data protection breaches.",
    "exclusivity": "Vendor shall not license the platform to any competitor of Client in the"
    " airline industry during the term.",
    "non_standard_renewal": "Renewal of this order requires the express written consent of"
    " the Client, and the Vendor may not bill a renewal term without it.",
    "other_nonstandard": "Vendor shall place the source code of the software in escrow, to"
    " be released to Client if Vendor becomes insolvent.",
}
FRESH = [
    (
        "termination_for_convenience",
        "Beginning in the second contract year, the Buyer may bring this order to an end"
        " without any justification by sending the Seller forty-five days' written notice.",
    ),
    (
        "most_favored_nation",
        "Should Seller grant any other purchaser of like volume a lower per-unit fee, Buyer's"
        " fee will be reduced to that lower amount from the same date.",
    ),
    (
        "price_protection",
        "Seller guarantees that the subscription rates on this order will remain unchanged"
        " through December 2029, including for any renewal.",
    ),
    (
        "custom_payment_terms",
        "The Buyer shall pay 30% of the total on signature, 30% on completion of data"
        " migration and the balance ninety days after go-live.",
    ),
    (
        "acceptance_clause",
        "Buyer has thirty days after installation to verify that the software meets the"
        " functional specification, and Seller may not invoice before Buyer's written acceptance.",
    ),
    (
        "service_level_credits",
        "If the Seller misses the four-hour resolution target for a priority one incident, the"
        " Buyer is entitled to a credit equal to five percent of that month's charges.",
    ),
    (
        "liability_cap_change",
        "Seller's liability for any breach of its security obligations shall not be subject to"
        " any cap or limitation whatsoever.",
    ),
    (
        "exclusivity",
        "During the term the Buyer is Seller's only appointed distributor for the platform in"
        " Scandinavia, on an exclusive basis.",
    ),
    (
        "non_standard_renewal",
        "This order will only be extended for a further term if both parties sign a written"
        " renewal before it expires; it never renews by default.",
    ),
    (
        "other_nonstandard",
        "All Buyer data shall be hosted and processed exclusively in data centres located in"
        " Canada and shall not be moved outside Canada.",
    ),
]
BOILERPLATE = [
    "This Order Form renews automatically for successive twelve-month terms unless either"
    " party gives thirty days' written notice of non-renewal.",
    "Fees are due Net 30 from the invoice date.",
    "This Order Form is subject to the Master Subscription Agreement between the parties,"
    " which is incorporated by reference.",
    "In the event of a conflict between this Order Form and the Agreement, the Agreement"
    " shall prevail.",
    "All notices under this Order Form shall be sent to the addresses set out above.",
    "Customer's use of the Services is non-exclusive and limited to its internal business.",
    "This order is governed by the laws of the State of New York.",
    "Each party shall keep the other's confidential information confidential as provided in"
    " the Master Subscription Agreement.",
    "This Order Form is accepted and agreed by the parties' signatures below.",
    "Invoices are payable within thirty (30) days of the invoice date.",
    "This Order Form may be executed in counterparts, including by electronic signature.",
]


def test_shipped_model_loads_from_the_repository() -> None:
    # Load time is a benchmark figure (bench/bench_clauses.py), not a timed unit test.
    loaded = ClauseClassifier.load(MODEL_DIR)
    assert loaded.version.startswith("clauses-")


@pytest.mark.parametrize("label", sorted(UNSEEN))
def test_unseen_sentence_gets_its_clause_type(classifier: ClauseClassifier, label: str) -> None:
    [(predicted, probability)] = classifier.classify_texts([UNSEEN[label]])
    assert predicted == label
    assert probability >= classifier.threshold_for(label)


@pytest.mark.parametrize(("label", "text"), FRESH, ids=[label for label, _ in FRESH])
def test_fresh_unseen_wording_gets_its_clause_type(
    classifier: ClauseClassifier, label: str, text: str
) -> None:
    assert classifier.classify_texts([text])[0][0] == label


def test_boilerplate_is_standard(classifier: ClauseClassifier) -> None:
    labels = [label for label, _ in classifier.classify_texts(BOILERPLATE)]
    assert labels == [STANDARD_LABEL] * len(BOILERPLATE)


def test_find_clauses_returns_the_injected_clause_with_evidence_on_its_page(
    classifier: ClauseClassifier,
) -> None:
    page_one: list[Paragraph] = [
        ("1. Governing Law", ["This order is governed by the laws of the State of New York."])
    ]
    page_two: list[Paragraph] = [
        (
            "Special Terms",
            [
                "Vendor shall place the source code of the software in escrow, to be released",
                "to Client if Vendor becomes insolvent.",
            ],
        ),
        (None, ["This Order Form may be executed in counterparts, including by e-signature."]),
    ]
    clauses = classifier.find_clauses(render_pages([page_one, page_two]))
    assert [c.type for c in clauses] == [ClauseType.OTHER_NONSTANDARD]
    assert [e.page for e in clauses[0].evidence] == [2, 2, 2]
    assert clauses[0].evidence[1].text.startswith("Vendor shall place the source code")


def test_find_clauses_is_deterministic(classifier: ClauseClassifier) -> None:
    document = render_pages([[(None, [UNSEEN["exclusivity"][:80], UNSEEN["exclusivity"][80:]])]])
    assert classifier.find_clauses(document) == classifier.find_clauses(document)


def test_loading_a_folder_without_a_model_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ClauseClassifier.load(tmp_path)
