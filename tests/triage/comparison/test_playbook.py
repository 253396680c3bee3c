"""The clause playbook: standard text raises nothing, each kind of deviation says what differs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from triage.comparison import Playbook, RulePack
from triage.config import REPO_ROOT
from triage.contract import ClauseType
from triage.errors import ConfigError

PLAYBOOK = REPO_ROOT / "rules" / "playbook.yaml"
AGREEMENT = REPO_ROOT / "rules" / "standards" / "northwind-subscription-terms.txt"
T = ClauseType


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    """The shipped playbook."""
    return Playbook.load(PLAYBOOK)


def _agreement_paragraphs() -> list[str]:
    blocks = AGREEMENT.read_text(encoding="utf-8").split("\n\n")
    return [" ".join(b.split()) for b in blocks if len(b.split()) > 8]


STANDARD = [
    (T.LIABILITY_CAP_CHANGE, "Each party's total liability under this Order is limited to the fees"
     " paid or payable in the twelve (12) months before the claim."),
    (T.LIABILITY_CAP_CHANGE, "Except for liability that cannot be limited by law, aggregate"
     " liability shall not exceed the fees paid in the preceding year."),
    (T.LIABILITY_CAP_CHANGE, "IN NO EVENT SHALL EITHER PARTY'S AGGREGATE LIABILITY EXCEED THE"
     " AMOUNTS PAID BY CUSTOMER IN THE TWELVE MONTHS PRECEDING THE INCIDENT. The foregoing"
     " limitations shall not apply to a party's indemnification obligations, gross negligence"
     " or wilful misconduct."),
    (T.CUSTOM_PAYMENT_TERMS, "Provider may suspend the Services if any amount is more than"
     " thirty days overdue, after ten days' notice."),
    (T.EXCLUSIVITY, "All fees are exclusive of VAT and similar taxes."),
    (T.EXCLUSIVITY, "The courts of Ontario shall have exclusive jurisdiction over any dispute."),
    (T.EXCLUSIVITY, "Provider grants Customer a non-exclusive licence to use the Services."),
    (T.TERMINATION_FOR_CONVENIENCE, "Neither party may terminate this Order for convenience."),
    (T.TERMINATION_FOR_CONVENIENCE, "Either party may terminate for material breach not cured"
     " within thirty days of notice."),
    (T.SERVICE_LEVEL_CREDITS, "If availability falls below 99.9% in a month, Provider credits"
     " 5% of that month's fees."),
    (T.ACCEPTANCE_CLAUSE, "The scope includes configuration and user acceptance testing support."),
    (T.NON_STANDARD_RENEWAL, "This Order does not renew automatically."),
    (T.PRICE_PROTECTION, "Renewal fees shall not exceed the fees of the preceding term by more"
     " than 5%."),
    (T.CUSTOM_PAYMENT_TERMS, "Invoices are payable within forty-five (45) days of the invoice"
     " date."),
]  # fmt: skip

DEVIATIONS = [
    (T.LIABILITY_CAP_CHANGE, "Each party's aggregate liability shall not exceed the fees paid in"
     " the twenty-four (24) months preceding the claim.",
     "Liability cap is 24 months of fees; standard is 12"),
    (T.LIABILITY_CAP_CHANGE, "Provider's liability under this Order is limited to 200% of the"
     " fees paid.", "Liability cap is 2 times the fees; standard is 1"),
    (T.LIABILITY_CAP_CHANGE, "Provider's liability for data breaches is uncapped.",
     "Liability is uncapped"),
    (T.LIABILITY_CAP_CHANGE, "The limitations shall not apply to a party's indemnification"
     " obligations or to breaches of data protection obligations.", "cap is lifted"),
    (T.LIABILITY_CAP_CHANGE, "Provider's liability shall not exceed US$2,000,000.",
     "Liability cap is a fixed amount of 2000000"),
    (T.SERVICE_LEVEL_CREDITS, "Should uptime fall below 99.5%, Provider shall credit 30 per cent"
     " of the monthly fees.", "Service credits of 30 % of fees; standard is at most 10 %"),
    (T.TERMINATION_FOR_CONVENIENCE, "The Client can cancel the subscription at any time without"
     " cause by giving sixty days' written notice.", "termination without cause"),
    (T.MOST_FAVORED_NATION, "Vendor shall give Client prices at least as low as any other"
     " customer receives; if another customer pays lower fees, Client's fees drop to match.",
     "ties prices to other customers"),
    (T.EXCLUSIVITY, "Customer is appointed exclusive distributor of the Services in Canada.",
     "grants exclusivity"),
    (T.EXCLUSIVITY, "Provider agrees not to license the Platform to any competitor of Customer.",
     "competitors"),
    (T.ACCEPTANCE_CLAUSE, "No invoice shall be issued until Customer signs the acceptance"
     " certificate.", "Payment waits for acceptance"),
    (T.CUSTOM_PAYMENT_TERMS, "Customer shall pay the fees in four quarterly instalments.",
     "instalments"),
    (T.CUSTOM_PAYMENT_TERMS, "Payment is conditional on Customer receiving payment from its"
     " own client.", "Payment is conditional"),
    (T.PRICE_PROTECTION, "Additional seats bought during the Term are charged at the same unit"
     " prices as this Order.", "future purchases"),
    (T.OTHER_NONSTANDARD, "Provider shall deposit the source code with an escrow agent.",
     "escrow"),
]  # fmt: skip


@pytest.mark.parametrize(("clause_type", "text"), STANDARD)
def test_standard_positions_raise_nothing(
    playbook: Playbook, clause_type: ClauseType, text: str
) -> None:
    assert playbook.judge(clause_type, text) is None


@pytest.mark.parametrize(("clause_type", "text", "says"), DEVIATIONS)
def test_each_kind_of_deviation_says_what_differs(
    playbook: Playbook, clause_type: ClauseType, text: str, says: str
) -> None:
    deviation = playbook.judge(clause_type, text)
    assert deviation is not None
    assert says in deviation.difference
    assert deviation.standard == playbook.position(clause_type).standard


@pytest.mark.parametrize("clause_type", list(ClauseType))
def test_every_paragraph_of_the_standard_agreement_is_standard_whatever_its_type(
    playbook: Playbook, clause_type: ClauseType
) -> None:
    for paragraph in _agreement_paragraphs():
        assert playbook.judge(clause_type, paragraph) is None, paragraph


def test_standard_agreement_survives_renumbering_rewrapping_and_small_edits(
    playbook: Playbook,
) -> None:
    text = (
        "13.2 Limitation of Liabil-\nity. Each party’s aggregate liabil- ity arising out of"
        " or relating to the\nAgreement shall not exceed the fees paid and payable by the"
        " Customer in the 12 months preceding the event giving rise to the claim."
    )
    assert playbook.judge(T.LIABILITY_CAP_CHANGE, text) is None


def test_a_changed_number_in_a_standard_sentence_is_a_deviation_quoting_the_standard(
    playbook: Playbook,
) -> None:
    text = (
        "Provider may suspend the Services if any undisputed amount remains unpaid more than"
        " five (5) days after its due date, after giving Customer at least ten (10) days'"
        " written notice."
    )
    deviation = playbook.judge(T.OTHER_NONSTANDARD, text)
    assert deviation is not None
    assert "Northwind Subscription Terms" in deviation.difference
    assert deviation.standard.startswith("Provider may suspend the Services")
    assert "thirty (30) days" in deviation.standard


def test_a_changed_payment_term_in_the_standard_is_left_to_the_payment_rule(
    playbook: Playbook,
) -> None:
    paragraph = next(p for p in _agreement_paragraphs() if "within the payment terms" in p)
    edited = paragraph.replace("thirty (30) days of the invoice", "sixty (60) days of the invoice")
    assert edited != paragraph
    assert playbook.judge(T.CUSTOM_PAYMENT_TERMS, edited) is None


def test_the_agreement_changed_by_24_months_is_judged_by_the_liability_parameter(
    playbook: Playbook,
) -> None:
    paragraph = next(p for p in _agreement_paragraphs() if "aggregate liability" in p)
    edited = paragraph.replace("twelve (12) months", "twenty-four (24) months")
    deviation = playbook.judge(T.LIABILITY_CAP_CHANGE, edited)
    assert deviation is not None
    assert deviation.difference == "Liability cap is 24 months of fees; standard is 12"


def test_special_terms_get_a_closer_look_across_clause_types(playbook: Playbook) -> None:
    text = "Special Terms. Customer may terminate this Order for convenience on 30 days notice."
    # the classifier took it for an exclusivity clause: the closer look still finds it
    deviation = playbook.judge(T.EXCLUSIVITY, text)
    assert deviation is not None
    assert deviation.difference.startswith('Termination for convenience under "Special Terms"')
    outside = "Customer may terminate this Order for convenience on 30 days notice."
    assert playbook.judge(T.EXCLUSIVITY, outside) is None


def test_notwithstanding_opens_a_closer_look(playbook: Playbook) -> None:
    text = "Notwithstanding the Agreement, Provider shall place the source code in escrow."
    deviation = playbook.judge(T.ACCEPTANCE_CLAUSE, text)
    assert deviation is not None and "escrow" in deviation.difference


def test_renewal_and_payment_terms_are_left_to_their_rules(playbook: Playbook) -> None:
    for clause_type, text in [
        (T.NON_STANDARD_RENEWAL, "Special terms: this Order renews for successive 24-month terms."),
        (
            T.CUSTOM_PAYMENT_TERMS,
            "Additional terms: invoices are payable Net 60, billed quarterly.",
        ),
    ]:
        assert playbook.judge(clause_type, text) is None


def _playbook_doc() -> dict[str, object]:
    document = yaml.safe_load(PLAYBOOK.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _load(document: dict[str, object], folder: Path = REPO_ROOT / "rules") -> Playbook:
    return Playbook.from_mapping(document, folder)


def test_playbook_without_a_clause_type_is_refused() -> None:
    document = _playbook_doc()
    del document["clauses"]["exclusivity"]  # type: ignore[attr-defined]
    with pytest.raises(ConfigError, match=r"no position for clause type.*exclusivity"):
        _load(document)


def test_playbook_with_a_bad_pattern_names_it() -> None:
    document = _playbook_doc()
    document["clauses"]["exclusivity"]["deviations"][0]["pattern"] = "(unclosed"  # type: ignore[index]
    with pytest.raises(ConfigError, match=r"clauses\.exclusivity\.deviations\.0\.pattern"):
        _load(document)


def test_playbook_with_an_unknown_placeholder_is_refused() -> None:
    document = _playbook_doc()
    spec = document["clauses"]["liability_cap_change"]["parameters"][0]  # type: ignore[index]
    spec["says"] = "cap is {months}"
    with pytest.raises(ConfigError, match=re.escape("unknown placeholder {months}")):
        _load(document)


def test_playbook_naming_a_missing_agreement_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        _load(_playbook_doc(), tmp_path)


def test_pack_naming_a_rule_the_playbook_leaves_clauses_to_must_have_it() -> None:
    document = yaml.safe_load((REPO_ROOT / "rules" / "default.yaml").read_text())
    document["rules"] = [r for r in document["rules"] if r["id"] != "renewal_terms"]
    with pytest.raises(ConfigError, match="renewal_terms"):
        RulePack.from_mapping(document)


def test_clause_rule_v2_without_a_playbook_is_refused() -> None:
    document = yaml.safe_load((REPO_ROOT / "rules" / "default.yaml").read_text())
    del document["playbook"]
    with pytest.raises(ConfigError, match="needs a clause playbook"):
        RulePack.from_mapping(document)


def test_pack_reports_its_playbook_version(pack: RulePack) -> None:
    assert pack.playbook_version == "2026.12.1"


RENEWAL_ONLY_BY_CONSENT = (
    "This Order Form shall renew only with the express written consent of both parties."
)


@pytest.mark.parametrize(
    ("quote_renews", "extracted", "flagged"),
    [
        (True, True, True),  # the rule saw "renews" elsewhere: the clause is the only sign
        (False, False, False),  # the clause agrees with the quote
        (True, False, False),  # the rule raises RENEWAL_TERMS_MISMATCH: one finding only
    ],
)
def test_a_restated_renewal_term_is_flagged_only_where_no_rule_shows_it(
    playbook: Playbook, quote_renews: bool, extracted: bool, flagged: bool
) -> None:
    deviation = playbook.restated(
        T.NON_STANDARD_RENEWAL,
        RENEWAL_ONLY_BY_CONSENT,
        quoted=lambda name: quote_renews,
        extracted=lambda name: extracted,
    )
    assert (deviation is not None) is flagged
    if deviation is not None:
        assert "does not renew automatically" in deviation.difference
        assert deviation.standard == "as the quote says (auto_renewal: yes)"


def test_the_clause_rule_flags_a_renewal_clause_the_renewal_rule_cannot_see(pack: RulePack) -> None:
    from tests.triage.comparison.builders import make_customer, make_extraction, make_quote

    quote = make_quote()  # renews automatically
    clauses = [(ClauseType.NON_STANDARD_RENEWAL, RENEWAL_ONLY_BY_CONSENT)]
    found = pack.evaluate(make_extraction(quote, clauses=clauses), quote, make_customer())
    assert [e.code.value for e in found] == ["NONSTANDARD_CLAUSE"]
    assert found[0].message.endswith("the quote renews automatically (playbook 2026.12.1)")


OTHER_PROVIDER = REPO_ROOT / "tests" / "data" / "clauses" / "other_provider_terms.txt"


@pytest.mark.parametrize("clause_type", list(ClauseType))
def test_another_providers_ordinary_terms_raise_nothing_whatever_their_type(
    playbook: Playbook, clause_type: ClauseType
) -> None:
    lines = OTHER_PROVIDER.read_text(encoding="utf-8").splitlines()
    for paragraph in (line for line in lines if line.strip() and not line.startswith("#")):
        assert playbook.judge(clause_type, paragraph) is None, paragraph
