"""How sure a name read by an accent-blind recogniser can be: no surer than names go unaccented.

Tesseract's ``eng`` model (the default OCR language) has no accented letters: it reads
"Tomás Ortega" as "Tomas Ortega", and its recognition confidence (0.99) says only that
the letters it knows fit the ink. Such a reading is right only when the name really has
no accent, so a field read that way is capped at the measured share of that field's
values spelled in plain ASCII letters (``AccentCeilings``, fitted on the product's
generated cases by ``python -m training.extraction.fit_accent_ceilings`` and shipped as
``models/extraction/accent_ceilings.json``). Fields whose values never carry an accent
(order numbers, dates) fit a share of 1 and are never capped.

A reading is accent-blind when its value is plain ASCII and some of its words lie on a
page read by a recogniser without accented letters (``Page.recogniser``; see
``triage.documents.ocr.confidence.accent_blind``); one with them (``eng+fra+deu+spa``)
writes the accents, so its plain readings are not capped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from triage.documents.ocr.confidence import plain_letters

__all__ = ["AccentCeilings", "fit_accent_ceilings"]


@dataclass(frozen=True, slots=True)
class AccentCeilings:
    """Per field, the highest confidence an accent-blind OCR reading of it may have."""

    version: str
    ceilings: dict[str, float]

    def __call__(self, name: str, value: object) -> float:
        """Return the ceiling of field ``name`` read as ``value`` by an accent-blind
        recogniser (1.0 for a value with an accented letter, or an unfitted field)."""
        if not isinstance(value, str) or not plain_letters(value):
            return 1.0
        return self.ceilings.get(name, 1.0)

    @classmethod
    def identity(cls) -> AccentCeilings:
        """Return ceilings that cap nothing."""
        return cls("none", {})

    @classmethod
    def load(cls, path: Path) -> AccentCeilings:
        """Read the ceilings JSON file; a missing file caps nothing."""
        if not path.exists():
            return cls.identity()
        data = json.loads(path.read_text())
        return cls(data["version"], {k: float(v) for k, v in data["ceilings"].items()})

    def save(self, path: Path) -> None:
        """Write the ceilings as JSON (sorted, so a refit diffs by value)."""
        data = {"version": self.version, "ceilings": dict(sorted(self.ceilings.items()))}
        path.write_text(json.dumps(data, indent=1) + "\n")


def fit_accent_ceilings(
    values: Mapping[str, Iterable[object]], version: str, prior: float = 2.0
) -> AccentCeilings:
    """Return, for each field with text values, the share of them spelled in plain letters,
    shrunk as ``plain / (n + prior)`` (as the calibration's step maps are) so that a field
    seen a few times cannot claim certainty; fields always plain (codes) are left out."""
    ceilings = {}
    for name, found in values.items():
        texts = [v for v in found if isinstance(v, str)]
        plain = sum(plain_letters(text) for text in texts)
        if texts and plain < len(texts):
            ceilings[name] = round(plain / (len(texts) + prior), 4)
    return AccentCeilings(version, ceilings)
