"""``OrderExtractor``: the Extractor of the pipeline, loaded once with its models."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from triage.contract import Clause, DocumentInfo, ExtractedField, ExtractedFields, Extraction
from triage.documents.parsed import ParsedDocument
from triage.extraction.calibration import LINE_ITEMS, Calibration
from triage.extraction.fields.prose import ProseReader
from triage.extraction.label_model import LabelModel
from triage.extraction.layout.segments import evidence_for
from triage.extraction.nlp import build_pipeline
from triage.extraction.reading import DocumentReading, read_document

__all__ = ["EXTRACTOR_VERSION", "ClauseFinder", "OrderExtractor"]

EXTRACTOR_VERSION = "extractor-2026.11.1"
_CALIBRATION_HEADROOM = 0.1
_ANY_FIELD = ExtractedField[Any]  # parametrise once: pydantic builds a class per subscript


class ClauseFinder(Protocol):
    """Finds the non-standard clauses of a document (``triage.extraction.clauses``)."""

    def find_clauses(self, document: ParsedDocument) -> list[Clause]:
        """Return the document's non-standard clauses with evidence."""
        ...


def _load_clause_finder(models_dir: Path) -> ClauseFinder | None:
    try:
        from triage.extraction.clauses import ClauseClassifier
    except ImportError:
        return None
    path = models_dir / "clauses"
    if not path.exists() or not any(path.iterdir()):
        return None
    finder: ClauseFinder = ClauseClassifier.load(path)
    return finder


class OrderExtractor:
    """Reads a parsed order form into the contract's Extraction (fields, lines, clauses)."""

    version = EXTRACTOR_VERSION

    def __init__(
        self,
        calibration: Calibration | None = None,
        clauses: ClauseFinder | None = None,
        label_model: LabelModel | None = None,
    ) -> None:
        self.calibration = calibration or Calibration.identity()
        self.clauses = clauses
        self.label_model = label_model
        self.prose = ProseReader(build_pipeline())

    @classmethod
    def load(cls, models_dir: Path) -> OrderExtractor:
        """Return an extractor with the calibration and clause classifier under ``models_dir``."""
        calibration = Calibration.load(models_dir / "extraction" / "calibration.json")
        label_model = LabelModel.load(models_dir / "extraction" / "labels")
        return cls(calibration, _load_clause_finder(models_dir), label_model)

    def _confidence(self, name: str, raw: float) -> float:
        """Calibrated, but never more than a little above what the rule evidence says: the
        calibration saw only the generator's layouts, and an unseen layout must not inherit
        their track record through a weak cue."""
        return round(min(self.calibration(name, raw), raw + _CALIBRATION_HEADROOM), 4)

    def read(self, document: ParsedDocument, *, country: str | None = None) -> DocumentReading:
        """Return the uncalibrated reading (for calibration fitting and diagnostics)."""
        return read_document(document, self.prose, country, self.label_model)

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction:
        """Return the extraction of ``document``; ``country`` settles ambiguous dates."""
        reading = self.read(document, country=country)
        fields: dict[str, Any] = {}
        for name, found in reading.fields.items():
            fields[name] = _ANY_FIELD(
                value=found.value,
                confidence=self._confidence(name, found.raw_confidence),
                evidence=evidence_for(found.evidence),
            )
        items = [
            item.model_copy(update={"confidence": self._confidence(LINE_ITEMS, item.confidence)})
            for item in reading.line_items
        ]
        clauses = self.clauses.find_clauses(document) if self.clauses and reading.fields else []
        return Extraction(
            document=DocumentInfo(
                sha256=document.sha256, pages=document.page_count, filename=document.filename
            ),
            fields=ExtractedFields(**fields),
            line_items=items,
            clauses=clauses,
            warnings=reading.warnings,
        )
