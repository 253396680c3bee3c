"""Real generated cases (reportlab PDFs, quotes, customers) for the batch tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from triage.samples import generate_cases


@pytest.fixture(scope="session")
def case_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five generated cases plus one whose PDF is not a PDF (it must become a reject)."""
    root = tmp_path_factory.mktemp("cases")
    generate_cases(root, 5, 41)
    broken = root / "case-0006"
    broken.mkdir()
    (broken / "order.pdf").write_bytes(b"this is not a PDF")
    for name in ("quote.json", "customer.json"):
        (broken / name).write_bytes((root / "case-0001" / name).read_bytes())
    return root
