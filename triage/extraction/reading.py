"""One document read into field resolutions and line items, before confidence calibration."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from triage.contract import ExtractedLineItem
from triage.documents.parsed import Page, ParsedDocument
from triage.extraction.fields.addressee import addressee_candidates
from triage.extraction.fields.blocks import focus, text_blocks
from triage.extraction.fields.candidates import Candidate, Source
from triage.extraction.fields.consistency import cross_check
from triage.extraction.fields.derived import (
    consistent_term_candidates,
    derive_terms,
    lines_with_order_term,
    total_of_ramp,
)
from triage.extraction.fields.labelled import header_date_candidates, label_candidates
from triage.extraction.fields.lexicon import FEE_LABELS, match_label, normalise_label
from triage.extraction.fields.parties import (
    between_candidates,
    letterhead_candidates,
    party_candidates,
    renewal_candidates,
)
from triage.extraction.fields.prose import ProseReader
from triage.extraction.fields.references import (
    currency_candidates,
    dateline_candidates,
    money_currency_candidates,
    reference_candidates,
    title_reference_candidates,
)
from triage.extraction.fields.resolve import Resolution, resolve_fields
from triage.extraction.fields.signature import signature_candidates
from triage.extraction.fields.signing import counterparty_candidates
from triage.extraction.fields.signing_blocks import block_signature_candidates
from triage.extraction.fields.tax_totals import totals_before_tax
from triage.extraction.label_model import LabelModel
from triage.extraction.layout.choices import resolve_choices
from triage.extraction.layout.field_blocks import with_field_blocks
from triage.extraction.layout.fill_ins import without_fill_marks
from triage.extraction.layout.keyvalue import KeyValue, find_key_values
from triage.extraction.layout.misread_labels import mend_labels
from triage.extraction.layout.reading_order import PageOrders, in_reading_order
from triage.extraction.layout.segments import PlacedWord
from triage.extraction.lines.assemble import priced_over_their_period, read_table_lines
from triage.extraction.lines.described import read_described_items
from triage.extraction.lines.prose_items import read_prose_items
from triage.extraction.lines.rows import read_row_items
from triage.extraction.normalise.dates import DateStyle, infer_style, style_for_country
from triage.extraction.normalise.money import parse_currency

__all__ = ["DocumentReading", "read_document"]


@dataclass(slots=True)
class DocumentReading:
    """What the rules found: a resolution per field found, the line items, warnings."""

    fields: dict[str, Resolution]
    line_items: list[ExtractedLineItem]
    warnings: list[str]


def date_style(pages: Sequence[Page], country: str | None) -> DateStyle | None:
    """Return the document's own numeric date style, else the customer country's."""
    return infer_style([page.text for page in pages]) or style_for_country(country)


def _currency_from_amounts(items: list[ExtractedLineItem]) -> Iterator[Candidate]:
    for item in items:
        for evidence_line in item.evidence:
            code = parse_currency(evidence_line.text)
            if code:
                yield Candidate("currency", code, 0.55, Source.DERIVED, ())
                return


def _value(fields: dict[str, Resolution], name: str) -> str | None:
    found = fields.get(name)
    return str(found.value) if found else None


def _label_texts(pairs: list[KeyValue], field: str) -> list[tuple[str, tuple[PlacedWord, ...]]]:
    """Values written against ``field``'s labels, for those that state it in words
    ("First invoice: On the subscription start date", "Renewal term: Same as initial term")."""
    return [
        (pair.value_text, pair.value)
        for pair in pairs
        if any(name == field for name, _ in match_label(pair.label))
    ]


def read_document(
    document: ParsedDocument,
    prose: ProseReader,
    country: str | None,
    label_model: LabelModel | None = None,
    orders: PageOrders | None = None,
) -> DocumentReading:
    """Return the rule-based reading of ``document`` (no calibration applied); ``orders``
    keeps the pages it reads in order for a later reading of the same pages."""
    warnings = list(document.warnings)
    document = in_reading_order(without_fill_marks(resolve_choices(mend_labels(document))), orders)
    pages = [page for page in document.pages if page.has_text_layer and page.lines]
    for page in document.pages:
        note = f"page {page.number} has no text layer"
        if (not page.has_text_layer or not page.lines) and note not in warnings:
            warnings.append(note)
    if not pages:
        warnings.append("no page has a text layer; nothing could be read (scanned document?)")
        return DocumentReading({}, [], warnings)
    style = date_style(pages, country)
    pairs: list[KeyValue] = [
        pair for page in pages for pair in with_field_blocks(page, find_key_values(page))
    ]
    pairs, nets_before_tax = totals_before_tax(pairs)
    blocks = text_blocks(pages)
    candidates = label_candidates(pairs, style, label_model) + nets_before_tax
    if pages[0].number == 1:
        candidates += header_date_candidates(pairs, pages[0].height, style)
    focused = [run for block in blocks for run in focus(block)]
    candidates += prose.candidates(focused, prose.docs(focused), style)
    candidates += party_candidates(blocks)
    candidates += between_candidates(blocks)
    candidates += letterhead_candidates(pages, blocks)
    candidates += addressee_candidates(pages)
    candidates += renewal_candidates(blocks)
    candidates += reference_candidates(blocks)
    candidates += title_reference_candidates(pages[0])
    candidates += currency_candidates(blocks)
    candidates += money_currency_candidates(blocks)
    candidates += dateline_candidates(blocks, style, pages[0])
    tables = read_table_lines(pages, style)
    items = (
        tables.items
        or read_prose_items(blocks, style)
        or read_row_items(pages, style)
        or read_described_items(blocks, style)
    )
    candidates += _currency_from_amounts(items)
    fields = resolve_fields(candidates)
    customer, provider = (_value(fields, n) for n in ("customer_legal_name", "provider_legal_name"))
    candidates += counterparty_candidates(pages, customer, provider)
    fields = resolve_fields(candidates)
    candidates = consistent_term_candidates(candidates, fields)
    fields = resolve_fields(candidates)
    customer, provider = (_value(fields, n) for n in ("customer_legal_name", "provider_legal_name"))
    signers = list(signature_candidates(pages, pairs, style, (customer, provider)))
    signers += block_signature_candidates(pages, style, (customer, provider))
    signed = resolve_fields(signers)
    fields.update(signed)
    renews = fields.get("auto_renewal")
    if renews is not None and renews.value is False:
        fields.pop("renewal_notice_days", None)  # no automatic renewal: nothing to give notice of
    cross_check(fields, items)
    derive_terms(
        fields,
        blocks,
        _label_texts(pairs, "billing_start_date"),
        _label_texts(pairs, "renewal_term_months"),
        [(p.value_text, p.value) for p in pairs if normalise_label(p.label) in FEE_LABELS],
    )
    # (the indexes are the tables' lines; a document without tables has none)
    items = lines_with_order_term(items, fields, tables.year_steps, tables.usage_over_term)
    items = priced_over_their_period(items)
    if not tables.items:
        total_of_ramp(fields, items)
    return DocumentReading(fields, items, warnings)
