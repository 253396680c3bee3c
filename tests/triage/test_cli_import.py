"""The console script's module stays light: every spawned child process imports it again."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_console_scripts_module_loads_no_command() -> None:
    probe = (
        "import sys, triage.cli\n"
        "heavy = [m for m in ('typer', 'triage.components', 'sklearn', 'spacy', 'api')"
        " if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


def test_the_app_is_built_with_every_command_on_first_use() -> None:
    from triage.cli import app

    commands = {command.name for command in app.registered_commands}
    groups = {group.name for group in app.registered_groups}
    assert {"check", "batch", "serve", "train"} <= commands
    assert {"keys", "models", "rules"} <= groups
