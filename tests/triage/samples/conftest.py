"""A session-wide set of real generated cases, shared by the sample-generator tests."""

from __future__ import annotations

import json
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest

from triage.contract import Customer, Quote
from triage.samples import CaseLabels, generate_cases

SEED = 11
N_CASES = 40  # one planning block: every code, clause type and layout appears


@dataclass(frozen=True)
class LoadedCase:
    """One generated case read back from disk, with the PDF's text per page."""

    folder: Path
    labels: CaseLabels
    quote: Quote
    customer: Customer
    page_texts: list[str]
    page_chars: list[int]

    @property
    def text(self) -> str:
        """Return the whole text layer without any whitespace (for wrap-proof matching)."""
        return "".join("".join(t.split()) for t in self.page_texts)


def _load(folder: Path) -> LoadedCase:
    with pdfplumber.open(folder / "order.pdf") as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
        chars = [len(page.chars) for page in pdf.pages]
    return LoadedCase(
        folder=folder,
        labels=CaseLabels.model_validate_json((folder / "labels.json").read_bytes()),
        quote=Quote.model_validate(json.loads((folder / "quote.json").read_text())),
        customer=Customer.model_validate(json.loads((folder / "customer.json").read_text())),
        page_texts=texts,
        page_chars=chars,
    )


@pytest.fixture(scope="session")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a folder with N_CASES cases generated for SEED (in worker processes)."""
    out = tmp_path_factory.mktemp("samples")
    generate_cases(out, N_CASES, SEED)
    return out


@pytest.fixture(scope="session")
def cases(case_dir: Path) -> list[LoadedCase]:
    """Return every generated case, loaded and with its PDF text extracted."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        return list(pool.map(_load, sorted(case_dir.iterdir())))
