"""``PooledExtractor``: the OrderExtractor run in child processes, one document each.

Extraction is pure-Python CPU work (spaCy rules, layout analysis, the clause classifier).
In a server process it would hold the GIL that the request threads and the event loop
need, and one server process could use one core at most. Run in a pool of children, the
server process only waits on pipes and the children use every core, whichever server
process the requests arrive at. Each child loads the models once when it starts.
"""

from __future__ import annotations

import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from triage.config import Settings
from triage.contract import Extraction
from triage.documents.parsed import ParsedDocument
from triage.errors import ConfigError, DocumentTimeout, TriageError
from triage.extraction.extractor import OrderExtractor, extractor_version
from triage.workers import (
    NOT_READY,
    Pool,
    PoolStage,
    WorkerLost,
    WorkerPool,
    answer_requests,
)
from triage.workers.heap import settle_loaded_models

__all__ = ["ExtractionFailed", "PooledExtractor", "extraction_pool", "wait_until_loaded"]


class ExtractionFailed(RuntimeError):
    """The extractor raised in its child process (a bug, not a bad document): a 500."""


def _serve(connection: Connection, models_dir: str) -> None:
    """The child: load the extractor once, then extract each (document, country) sent."""
    try:
        extractor = OrderExtractor.load(Path(models_dir))
    except TriageError as error:
        connection.send((NOT_READY, error.detail))  # said once by the parent, no traceback
        return
    settle_loaded_models()

    def extract(request: tuple[ParsedDocument, str | None]) -> tuple[str, str]:
        document, country = request
        try:
            # As JSON: the contract's generic field models do not pickle, and JSON is the
            # form every stored result takes anyway (the round trip is tested lossless).
            return ("ok", extractor.extract(document, country=country).model_dump_json())
        except Exception:
            return ("error", traceback.format_exc())

    answer_requests(connection, extract)


def extraction_pool(models_dir: Path, *, workers: int) -> WorkerPool:
    """Return ``workers`` children that each load the extractor from ``models_dir``."""
    return WorkerPool(_serve, (str(models_dir),), size=workers, name="triage-extractor")


def wait_until_loaded(pool: Pool, models_dir: Path) -> None:
    """Block until ``pool``'s children have loaded the extractor; else close the pool and
    raise ConfigError with the reason a child gave."""
    try:
        pool.wait_ready()
    except WorkerLost as lost:
        pool.close()
        raise ConfigError(
            f"the extraction processes could not load the models in {models_dir}: {lost.detail}"
        ) from None


class PooledExtractor(PoolStage):
    """An Extractor that sends each document to the next free child (first come, first served)."""

    def __init__(
        self,
        models_dir: Path,
        *,
        workers: int = 1,
        timeout_s: float = 30.0,
        pool: Pool | None = None,
    ) -> None:
        self.models_dir = models_dir
        self.version = extractor_version(models_dir)
        self.timeout_s = timeout_s
        self.pool: Pool = pool or extraction_pool(models_dir, workers=workers)

    @classmethod
    def from_settings(cls, settings: Settings, *, pool: Pool | None = None) -> PooledExtractor:
        """Return an extractor with ``extract_workers`` children (or ``pool``'s workers)."""
        return cls(
            settings.models_dir,
            workers=settings.extract_workers,
            timeout_s=settings.extract_timeout_s,
            pool=pool,
        )

    def wait_ready(self) -> None:
        """Block until every child has loaded its models; raise ConfigError if one cannot."""
        wait_until_loaded(self.pool, self.models_dir)

    def extract(self, document: ParsedDocument, *, country: str | None = None) -> Extraction:
        """Return the extraction of ``document``, computed in a child process."""
        try:
            status, value = self.pool.run((document, country), self.timeout_s)
        except WorkerLost as lost:
            if lost.cause == "timeout":
                raise DocumentTimeout(
                    "extraction stopped at the time limit"
                    f" (extract_timeout_s = {self.timeout_s:g} s)"
                ) from None
            raise ExtractionFailed(f"the extraction process stopped ({lost.detail})") from None
        if status != "ok":
            raise ExtractionFailed(f"extraction failed in its child process:\n{value}")
        return Extraction.model_validate_json(value)
