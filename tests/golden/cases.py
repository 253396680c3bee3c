"""Where the golden extraction files live and how one is produced."""

from __future__ import annotations

import json
import os
from pathlib import Path

from triage.config import REPO_ROOT, get_settings
from triage.documents.reader import parse_pdf
from triage.extraction import OrderExtractor

__all__ = [
    "GOLDEN_DIR",
    "REGENERATE_FLAG",
    "SAMPLES_DIR",
    "golden_json",
    "regenerate_requested",
    "sample_cases",
]

SAMPLES_DIR = REPO_ROOT / "samples" / "cases"
GOLDEN_DIR = Path(__file__).parent / "extraction"
REGENERATE_FLAG = "TRIAGE_REGENERATE_GOLDEN"


def regenerate_requested() -> bool:
    """Return True when the regenerate flag is set in the environment."""
    return os.environ.get(REGENERATE_FLAG, "") not in ("", "0")


def sample_cases() -> list[Path]:
    """Return the committed sample case folders that hold an order.pdf."""
    return (
        sorted(p for p in SAMPLES_DIR.iterdir() if (p / "order.pdf").is_file())
        if SAMPLES_DIR.is_dir()
        else []
    )


def golden_json(case: Path, extractor: OrderExtractor) -> str:
    """Return the extraction of ``case`` as the golden file's text (stable, indented JSON)."""
    customer = json.loads((case / "customer.json").read_text())
    document = parse_pdf(
        (case / "order.pdf").read_bytes(), "order.pdf", max_pages=get_settings().max_pages
    )
    extraction = extractor.extract(document, country=customer.get("country"))
    return extraction.model_dump_json(indent=2) + "\n"
