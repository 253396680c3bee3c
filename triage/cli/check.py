"""``triage check ORDER.pdf --quote Q --customer C``: one order, result JSON on stdout.

Exit codes: 0 pass, 10 review, 2 bad input (message on stderr).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from triage.cli._console import fail, handles_errors, print_json
from triage.components import load_components
from triage.config import get_settings
from triage.contract import Decision
from triage.inputs import load_order_inputs
from triage.pipeline import triage_order

EXIT_CODES = {Decision.PASS: 0, Decision.REVIEW: 10}


@handles_errors
def check(
    order: Annotated[Path, typer.Argument(help="The signed order form (PDF).")],
    quote: Annotated[Path, typer.Option("--quote", help="The CPQ quote (quote.json).")],
    customer: Annotated[Path, typer.Option("--customer", help="The ERP record (customer.json).")],
) -> None:
    """Check one signed order form against its quote and customer record."""
    inputs = load_order_inputs(order, quote, customer)
    with load_components(get_settings()) as parts:
        result = triage_order(
            inputs.pdf, inputs.quote, inputs.customer, parts=parts, filename=inputs.filename
        )
    print_json(result)
    if result.decision not in EXIT_CODES:
        fail("; ".join(result.reasons) or "the order cannot be processed")
    raise typer.Exit(EXIT_CODES[result.decision])


def register(app: typer.Typer) -> None:
    """Add the ``check`` command."""
    app.command("check")(check)
