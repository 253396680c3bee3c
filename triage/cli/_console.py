"""What every command shares: the consoles and turning domain errors into exit codes."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn, ParamSpec, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console

from triage.config import get_settings
from triage.errors import TriageError
from triage.logs import configure_logging

__all__ = [
    "console",
    "err_console",
    "fail",
    "handles_errors",
    "print_json",
    "table_console",
]

P = ParamSpec("P")
R = TypeVar("R")

console = Console()
err_console = Console(stderr=True)

PIPED_WIDTH = 160
"""Tables written to a pipe or file are not folded to a terminal's 80 columns."""


def table_console() -> Console:
    """Return the console for wide tables: stdout's on a terminal, else a wide one."""
    return console if console.is_terminal else Console(width=PIPED_WIDTH)


def fail(message: str, exit_code: int = 2) -> NoReturn:
    """Print ``message`` to stderr and exit with ``exit_code`` (2: bad input)."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(exit_code)


def handles_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Wrap a command so domain errors become a message on stderr and their exit code."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        settings = get_settings()
        configure_logging(settings.log_level, settings.log_format)
        try:
            return command(*args, **kwargs)
        except TriageError as error:
            fail(f"{error.title}: {error.detail}", error.exit_code)

    return wrapper


def print_json(payload: Any) -> None:
    """Print a model or plain value as indented JSON on stdout, without rich markup."""
    if isinstance(payload, BaseModel):
        text = payload.model_dump_json(indent=2)
    else:
        text = json.dumps(payload, indent=2, default=str)
    sys.stdout.write(text + "\n")
