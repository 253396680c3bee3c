"""Where a command's dataset comes from: a snapshot, a folder of cases, recorded outcomes,
or cases generated from the recipe's seed. Every source except a snapshot is written as a
new snapshot, whose hash the trained version records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from training.risk.cache import ExtractionCache
from training.risk.cases import ExtractionRoute, case_folders, dataset_from_cases
from training.risk.dataset import RiskDataset, read_snapshot, write_snapshot
from training.risk.recipe import Recipe
from triage.components import load_components
from triage.config import Settings
from triage.errors import InputError
from triage.samples import generate_cases

__all__ = ["DatasetRequest", "generated_cases", "load_dataset", "risk_work_dir"]


@dataclass(frozen=True)
class DatasetRequest:
    """What the user asked for; at most one of ``cases``, ``snapshot``, ``outcomes``."""

    cases: Path | None = None
    snapshot: Path | None = None
    outcomes: bool = False
    route: ExtractionRoute | None = None
    generate: int | None = None
    generate_seed: int | None = None


def risk_work_dir(settings: Settings) -> Path:
    """Return where extraction caches, generated cases and snapshots live."""
    return settings.data_dir / "risk"


def generated_cases(settings: Settings, n: int, seed: int) -> Path:
    """Return a folder of ``n`` generated cases for ``seed``, generating it if incomplete."""
    folder = risk_work_dir(settings) / "cases" / f"seed-{seed}-n-{n}"
    if folder.is_dir() and len(case_folders(folder)) == n:
        return folder
    generate_cases(folder, n, seed)
    return folder


def load_dataset(
    request: DatasetRequest,
    recipe: Recipe,
    settings: Settings,
    *,
    on_item: Callable[[str], None] | None = None,
    on_skip: Callable[[str, Exception], None] | None = None,
) -> tuple[RiskDataset, Path]:
    """Return the requested dataset and the snapshot file that holds it."""
    chosen = [request.cases is not None, request.snapshot is not None, request.outcomes]
    if sum(chosen) > 1:
        raise InputError("give at most one of --cases, --snapshot and --from-outcomes")
    if request.snapshot is not None:
        return read_snapshot(request.snapshot), request.snapshot
    route: ExtractionRoute = request.route or recipe.data.extraction
    snapshots = risk_work_dir(settings) / "snapshots"
    with load_components(settings) as parts:
        cache = ExtractionCache(risk_work_dir(settings) / "extractions", parts.extractor.version)
        if request.outcomes:
            from training.risk.outcomes import dataset_from_outcomes
            from triage.store import open_store  # the database is needed for this source only

            store = open_store(
                settings.resolved_database_url, settings.data_dir, run_migrations=False
            )
            try:
                dataset = dataset_from_outcomes(store, parts, cache=cache, on_order=on_item)
            finally:
                store.close()
            if len(dataset) == 0:
                raise InputError("no recorded outcomes in the database yet")
        else:
            folder = request.cases or generated_cases(
                settings,
                request.generate or recipe.data.generate_cases,
                recipe.data.generate_seed
                if request.generate_seed is None
                else request.generate_seed,
            )
            dataset = dataset_from_cases(
                folder, parts, cache=cache, route=route, on_case=on_item, on_skip=on_skip
            )
    return dataset, write_snapshot(dataset, snapshots)
