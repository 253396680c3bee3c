"""A perfect reader: the Extraction the generator's labels say the PDF holds.

Used for fast experiments (``extraction: labels`` in the recipe) and by the benchmark that
times training on 20,000 orders without rendering and parsing 20,000 PDFs. Shipped models
are trained on the real extractor's output instead (``extraction: pdf``).
"""

from __future__ import annotations

from typing import Any

from triage.contract import (
    Clause,
    DocumentInfo,
    ExtractedField,
    ExtractedFields,
    ExtractedLineItem,
    Extraction,
)
from triage.samples.case import printed_field_values
from triage.samples.deal import Deal
from triage.samples.labels import CaseLabels

__all__ = ["extraction_from_deal", "extraction_from_labels"]


def _fields(values: dict[str, Any]) -> ExtractedFields:
    found = {
        name: ExtractedField[Any](value=value, confidence=1.0)
        for name, value in values.items()
        if value is not None
    }
    return ExtractedFields.model_validate(found)


def extraction_from_labels(labels: CaseLabels, sha256: str) -> Extraction:
    """Return the extraction a perfect reader gets from the case ``labels`` describe."""
    return Extraction(
        document=DocumentInfo(sha256=sha256, pages=labels.presentation.pages, filename="order.pdf"),
        fields=_fields(labels.fields.model_dump()),
        line_items=[
            ExtractedLineItem(**line.model_dump(), confidence=1.0) for line in labels.line_items
        ],
        clauses=[
            Clause(type=clause.type, text=clause.text, confidence=1.0) for clause in labels.clauses
        ],
    )


def extraction_from_deal(deal: Deal, sha256: str) -> Extraction:
    """Return the perfect-reader extraction of a generated deal, without rendering it."""
    order = deal.order
    values = printed_field_values(deal)
    lines = [
        ExtractedLineItem(
            sku=line.sku,
            description=line.description,
            kind=line.kind,
            quantity=line.quantity,
            unit_price=line.unit_price,
            discount_pct=line.discount_pct,
            net_amount=line.net_amount,
            start_date=line.start_date,
            end_date=line.end_date,
            confidence=1.0,
        )
        for line in order.lines
    ]
    return Extraction(
        document=DocumentInfo(sha256=sha256, pages=0, filename="order.pdf"),
        fields=_fields(values),
        line_items=lines,
        clauses=[Clause(type=kind, text=text, confidence=1.0) for kind, text in order.clauses],
    )
