"""The ``triage`` command line. Each command lives in its own module of this package.

A command module exposes ``register(app)``; ``triage.cli._app`` finds them all, so adding a
command never edits a shared file. Commands of the ``training`` and ``api`` packages plug
in through the ``triage.commands`` entry-point group, so ``triage`` never imports them.

Importing this package loads none of them: the console script imports ``main`` from here,
and every child process the service spawns imports the console script again (that is how
multiprocessing's spawn start method works), so a heavy import here would be paid by each
PDF-parsing child (measured: 303 MB against 25 MB for what a parser needs).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``triage`` console script."""
    from triage.cli._app import app

    app()


def __getattr__(name: str) -> typer.Typer:
    """Build the app (registering every command) on first use of ``triage.cli.app``."""
    if name == "app":
        from triage.cli._app import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
