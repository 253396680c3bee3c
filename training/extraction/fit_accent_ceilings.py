"""Fit the accent ceilings (``triage.extraction.accents``) on generated cases' labels.

    python -m training.extraction.fit_accent_ceilings --cases 4000 --seed 20261203

For every text field of the order form, the share of the generator's values spelled in
plain ASCII letters: the most often a recogniser without accented letters reads that
field right. Only the deals are drawn (no PDF is rendered), so thousands cost seconds.
The seed must differ from the benchmark's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from triage.config import REPO_ROOT
from triage.extraction.accents import AccentCeilings, fit_accent_ceilings
from triage.extraction.extractor import EXTRACTOR_VERSION
from triage.samples.case import draw_case, printed_field_values

__all__ = ["fit", "main"]


def fit(case_count: int, seed: int) -> AccentCeilings:
    """Return the ceilings fitted on the field values of ``case_count`` deals of ``seed``."""
    values: dict[str, list[object]] = {}
    for index in range(case_count):
        for name, value in printed_field_values(draw_case(seed, index)).items():
            values.setdefault(name, []).append(value)
    return fit_accent_ceilings(values, f"{EXTRACTOR_VERSION}+seed{seed}n{case_count}")


def main() -> None:
    """Command line: fit and write ``models/extraction/accent_ceilings.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "models" / "extraction" / "accent_ceilings.json"
    )
    args = parser.parse_args()
    ceilings = fit(args.cases, args.seed)
    ceilings.save(args.out)
    print(f"wrote {args.out}: {ceilings.ceilings}")


if __name__ == "__main__":
    main()
