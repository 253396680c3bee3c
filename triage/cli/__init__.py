"""The ``triage`` command line. Each command lives in its own module of this package.

A command module exposes ``register(app)``; this package finds them all, so adding a
command never edits a shared file. Commands of the ``training`` and ``api`` packages plug
in through the ``triage.commands`` entry-point group, so ``triage`` never imports them.
"""

from __future__ import annotations

import importlib
import pkgutil
from importlib.metadata import entry_points

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="triage",
    help="Check signed order forms against the CPQ quote and the ERP customer master.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        importlib.import_module(f"{__name__}.{module.name}").register(app)
    for plugin in entry_points(group="triage.commands"):
        plugin.load()(app)


_register_commands()


def main() -> None:
    """Entry point of the ``triage`` console script."""
    app()
