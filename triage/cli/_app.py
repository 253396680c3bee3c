"""The ``triage`` Typer app with every command registered (see ``triage.cli``)."""

from __future__ import annotations

import importlib
import pkgutil
from importlib.metadata import entry_points

import typer

__all__ = ["app"]

app = typer.Typer(
    name="triage",
    help="Check signed order forms against the CPQ quote and the ERP customer master.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    package = importlib.import_module("triage.cli")
    for module in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module.name.startswith("_"):
            continue
        importlib.import_module(f"triage.cli.{module.name}").register(app)
    for plugin in entry_points(group="triage.commands"):
        plugin.load()(app)


_register_commands()
