"""Fit the confidence calibration on freshly generated cases and write it as JSON.

    python -m training.extraction.fit_calibration --cases 400 --seed 20261101

For every field the extractor found, the rule-based confidence is paired with whether the
value equals the generator's label; a monotone step map per field (and one for line items)
is fitted by pool-adjacent-violators. The seed must differ from the benchmark's.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from training.extraction.fit_args import fit_arguments
from triage.config import REPO_ROOT
from triage.documents.reader import parse_pdf
from triage.extraction.calibration import LINE_ITEMS, Calibration, fit_step_map
from triage.extraction.evaluation import field_correct, line_matches
from triage.extraction.extractor import EXTRACTOR_VERSION, OrderExtractor
from triage.extraction.label_model import LabelModel

__all__ = ["collect_scores", "fit_calibration", "main"]

Scores = dict[str, tuple[list[float], list[bool]]]


def collect_scores(case_dirs: list[Path], extractor: OrderExtractor) -> Scores:
    """Return, per field and for line items, the raw confidences and their correctness."""
    scores: Scores = {}
    for case in case_dirs:
        labels = json.loads((case / "labels.json").read_text())
        document = parse_pdf((case / "order.pdf").read_bytes(), "order.pdf", max_pages=50)
        reading = extractor.read(document, country=labels["country"])
        for name, found in reading.fields.items():
            raw, ok = scores.setdefault(name, ([], []))
            raw.append(found.raw_confidence)
            ok.append(field_correct(found.value, labels["fields"].get(name)))
        raw, ok = scores.setdefault(LINE_ITEMS, ([], []))
        expected = list(labels["line_items"])
        for item in reading.line_items:
            hit = next((label for label in expected if line_matches(item, label)), None)
            if hit is not None:
                expected.remove(hit)
            raw.append(item.confidence)
            ok.append(hit is not None)
    return scores


def fit_calibration(case_count: int, seed: int) -> Calibration:
    """Generate ``case_count`` cases with ``seed`` and return the fitted calibration."""
    from triage.samples import generate_cases

    with tempfile.TemporaryDirectory() as folder:
        cases = generate_cases(Path(folder), case_count, seed)
        labels = LabelModel.load(REPO_ROOT / "models" / "extraction" / "labels")
        scores = collect_scores(cases, OrderExtractor(label_model=labels))
    maps = {name: fit_step_map(raw, ok) for name, (raw, ok) in scores.items()}
    return Calibration(f"{EXTRACTOR_VERSION}+seed{seed}n{case_count}", maps)


def main() -> None:
    """Command line: fit and write ``models/extraction/calibration.json``."""
    args = fit_arguments(__doc__ or "", 400, 20261101, "calibration.json")
    calibration = fit_calibration(args.cases, args.seed)
    calibration.save(args.out)
    print(f"wrote {args.out} ({len(calibration.maps)} maps)")


if __name__ == "__main__":
    main()
