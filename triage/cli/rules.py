"""``triage rules list`` and ``triage rules validate PACK``: inspect and check rule packs,
routing policies and clause playbooks."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from triage.cli._console import console, fail, handles_errors, table_console
from triage.comparison import Playbook, RulePack
from triage.comparison.config_file import read_yaml_mapping
from triage.config import get_settings
from triage.errors import ConfigError
from triage.routing import RoutingPolicy

rules_app = typer.Typer(
    help="Inspect and validate rule packs and routing policies.", no_args_is_help=True
)


def resolve_pack_path(name_or_path: str) -> Path:
    """Return ``name_or_path`` as a file: a path as given, else ``<rules_dir>/<name>.yaml``."""
    given = Path(name_or_path)
    if given.is_file():
        return given
    named = get_settings().rules_dir / f"{name_or_path}.yaml"
    if named.is_file():
        return named
    raise ConfigError(
        f"no rule pack, policy or playbook file {name_or_path!r} (also looked for {named})"
    )


def _flatten(params: dict[str, Any], prefix: str = "") -> list[str]:
    lines = []
    for key, value in params.items():
        if isinstance(value, dict):
            lines.extend(_flatten(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            lines.append(f"{prefix}{key}=[{', '.join(str(v) for v in value)}]")
        else:
            lines.append(f"{prefix}{key}={value}")
    return lines


@rules_app.command("list")
@handles_errors
def list_rules(
    pack: Annotated[
        str | None, typer.Option("--pack", help="Pack name under the rules folder, or a path.")
    ] = None,
) -> None:
    """Show every rule of a pack: id, function, code, severity, queue and params."""
    path = resolve_pack_path(pack or get_settings().rule_pack)
    if read_yaml_mapping(path).get("kind") == PLAYBOOK_KIND:
        table_console().print(_playbook_table(Playbook.load(path), path.name))
        return
    loaded = RulePack.load(path)
    table = Table(title=f"{path.name} — rule pack {loaded.version}")
    for column in ("rule id", "function", "code", "severity", "queue", "params"):
        table.add_column(column, overflow="fold")
    for rule in loaded.rules:
        params = _flatten(rule.params.model_dump(mode="json"))
        table.add_row(
            rule.id,
            rule.function.name,
            rule.function.code.value,
            rule.severity.value,
            rule.queue,
            "\n".join(params) or "—",
        )
    table_console().print(table)
    if loaded.playbook is not None:
        table_console().print(_playbook_table(loaded.playbook, "clause playbook"))


PLAYBOOK_KIND = "clause-playbook"


def _playbook_table(playbook: Playbook, name: str) -> Table:
    """Return the playbook's standard position per clause type as a table."""
    agreements = ", ".join(playbook.agreement_names) or "none"
    table = Table(title=f"{name} — playbook {playbook.version} (standard agreements: {agreements})")
    for column in ("clause type", "standard position", "parameters", "deviations", "left to"):
        table.add_column(column, overflow="fold")
    for clause_type, position in playbook.document.clauses.items():
        parameters = [
            f"{p.reads.value} {p.deviates} {p.standard if p.standard is not None else ''}".strip()
            for p in position.parameters
        ]
        table.add_row(
            clause_type.value,
            position.standard,
            "\n".join(parameters) or "—",
            str(len(position.deviations)),
            ", ".join(position.compared_by) or "—",
        )
    return table


@rules_app.command("validate")
@handles_errors
def validate(
    pack: Annotated[
        str, typer.Argument(help="Pack or policy name under the rules folder, or a path.")
    ],
) -> None:
    """Check a rule pack (or routing policy) file; exit 2 naming the bad rule or parameter."""
    try:
        path = resolve_pack_path(pack)
        data = read_yaml_mapping(path)
        if data.get("kind") == "routing-policy":
            policy = RoutingPolicy.from_mapping(data)
            severities = ", ".join(s.value for s in policy.document.review_severities) or "none"
            summary = (
                f"routing policy {policy.version} is valid: review on {severities}; "
                f"{len(policy.document.queues)} code(s) assigned to queues"
            )
        elif data.get("kind") == PLAYBOOK_KIND:
            playbook = Playbook.from_mapping(data, path.parent)
            summary = (
                f"clause playbook {playbook.version} is valid: "
                f"{len(playbook.document.clauses)} clause types, "
                f"{len(playbook.agreement_names)} standard agreement(s), "
                f"{len(playbook.standard.sentences)} standard sentences"
            )
        else:
            loaded = RulePack.from_mapping(data, path.parent)
            codes = {rule.function.code for rule in loaded.rules}
            summary = (
                f"rule pack {loaded.version} is valid: {len(loaded.rules)} rules "
                f"covering {len(codes)} exception codes"
            )
            if loaded.playbook is not None:
                summary += f"; clauses judged by playbook {loaded.playbook.version}"
    except ConfigError as error:
        fail(error.detail if pack in error.detail else f"{pack}: {error.detail}", 2)
    console.print(f"{path}: {summary}", highlight=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add the ``rules`` command group."""
    app.add_typer(rules_app, name="rules")
