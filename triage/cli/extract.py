"""``triage extract ORDER.pdf [--country XX]``: the extraction JSON of one order form.

Exit codes: 0 extracted (warnings, if any, are inside the JSON), 2 not a readable PDF.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage.cli._console import handles_errors, print_json
from triage.config import get_settings
from triage.documents.reader import parse_pdf
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
) -> None:
    """Print the extraction JSON (terms, line items, clauses, warnings) of ORDER."""
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise InputError(f"--country must be a two-letter ISO code, got {country!r}")
    try:
        data = order.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read {order}: {error.strerror or error}") from None
    settings = get_settings()
    document = parse_pdf(data, order.name, max_pages=settings.max_pages)
    extractor = OrderExtractor.load(settings.models_dir)
    print_json(extractor.extract(document, country=country.upper() if country else None))


def register(app: typer.Typer) -> None:
    """Add the ``extract`` command."""
    app.command("extract")(extract)
