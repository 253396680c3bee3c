"""Small, real pipeline components for the API tests: deterministic and fast.

The production components (sandboxed reader, extractor, rule pack, policy) are tested in
their own suites; these let the API tests control exactly which exceptions an order
raises. The reader parses the PDF with pdfplumber for real: a non-PDF fails, pages count.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pdfplumber
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from triage.config import Settings
from triage.contract import (
    BillingException,
    Customer,
    Decision,
    DocumentInfo,
    Evidence,
    ExceptionCode,
    ExtractedField,
    ExtractedFields,
    Extraction,
    Quote,
    RiskScore,
    Severity,
)
from triage.documents.parsed import Page, ParsedDocument, TextLine, Word
from triage.errors import DocumentError, LimitExceeded
from triage.store import sha256_hex

NET_DAYS = re.compile(r"Net (\d+)")


def render_order(payment_days: int = 30, pages: int = 3, marker: str = "") -> bytes:
    """Return a small order-form PDF stating ``Net <payment_days>`` on its last page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=LETTER, invariant=1)
    for number in range(1, pages + 1):
        canvas.drawString(72, 720, f"Order Form {marker} page {number} of {pages}")
        if number == pages:
            canvas.drawString(72, 500, f"Payment terms: Net {payment_days}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _page(number: int, page: Any) -> Page:
    rows: dict[int, list[Word]] = {}
    for w in page.extract_words():
        rows.setdefault(round(w["top"]), []).append(
            Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
        )
    lines = tuple(TextLine(tuple(sorted(ws, key=lambda w: w.x0))) for _, ws in sorted(rows.items()))
    return Page(number=number, width=float(page.width), height=float(page.height), lines=lines)


class PlumberReader:
    """Reads words and boxes with pdfplumber; refuses non-PDFs and too many pages."""

    def __init__(self, max_pages: int) -> None:
        self.max_pages = max_pages

    def read(self, pdf: bytes, *, filename: str) -> ParsedDocument:
        """Return the parsed document."""
        try:
            with pdfplumber.open(io.BytesIO(pdf)) as document:
                if len(document.pages) > self.max_pages:
                    raise LimitExceeded(
                        "max_pages",
                        f"{filename}: {len(document.pages)} pages, max_pages is {self.max_pages}",
                    )
                pages = [_page(i + 1, p) for i, p in enumerate(document.pages)]
        except LimitExceeded:
            raise
        except Exception as error:
            raise DocumentError(
                f"{filename}: not a readable PDF ({type(error).__name__})"
            ) from None
        return ParsedDocument(sha256=sha256_hex(pdf), filename=filename, pages=tuple(pages))


class NetTermsExtractor:
    """Finds ``Net N`` and reports it as payment_terms_days with its evidence."""

    version = "test-extractor.1"

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction:
        """Return the extraction."""
        terms: ExtractedField[Any] = ExtractedField()
        for page in document.pages:
            words = list(page.words)
            for i, word in enumerate(words[:-1]):
                if word.text == "Net" and words[i + 1].text.isdigit():
                    nxt = words[i + 1]
                    terms = ExtractedField(
                        value=int(nxt.text),
                        confidence=0.95,
                        evidence=[
                            Evidence(
                                page=page.number,
                                bbox=(word.x0, word.top, nxt.x1, nxt.bottom),
                                text=f"Net {nxt.text}",
                            )
                        ],
                    )
        return Extraction(
            document=DocumentInfo(
                sha256=document.sha256, pages=len(document.pages), filename=document.filename
            ),
            fields=ExtractedFields(payment_terms_days=terms),
        )


class TermsRules:
    """PAYMENT_TERMS_MISMATCH, CREDIT_HOLD and PO_MISSING, as the real pack phrases them."""

    version = "test-rules.1"

    def evaluate(
        self, extraction: Extraction, quote: Quote, customer: Customer
    ) -> list[BillingException]:
        """Return the exceptions."""
        found: list[BillingException] = []
        terms = extraction.fields.payment_terms_days
        if terms.value is not None and terms.value != customer.payment_terms_days:
            found.append(
                BillingException(
                    code=ExceptionCode.PAYMENT_TERMS_MISMATCH,
                    severity=Severity.HIGH,
                    queue="finance-ar",
                    field="payment_terms_days",
                    expected=customer.payment_terms_days,
                    found=terms.value,
                    message=f"Net {terms.value} vs Net {customer.payment_terms_days}",
                    evidence=terms.evidence,
                )
            )
        if customer.credit_hold:
            found.append(
                BillingException(
                    code=ExceptionCode.CREDIT_HOLD,
                    severity=Severity.HIGH,
                    queue="credit",
                    message="customer is on credit hold",
                )
            )
        return found


class HistoryScorer:
    """Risk from the customer's dispute history, so queue filters have numbers to sort."""

    version = "test-risk.1"

    def score(
        self,
        extraction: Extraction,
        exceptions: list[BillingException],
        quote: Quote,
        customer: Customer,
        *,
        thresholds: Mapping[str, float] | None = None,
    ) -> RiskScore | None:
        """Return the risk."""
        history = customer.history
        if history is None or not history.invoices_12m:
            return None
        dispute = min(1.0, history.disputed_invoices_12m / history.invoices_12m)
        return RiskScore(
            dispute=dispute,
            delay=min(1.0, history.avg_days_late_12m / 100),
            model_version="test-risk.1",
        )

    def order_risk(self, *args: Any, **options: Any) -> Mapping[str, float] | None:
        """No order-only risk: this policy routes on exceptions alone."""
        return None


class AnyExceptionPolicy:
    """Review when there is any exception."""

    version = "test-policy.1"
    risk_thresholds: Mapping[str, float] = {}

    def assign_queues(self, exceptions: list[BillingException]) -> list[BillingException]:
        """Keep the queue each rule chose."""
        return exceptions

    def needs_order_risk(self, risk: RiskScore) -> bool:
        """Never: risk does not route here."""
        return False

    def decide(
        self,
        exceptions: list[BillingException],
        risk: RiskScore | None,
        *,
        order_risk: Mapping[str, float] | None = None,
    ) -> tuple[Decision, list[str]]:
        """Return the decision and reasons."""
        if exceptions:
            return Decision.REVIEW, [f"{len(exceptions)} exception(s)"]
        return Decision.PASS, ["no exceptions"]


@dataclass(frozen=True)
class TestParts:
    """The components bundle."""

    reader: PlumberReader
    extractor: NetTermsExtractor
    rules: TermsRules
    scorer: HistoryScorer
    policy: AnyExceptionPolicy

    def close(self) -> None:
        """Nothing to release."""


def build(settings: Settings) -> TestParts:
    """Return the test components (used as ``TRIAGE_API_COMPONENTS=tests.api.parts:build``)."""
    return TestParts(
        PlumberReader(settings.max_pages),
        NetTermsExtractor(),
        TermsRules(),
        HistoryScorer(),
        AnyExceptionPolicy(),
    )
