"""The committed JSON Schemas under docs/schemas/ match the models."""

from __future__ import annotations

from triage.config import REPO_ROOT
from triage.contract.schemas import render_schemas

SCHEMA_DIR = REPO_ROOT / "docs" / "schemas"


def test_committed_schemas_match_the_models() -> None:
    for name, text in render_schemas().items():
        committed = SCHEMA_DIR / name
        assert committed.exists(), f"{committed} missing: run `triage schemas export`"
        assert committed.read_text(encoding="utf-8") == text, (
            f"{name} drifted from the models: run `triage schemas export` and review the diff"
        )


def test_input_schemas_forbid_unknown_fields() -> None:
    import json

    quote = json.loads(render_schemas()["quote.schema.json"])
    assert quote["additionalProperties"] is False
    assert "total_contract_value" in quote["required"]
