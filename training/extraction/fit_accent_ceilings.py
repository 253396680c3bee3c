"""Fit the accent ceilings (``triage.extraction.accents``) on generated cases' labels.

    python -m training.extraction.fit_accent_ceilings --cases 4000 --seed 20261203

For every text field of the order form, the share of the generator's values spelled in
plain ASCII letters: the most often a recogniser without accented letters reads that
field right. Only the deals are drawn (no PDF is rendered), so thousands cost seconds.
The seed must differ from the benchmark's.
"""

from __future__ import annotations

from training.extraction.fit_args import fit_arguments
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
    args = fit_arguments(__doc__ or "", 4000, 20261203, "accent_ceilings.json")
    ceilings = fit(args.cases, args.seed)
    ceilings.save(args.out)
    print(f"wrote {args.out}: {ceilings.ceilings}")


if __name__ == "__main__":
    main()
