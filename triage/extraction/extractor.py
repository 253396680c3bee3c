"""``OrderExtractor``: the Extractor of the pipeline, loaded once with its models."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

from triage.contract import Clause, DocumentInfo, ExtractedField, ExtractedFields, Extraction
from triage.documents.ocr.confidence import accent_blind, recognition_ceiling
from triage.documents.ocr.evidence import mark_ocr_evidence
from triage.documents.parsed import ParsedDocument
from triage.errors import ConfigError
from triage.extraction.accents import AccentCeilings
from triage.extraction.calibration import LINE_ITEMS, Calibration
from triage.extraction.clauses import ClauseClassifier
from triage.extraction.fields.cues import CUES_PATH
from triage.extraction.fields.prose import ProseReader
from triage.extraction.label_model import LabelModel
from triage.extraction.layout.reading_order import PageOrders, in_reading_order
from triage.extraction.layout.segments import evidence_for
from triage.extraction.lexicon_data import LEXICON_PATH
from triage.extraction.lines.checked import line_ceilings
from triage.extraction.nlp import PipelineZone, build_pipeline
from triage.extraction.reading import DocumentReading, read_document

__all__ = ["EXTRACTOR_VERSION", "ClauseFinder", "OrderExtractor", "extractor_version"]

EXTRACTOR_VERSION = "extractor-2026.12.1"
_CALIBRATION_HEADROOM = 0.1
_ANY_FIELD = ExtractedField[Any]  # parametrise once: pydantic builds a class per subscript


class ClauseFinder(Protocol):
    """Finds the non-standard clauses of a document (``triage.extraction.clauses``)."""

    def find_clauses(self, document: ParsedDocument) -> list[Clause]:
        """Return the document's non-standard clauses with evidence."""
        ...


def _load_clause_finder(models_dir: Path) -> ClauseFinder:
    """Return the shipped clause classifier; without one, clauses would pass unseen."""
    path = models_dir / "clauses"
    if not path.is_dir() or not any(path.iterdir()):
        raise ConfigError(f"no clause model in {path}: run `triage train-clauses`")
    finder: ClauseFinder = ClauseClassifier.load(path)
    return finder


def models_fingerprint(models_dir: Path) -> str:
    """Return a short hash of every model file the extractor loads.

    It is part of the extractor's version, so results and caches made with other model
    files are told apart even when the code version is the same.
    """
    digest = hashlib.sha256()
    # The lexicon and the prose cues in use are always the repository's.
    digest.update(LEXICON_PATH.read_bytes())
    digest.update(CUES_PATH.read_bytes())
    for folder in (models_dir / "extraction", models_dir / "clauses"):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(models_dir)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def extractor_version(models_dir: Path) -> str:
    """Return the version of the extractor loaded from ``models_dir``: code + model files."""
    return f"{EXTRACTOR_VERSION}+{models_fingerprint(models_dir)}"


def _checks(fields: dict[str, Any]) -> tuple[Decimal | None, set[date]]:
    """Return the order's total and its dates as read: what a line's values are checked by."""
    total = fields.get("total_contract_value")
    amount = Decimal(str(total.value)) if total is not None and total.value is not None else None
    days = {
        found.value
        for name in ("start_date", "end_date", "billing_start_date")
        if (found := fields.get(name)) is not None and isinstance(found.value, date)
    }
    return amount, days


class OrderExtractor:
    """Reads a parsed order form into the contract's Extraction (fields, lines, clauses)."""

    def __init__(
        self,
        calibration: Calibration | None = None,
        clauses: ClauseFinder | None = None,
        label_model: LabelModel | None = None,
        *,
        version: str = EXTRACTOR_VERSION,
        accents: AccentCeilings | None = None,
    ) -> None:
        self.version = version
        self.calibration = calibration or Calibration.identity()
        self.accents = accents or AccentCeilings.identity()
        self.clauses = clauses
        self.label_model = label_model
        self.prose = ProseReader(build_pipeline())
        # Each document is read in a memory zone of every spaCy pipeline it goes through,
        # so a long-lived worker does not keep every document's words (nlp/zones.py).
        self.zone = PipelineZone(
            [
                self.prose.nlp,
                *([label_model.nlp] if label_model else []),
                *getattr(clauses, "pipelines", ()),
            ]
        )

    @classmethod
    def load(cls, models_dir: Path) -> OrderExtractor:
        """Return an extractor with the calibration and clause classifier under ``models_dir``."""
        calibration = Calibration.load(models_dir / "extraction" / "calibration.json")
        label_model = LabelModel.load(models_dir / "extraction" / "labels")
        accents = AccentCeilings.load(models_dir / "extraction" / "accent_ceilings.json")
        version = extractor_version(models_dir)
        clauses = _load_clause_finder(models_dir)
        return cls(calibration, clauses, label_model, version=version, accents=accents)

    def _confidence(self, name: str, raw: float) -> float:
        """Calibrated, but never more than a little above what the rule evidence says: the
        calibration saw only the generator's layouts, and an unseen layout must not inherit
        their track record through a weak cue."""
        return round(min(self.calibration(name, raw), raw + _CALIBRATION_HEADROOM), 4)

    def read(
        self,
        document: ParsedDocument,
        *,
        country: str | None = None,
        orders: PageOrders | None = None,
    ) -> DocumentReading:
        """Return the uncalibrated reading (for calibration fitting and diagnostics)."""
        with self.zone.document():
            return read_document(document, self.prose, country, self.label_model, orders)

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction:
        """Return the extraction of ``document``; ``country`` settles ambiguous dates."""
        with self.zone.document():
            return self._extract(document, country)

    def _extract(self, document: ParsedDocument, country: str | None) -> Extraction:
        # The fields are read from the pages cleaned of choice and fill marks, the clauses
        # from the pages as printed: a page with no marks is put in reading order once.
        orders: PageOrders = {}
        reading = read_document(document, self.prose, country, self.label_model, orders)
        fields: dict[str, Any] = {}
        blind = accent_blind(document)
        for name, found in reading.fields.items():
            on_blind = any(page in blind for page, _, _ in found.evidence)
            fields[name] = _ANY_FIELD(
                value=found.value,
                confidence=min(
                    self._confidence(name, found.raw_confidence),
                    # OCR hook (issue 15): no surer than its least certain read word, nor
                    # than the field's values go without accents when OCR could not see them.
                    recognition_ceiling(w for _, _, w in found.evidence),
                    self.accents(name, found.value) if on_blind else 1.0,
                ),
                evidence=evidence_for(found.evidence),
            )
        # OCR hook (issue 15): no surer than its least certain read word that carries a
        # value, unless arithmetic or the order's own total and dates check that value.
        ceilings = line_ceilings(document, reading.line_items, *_checks(fields))
        items = [
            item.model_copy(
                update={"confidence": min(self._confidence(LINE_ITEMS, item.confidence), ceiling)}
            )
            for item, ceiling in zip(reading.line_items, ceilings, strict=True)
        ]
        clauses = (
            self.clauses.find_clauses(in_reading_order(document, orders))
            if self.clauses and reading.fields
            else []
        )
        extraction = Extraction(
            document=DocumentInfo(
                sha256=document.sha256, pages=document.page_count, filename=document.filename
            ),
            fields=ExtractedFields(**fields),
            line_items=items,
            clauses=clauses,
            warnings=reading.warnings,
        )
        # OCR hook (issue 15): evidence read on a scan says so, boxed on the page as drawn.
        return mark_ocr_evidence(extraction, document)
