"""``python -m api serve ...``: the same ``serve`` command without the console script."""

from __future__ import annotations

import typer

from api.cli import register

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
register(app)


@app.callback()
def main() -> None:
    """The triage HTTP API."""


if __name__ == "__main__":
    app()
