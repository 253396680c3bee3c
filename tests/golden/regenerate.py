"""Rewrite every golden extraction file: ``.venv/bin/python -m tests.golden.regenerate``.

Run it only after checking that a change of the extractor's output is intended; the diff of
tests/golden/extraction/ is then the review of that change.
"""

from __future__ import annotations

from tests.golden.cases import GOLDEN_DIR, golden_json, sample_cases
from triage.config import get_settings
from triage.extraction import OrderExtractor


def main() -> None:
    """Write tests/golden/extraction/<case>.json for every committed sample case."""
    extractor = OrderExtractor.load(get_settings().models_dir)
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    cases = sample_cases()
    for case in cases:
        (GOLDEN_DIR / f"{case.name}.json").write_text(golden_json(case, extractor))
    print(f"wrote {len(cases)} golden files to {GOLDEN_DIR}")


if __name__ == "__main__":
    main()
