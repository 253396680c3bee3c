"""Training rows from a folder of generated cases, through the service's own stages.

For each ``DIR/<case>/``: the PDF is read by the service's reader and extractor (or taken
from the sha256 cache), the rule pack raises its exceptions, and
:func:`triage.scoring.features.order_features` computes the features, exactly as
``triage_order`` does at serving time. The outcome comes from ``labels.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Literal, Protocol

from training.risk.cache import ExtractionCache, pdf_sha256
from training.risk.dataset import RiskDataset, RiskRow
from training.risk.labelled import extraction_from_deal, extraction_from_labels
from triage.contract import Customer, Extraction, Quote
from triage.errors import InputError
from triage.pipeline import DocumentReader, Extractor, RuleEngine
from triage.samples import CaseLabels, draw_case
from triage.samples.outcomes import draw_outcome
from triage.samples.seeding import case_rng
from triage.scoring.features import order_features

__all__ = ["OrderStages", "case_folders", "dataset_from_cases", "dataset_from_generated_deals"]

ExtractionRoute = Literal["pdf", "labels"]


class OrderStages(Protocol):
    """The stages of ``triage_order`` that come before scoring (``LoadedComponents`` fits)."""

    @property
    def reader(self) -> DocumentReader: ...
    @property
    def extractor(self) -> Extractor: ...
    @property
    def rules(self) -> RuleEngine: ...


def case_folders(directory: Path) -> list[Path]:
    """Return the case folders (those with a ``labels.json``) under ``directory``, sorted."""
    if not directory.is_dir():
        raise InputError(f"{directory} is not a folder of cases")
    folders = sorted(p for p in directory.iterdir() if (p / "labels.json").is_file())
    if not folders:
        raise InputError(f"{directory} holds no case folders with labels.json")
    return folders


def _extract(
    folder: Path, customer: Customer, stages: OrderStages, cache: ExtractionCache | None
) -> Extraction:
    pdf = (folder / "order.pdf").read_bytes()
    sha = pdf_sha256(pdf)
    cached = cache.get(sha) if cache is not None else None
    if cached is not None:
        return cached
    document = stages.reader.read(pdf, filename="order.pdf")
    extraction = stages.extractor.extract(document, country=customer.country)
    if cache is not None:
        cache.put(sha, extraction)
    return extraction


def case_row(
    folder: Path,
    stages: OrderStages,
    *,
    cache: ExtractionCache | None,
    route: ExtractionRoute = "pdf",
) -> RiskRow:
    """Return the training row of one case folder."""
    quote = Quote.model_validate_json((folder / "quote.json").read_bytes())
    customer = Customer.model_validate_json((folder / "customer.json").read_bytes())
    labels = CaseLabels.model_validate_json((folder / "labels.json").read_bytes())
    if route == "pdf":
        extraction = _extract(folder, customer, stages, cache)
    else:
        sha = pdf_sha256((folder / "order.pdf").read_bytes())
        extraction = extraction_from_labels(labels, sha)
    exceptions = stages.rules.evaluate(extraction, quote, customer)
    return RiskRow(
        case=folder.name,
        customer=customer.account_id,
        order_date=extraction.fields.order_date.value or quote.start_date,
        features=order_features(extraction, exceptions, quote, customer),
        disputed=labels.outcome.disputed,
        days_late=labels.outcome.days_late,
    )


def dataset_from_cases(
    directory: Path,
    stages: OrderStages,
    *,
    cache: ExtractionCache | None,
    route: ExtractionRoute = "pdf",
    on_case: Callable[[str], None] | None = None,
    on_skip: Callable[[str, Exception], None] | None = None,
) -> RiskDataset:
    """Return the dataset of every readable case under ``directory``, in case order.

    A case that cannot be processed (bad input, or a stage failing on it) is left out,
    reported to ``on_skip`` and named in the dataset's source, and the build goes on.
    """
    rows, skipped = [], []
    for folder in case_folders(directory):
        try:
            rows.append(case_row(folder, stages, cache=cache, route=route))
        except (InputError, ValueError) as error:  # pydantic's ValidationError is a ValueError
            skipped.append(folder.name)
            if on_skip is not None:
                on_skip(folder.name, error)
            continue
        if on_case is not None:
            on_case(folder.name)
    left_out = f":skipped={','.join(skipped)}" if skipped else ""
    return RiskDataset.from_rows(rows, source=f"cases:{directory.name}:{route}{left_out}")


def dataset_from_generated_deals(rules: RuleEngine, *, n: int, seed: int) -> RiskDataset:
    """Return ``n`` rows drawn straight from the sample generator, without any PDF.

    The perfect-reader extraction of each deal goes through the real rule pack and the
    real features; outcomes are drawn by the generator's own process. For benchmarks of
    training speed and for quick experiments, never for a shipped model.
    """
    rows = []
    for index in range(n):
        deal = draw_case(seed, index)
        outcome = draw_outcome(deal, case_rng(seed, index, "outcome"))
        sha = f"{Random(f'{seed}:{index}').getrandbits(256):064x}"
        extraction = extraction_from_deal(deal, sha)
        exceptions = rules.evaluate(extraction, deal.quote, deal.customer)
        rows.append(
            RiskRow(
                case=deal.case,
                customer=deal.customer.account_id,
                order_date=deal.order.order_date,
                features=order_features(extraction, exceptions, deal.quote, deal.customer),
                disputed=outcome.disputed,
                days_late=outcome.days_late,
            )
        )
    return RiskDataset.from_rows(rows, source=f"generated-deals:seed={seed}:n={n}")
