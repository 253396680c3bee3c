"""``triage extract ORDER.pdf [--country XX] [--ocr auto|always|never]``: an order's extraction.

Exit codes: 0 extracted (warnings, if any, are inside the JSON), 2 not a readable PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage.cli._console import handles_errors, print_json
from triage.config import get_settings
from triage.documents.sandbox import SandboxedReader
from triage.errors import InputError
from triage.extraction import OrderExtractor

__all__ = ["extract", "register"]


@handles_errors
def extract(
    order: Annotated[Path, typer.Argument(help="The signed order form (PDF).")],
    country: Annotated[
        str | None,
        typer.Option("--country", help="Customer country (ISO alpha-2); settles 01/03 vs 03/01."),
    ] = None,
    ocr: Annotated[
        str | None,
        typer.Option(
            "--ocr",
            help="auto: OCR pages without a usable text layer (default: the TRIAGE_OCR"
            " setting); always: every page; never: none.",
        ),
    ] = None,
) -> None:
    """Print the extraction JSON (terms, line items, clauses, warnings) of ORDER."""
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise InputError(f"--country must be a two-letter ISO code, got {country!r}")
    try:
        data = order.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {order}: {error.strerror or error}") from None
    if ocr is not None and ocr not in ("auto", "always", "never"):
        raise InputError(f"--ocr must be auto, always or never, got {ocr!r}")
    settings = get_settings()
    # Parsing and OCR run in a sandboxed child, with the same limits as in the service.
    local = settings.model_copy(update={"parse_workers": 1, "ocr": ocr or settings.ocr})
    with SandboxedReader.from_settings(local) as reader:
        document = reader.read(data, filename=order.name)
    extractor = OrderExtractor.load(settings.models_dir)
    print_json(extractor.extract(document, country=country.upper() if country else None))


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command."""
    app.command("extract")(extract)
