"""Reading the YAML files under ``rules/`` and describing what is wrong with them.

Both rule packs and routing policies are read here, so a bad file is refused the same way:
a ConfigError whose message names the file and, where it can, the rule and parameter.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from triage.errors import ConfigError

__all__ = ["describe_errors", "load_config_file", "read_yaml_mapping"]

T = TypeVar("T")


def read_yaml_mapping(path: Path) -> dict[str, Any]:
    """Return the YAML mapping in ``path``; raise ConfigError if unreadable or not a mapping."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConfigError(f"{path}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping at the top level")
    return data


def load_config_file(path: Path, build: Callable[[dict[str, Any]], T]) -> T:
    """Read ``path`` and ``build`` it; every ConfigError raised names the file."""
    try:
        return build(read_yaml_mapping(path))
    except ConfigError as error:
        if str(path) in error.detail:
            raise
        raise ConfigError(f"{path}: {error.detail}") from None


def describe_errors(error: ValidationError, prefix: str = "") -> str:
    """Return a pydantic validation error as one line: ``where: message; ...``."""
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"])
        where = f"{prefix}.{where}" if prefix and where else (prefix or where or "(document)")
        if item["type"] == "extra_forbidden":
            message = "unknown parameter" if prefix.endswith("params") else "unknown key"
        elif item["type"] == "missing":
            message = "required"
        else:
            message = item["msg"]
        parts.append(f"{where}: {message}")
    return "; ".join(parts)
