"""Clause flags on real PDFs: extractor (step one) and playbook (step two) together.

Order forms are rendered here with reportlab: the registered standard agreement appended
whole (re-wrapped to another width and font) raises nothing; each deviation written into
"Special Terms" raises NONSTANDARD_CLAUSE of its type with the standard quoted.
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from tests.contract_examples import CUSTOMER, QUOTE
from triage.comparison import RulePack
from triage.config import REPO_ROOT
from triage.contract import CheckResult, ClauseType, Customer, ExceptionCode, Quote
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor

AGREEMENT = REPO_ROOT / "rules" / "standards" / "northwind-subscription-terms.txt"
HEADER = [
    "Order Form NW-2027-0042",
    "Order Date: 2026-12-01",
    "Customer: Acme Corporation",
    "Provider: Northwind Software Inc.",
    "Subscription Start Date: 2027-01-01",
    "Subscription End Date: 2027-12-31",
    "Billing Frequency: Annual in advance",
    "Payment Terms: Net 30",
    "Purchase Order: PO-7781",
]


@pytest.fixture(scope="module")
def extractor() -> OrderExtractor:
    """The shipped extractor with its clause classifier."""
    return OrderExtractor.load(REPO_ROOT / "models")


def _pdf(sections: list[tuple[str, list[str]]], *, font: str, width_cm: float) -> bytes:
    buffer = io.BytesIO()
    margin = (21.0 - width_cm) / 2 * 28.35
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=margin, rightMargin=margin)
    body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12)
    heading = ParagraphStyle("heading", fontName=f"{font}-Bold", fontSize=10.5, leading=14)
    story: list[object] = [Paragraph(line, body) for line in HEADER]
    for title, paragraphs in sections:
        story += [Spacer(1, 8), Paragraph(title, heading)]
        story += [Paragraph(p, body) for p in paragraphs] if paragraphs else []
        story += [Spacer(1, 4)]
    document.build(story)
    return buffer.getvalue()


def _two_column_pdf(sections: list[tuple[str, list[str]]]) -> bytes:
    """Return the order header and ``sections`` set in two columns, as agreements often are."""
    buffer = io.BytesIO()
    document = BaseDocTemplate(buffer, pagesize=LETTER)
    width = (LETTER[0] - 2 * 54 - 18) / 2
    frames = [
        Frame(54, 54, width, LETTER[1] - 108, id="left"),
        Frame(54 + width + 18, 54, width, LETTER[1] - 108, id="right"),
    ]
    document.addPageTemplates([PageTemplate(frames=frames)])
    body = ParagraphStyle("body", fontName="Helvetica", fontSize=8.5, leading=10.5)
    story: list[object] = [Paragraph(line, body) for line in HEADER]
    for title, paragraphs in sections:
        story += [Paragraph(f"<b>{title}</b> {' '.join(paragraphs)}", body), Spacer(1, 5)]
    document.build(story)
    return buffer.getvalue()


def _agreement_sections() -> list[tuple[str, list[str]]]:
    blocks = [" ".join(b.split()) for b in AGREEMENT.read_text(encoding="utf-8").split("\n\n")]
    sections: list[tuple[str, list[str]]] = []
    for block in blocks[2:]:
        title, _, rest = block.partition(". ")
        sections.append((title + ".", [rest]))
    return sections


def _check(extractor: OrderExtractor, pack: RulePack, pdf: bytes) -> CheckResult:
    document = parse_pdf(pdf, "order.pdf", max_pages=20)
    extraction = extractor.extract(document, country="US")
    quote, customer = Quote.model_validate(QUOTE), Customer.model_validate(CUSTOMER)
    exceptions = pack.evaluate(extraction, quote, customer)
    return CheckResult(
        order_id="ord_test", decision="review", exceptions=exceptions, extraction=extraction
    )


@pytest.mark.parametrize(("font", "width_cm"), [("Helvetica", 17.0), ("Times", 12.5)])
def test_the_whole_standard_agreement_appended_to_an_order_raises_no_clause_flag(
    extractor: OrderExtractor, pack: RulePack, font: str, width_cm: float
) -> None:
    result = _check(extractor, pack, _pdf(_agreement_sections(), font=font, width_cm=width_cm))
    assert result.extraction is not None and result.extraction.clauses, "step one found none"
    flags = [e for e in result.exceptions if e.code is ExceptionCode.NONSTANDARD_CLAUSE]
    assert flags == [], [f.message for f in flags]


DEVIATIONS = [
    (
        ClauseType.LIABILITY_CAP_CHANGE,
        "Each party's aggregate liability arising out of this Order Form shall not exceed the"
        " fees paid and payable in the twenty-four (24) months preceding the claim.",
        "Liability cap is 24 months of fees; standard is 12 (playbook 2026.12.1)",
    ),
    (
        ClauseType.TERMINATION_FOR_CONVENIENCE,
        "Customer may terminate this Order Form for convenience at any time upon sixty (60)"
        " days' prior written notice to Provider.",
        "termination for convenience",
    ),
    (
        ClauseType.MOST_FAVORED_NATION,
        "Provider warrants that the fees under this Order Form are no less favourable than"
        " those offered to any other customer for comparable volumes.",
        "ties prices to other customers",
    ),
    (
        ClauseType.ACCEPTANCE_CLAUSE,
        "No fees shall become payable until Customer has confirmed in writing that the"
        " implementation has passed acceptance testing.",
        "Payment waits for acceptance",
    ),
]


@pytest.mark.parametrize(("clause_type", "text", "says"), DEVIATIONS)
def test_a_deviation_among_standard_terms_is_flagged_with_its_type_and_the_standard(
    extractor: OrderExtractor, pack: RulePack, clause_type: ClauseType, text: str, says: str
) -> None:
    sections = [*_agreement_sections()[:6], ("Special Terms", [text])]
    result = _check(extractor, pack, _pdf(sections, font="Helvetica", width_cm=16.0))
    flags = [e for e in result.exceptions if e.code is ExceptionCode.NONSTANDARD_CLAUSE]
    assert len(flags) == 1, [f.message for f in flags]
    assert says in flags[0].message and "standard is" in flags[0].message
    assert flags[0].expected == pack.playbook.position(clause_type).standard  # type: ignore[union-attr]
    index = int(str(flags[0].field).removeprefix("clauses[").removesuffix("]"))
    assert result.extraction is not None
    assert result.extraction.clauses[index].type is clause_type
    assert flags[0].evidence, "the flag carries the clause's evidence"


def test_a_two_column_agreement_is_read_column_by_column(
    extractor: OrderExtractor, pack: RulePack
) -> None:
    standard = _check(extractor, pack, _two_column_pdf(_agreement_sections()))
    flags = [e for e in standard.exceptions if e.code is ExceptionCode.NONSTANDARD_CLAUSE]
    assert flags == [], [f.message for f in flags]
    text, says = DEVIATIONS[0][1], DEVIATIONS[0][2]
    sections = [*_agreement_sections()[:9], ("Special Terms.", [text])]
    changed = _check(extractor, pack, _two_column_pdf(sections))
    flags = [e for e in changed.exceptions if e.code is ExceptionCode.NONSTANDARD_CLAUSE]
    assert [says in f.message for f in flags] == [True], [f.message for f in flags]
