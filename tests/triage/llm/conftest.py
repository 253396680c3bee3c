"""Fixtures for the LLM tests: small positioned documents, a wrapped extractor, settings."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from langchain_core.language_models import BaseChatModel

from triage.contract import DocumentInfo, ExtractedField, ExtractedFields, Extraction
from triage.documents.parsed import Page, ParsedDocument, TextLine, Word
from triage.llm import CallLog, GovernedChat, LlmSettings, ReplyCache, build_governed_chat

CHAR_WIDTH = 5.0
LINE_HEIGHT = 14.0

ORDER_FORM = [
    [
        "ORDER FORM OF-7731",
        "Customer: Acme Corporation",
        "Fees are payable no later than forty-five days after the date of each invoice.",
        "The subscription runs for a period of three years from the effective date.",
        "Governing law: the laws of the State of New York.",
    ],
    [
        "Invoices will be raised once every three months in advance.",
        "Signed for the customer by Jane Roe on 14 March 2027.",
    ],
]


SAMPLE_VALUES: dict[str, object] = {
    "order_number": "OF-7731",
    "customer_legal_name": "Acme Corporation",
    "provider_legal_name": "Northwind Software Inc.",
    "currency": "USD",
    "order_date": "2027-02-01",
    "start_date": "2027-03-01",
    "end_date": "2030-02-28",
    "term_months": 36,
    "billing_frequency": "quarterly",
    "billing_start_date": "2027-03-01",
    "payment_terms_days": 45,
    "po_number": "PO-1",
    "auto_renewal": True,
    "renewal_term_months": 12,
    "renewal_notice_days": 60,
    "renewal_uplift_cap_pct": 5,
    "total_contract_value": "54000.00",
    "customer_signatory": "Jane Roe",
    "customer_signed_date": "2027-03-14",
}
"""A typed value for every contract field, as the deterministic extractor would return."""


def make_document(pages: list[list[str]], name: str = "order.pdf") -> ParsedDocument:
    """Lay out ``pages`` of text lines as positioned words, one character = 5 points."""
    built = []
    for number, lines in enumerate(pages, start=1):
        text_lines = []
        for index, line in enumerate(lines):
            top = 72.0 + index * LINE_HEIGHT
            x, words = 72.0, []
            for token in line.split():
                x1 = x + CHAR_WIDTH * len(token)
                words.append(Word(token, x, top, x1, top + 10.0))
                x = x1 + CHAR_WIDTH
            text_lines.append(TextLine(tuple(words)))
        built.append(Page(number=number, width=612.0, height=792.0, lines=tuple(text_lines)))
    digest = hashlib.sha256("\n".join("\n".join(p) for p in pages).encode()).hexdigest()
    return ParsedDocument(sha256=digest, filename=name, pages=tuple(built))


class FixedExtractor:
    """A deterministic extractor double: returns the fields it was given for any document."""

    version = "fixed-1"

    def __init__(self, **fields: ExtractedField[object]) -> None:
        self.fields = fields
        self.calls = 0

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction:
        """Return an extraction of ``document`` holding only the preset fields."""
        self.calls += 1
        return Extraction(
            document=DocumentInfo(
                sha256=document.sha256, pages=document.page_count, filename=document.filename
            ),
            fields=ExtractedFields(**self.fields),
        )


@pytest.fixture
def order_form() -> ParsedDocument:
    """Return the two-page order form whose terms no rule phrasing covers."""
    return make_document(ORDER_FORM)


@pytest.fixture
def llm_settings(tmp_path: Path) -> LlmSettings:
    """Return settings with short time limits and the data dir under ``tmp_path``."""
    return LlmSettings(
        timeout_s=2.0,
        max_retries=1,
        retry_backoff_s=0.01,
        max_calls_per_document=30,
        data_dir=tmp_path,
    )


@pytest.fixture
def governed(llm_settings: LlmSettings) -> Callable[[BaseChatModel], GovernedChat]:
    """Return a factory wrapping a fake chat model in the governance rules."""

    def build(model: BaseChatModel) -> GovernedChat:
        chat = build_governed_chat(
            llm_settings,
            chat=model,
            model_name="fake-model",
            log=CallLog(llm_settings.call_log_path),
            cache=ReplyCache(llm_settings.cache_dir),
        )
        assert chat is not None
        return chat

    return build
