"""Evidence boxes of one result, placed on the rendered pages as percentages of the page.

Every piece of evidence (exception, extracted field, line item, clause) becomes a box the
order page outlines; an exception knows the ids of its boxes so clicking it can scroll to
and highlight them. Percentages keep the boxes aligned at any rendered size.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from triage.contract import CheckResult, Evidence

__all__ = ["EvidenceBox", "EvidenceLayout", "layout_evidence"]


@dataclass(frozen=True)
class EvidenceBox:
    """One outlined box: where it sits on its page and what it is evidence of."""

    box_id: str
    page: int
    left: float
    top: float
    width: float
    height: float
    kind: str  # exception | field | line | clause
    label: str
    text: str


@dataclass
class EvidenceLayout:
    """The boxes per page, and each exception's box ids (by the exception's index)."""

    by_page: dict[int, list[EvidenceBox]] = field(default_factory=dict)
    exception_boxes: dict[int, list[str]] = field(default_factory=dict)
    field_boxes: dict[str, list[str]] = field(default_factory=dict)

    def add(
        self,
        evidence: Evidence,
        kind: str,
        label: str,
        box_id: str,
        sizes: list[tuple[float, float]],
    ) -> bool:
        """Place one piece of evidence; return False if its page is not in the document."""
        if not 1 <= evidence.page <= len(sizes):
            return False
        width, height = sizes[evidence.page - 1]
        x0, top, x1, bottom = evidence.bbox
        pad = 1.5  # points, so the outline does not cover the glyphs it marks
        self.by_page.setdefault(evidence.page, []).append(
            EvidenceBox(
                box_id=box_id,
                page=evidence.page,
                left=max(0.0, (x0 - pad) / width * 100),
                top=max(0.0, (top - pad) / height * 100),
                width=(x1 - x0 + 2 * pad) / width * 100,
                height=(bottom - top + 2 * pad) / height * 100,
                kind=kind,
                label=label,
                text=evidence.text,
            )
        )
        return True


def layout_evidence(result: CheckResult, sizes: list[tuple[float, float]]) -> EvidenceLayout:
    """Return every evidence box of ``result`` on pages of the given sizes (in points)."""
    layout = EvidenceLayout()
    for i, exception in enumerate(result.exceptions):
        for j, evidence in enumerate(exception.evidence):
            box_id = f"ex-{i}-{j}"
            if layout.add(evidence, "exception", exception.code.value, box_id, sizes):
                layout.exception_boxes.setdefault(i, []).append(box_id)
    extraction = result.extraction
    if extraction is None:
        return layout
    for name in type(extraction.fields).model_fields:
        for j, evidence in enumerate(extraction.fields.get(name).evidence):
            box_id = f"field-{name}-{j}"
            if layout.add(evidence, "field", name, box_id, sizes):
                layout.field_boxes.setdefault(name, []).append(box_id)
    for i, line in enumerate(extraction.line_items):
        for j, evidence in enumerate(line.evidence):
            layout.add(evidence, "line", f"line {line.sku or i + 1}", f"line-{i}-{j}", sizes)
    for i, clause in enumerate(extraction.clauses):
        for j, evidence in enumerate(clause.evidence):
            layout.add(evidence, "clause", clause.type.value, f"clause-{i}-{j}", sizes)
    return layout
