"""What a rule sees: the order under review, its parameters, and a reader of terms.

The ``OrderView`` is built once per evaluation and shared by every rule (it caches the
line matching); a ``RuleContext`` is built per rule and remembers which terms that rule
needed but could not trust, so no rule can pass silently on data it could not read.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from triage.comparison.findings import Reading, Unreadable
from triage.comparison.lines import LineMatch, match_lines
from triage.contract import (
    FIELD_NAMES,
    Customer,
    ExtractedLineItem,
    Extraction,
    Quote,
    ValueSource,
)

if TYPE_CHECKING:
    from triage.comparison.playbook import Playbook

__all__ = ["ConfidenceThresholds", "OrderView", "RuleContext"]

P = TypeVar("P", bound=BaseModel)
Threshold = Annotated[float, Field(ge=0, le=1)]


class ConfidenceThresholds(BaseModel):
    """Minimum extraction confidence to trust a term: a default, per-field overrides, and
    one threshold for whole line items."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default: Threshold = 0.5
    fields: dict[str, Threshold] = {}
    line_items: Threshold = 0.5

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, value: dict[str, float]) -> dict[str, float]:
        unknown = sorted(set(value) - set(FIELD_NAMES))
        if unknown:
            raise ValueError(f"unknown extracted field(s): {', '.join(unknown)}")
        return value

    def for_field(self, name: str) -> float:
        """Return the threshold that applies to the extracted field ``name``."""
        return self.fields.get(name, self.default)


class OrderView:
    """One order under review: extraction, quote, customer, the pack's clause playbook
    (if it names one), and the shared line matching."""

    def __init__(
        self,
        extraction: Extraction,
        quote: Quote,
        customer: Customer,
        thresholds: ConfidenceThresholds,
        playbook: Playbook | None = None,
    ) -> None:
        self.extraction = extraction
        self.quote = quote
        self.customer = customer
        self.thresholds = thresholds
        self.playbook = playbook
        self.unreadable: dict[str, Unreadable] = {}
        self.needed_by: dict[str, list[str]] = {}

    def collect_unreadable(self, rule_id: str, items: list[Unreadable]) -> None:
        """Remember the terms rule ``rule_id`` could not trust, once per field."""
        for item in items:
            self.unreadable.setdefault(item.field, item)
            needers = self.needed_by.setdefault(item.field, [])
            if rule_id not in needers:
                needers.append(rule_id)

    @cached_property
    def lines(self) -> LineMatch:
        """Return the line matching of this order, computed on first use."""
        return match_lines(self.quote.lines, self.extraction.line_items, self.thresholds.line_items)


class RuleContext(Generic[P]):
    """What one rule evaluation sees; records the terms it could not trust."""

    def __init__(self, order: OrderView, params: P) -> None:
        self.order = order
        self.params = params
        self.unreadable: list[Unreadable] = []

    @property
    def extraction(self) -> Extraction:
        """Return the extraction under review."""
        return self.order.extraction

    @property
    def quote(self) -> Quote:
        """Return the CPQ quote the order should match."""
        return self.order.quote

    @property
    def customer(self) -> Customer:
        """Return the ERP customer master record."""
        return self.order.customer

    def term(self, name: str, *, absence_is_finding: bool = False) -> Reading:
        """Read the extracted field ``name``.

        The reading is not ``ok`` (and is recorded as unreadable) when the value is below
        its confidence threshold, or missing, unless ``absence_is_finding``: then a
        missing value is a trusted "not on the form" (e.g. no PO number).
        """
        extracted = self.extraction.fields.get(name)
        evidence = tuple(extracted.evidence)
        threshold = self.order.thresholds.for_field(name)
        if extracted.value is None and absence_is_finding:
            return Reading(name, None, ok=True, evidence=evidence)
        # A value an LLM proposed is never trusted by a rule, whatever its confidence:
        # it goes to an analyst as LOW_CONFIDENCE_EXTRACTION (docs/llm.md).
        from_llm = extracted.source is ValueSource.LLM
        if extracted.value is None or extracted.confidence < threshold or from_llm:
            self.unreadable.append(
                Unreadable(
                    name, extracted.value, extracted.confidence, threshold, evidence, from_llm
                )
            )
            return Reading(name, extracted.value, ok=False, evidence=evidence)
        return Reading(name, extracted.value, ok=True, evidence=evidence)

    def line_match(self) -> LineMatch:
        """Return the line matching, recording the order lines that could not be read."""
        match = self.order.lines
        self.unreadable.extend(match.unreadable)
        return match

    def line_value(self, label: str, item: ExtractedLineItem, attribute: str) -> Any:
        """Return an order line's ``attribute``; record it as unreadable when it is missing."""
        value = getattr(item, attribute)
        if value is None:
            self.unreadable.append(
                Unreadable(
                    f"line_items[{label}].{attribute}",
                    None,
                    item.confidence,
                    self.order.thresholds.line_items,
                    tuple(item.evidence),
                )
            )
        return value
