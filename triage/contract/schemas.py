"""JSON Schemas of the contract's shapes, as committed under ``docs/schemas/``."""

from __future__ import annotations

import json

from pydantic import BaseModel

from triage.contract.corrections import FieldCorrections
from triage.contract.extraction import Extraction
from triage.contract.inputs import Customer, Quote
from triage.contract.result import CheckResult

__all__ = ["SCHEMA_SHAPES", "render_schemas"]

SCHEMA_SHAPES: dict[str, type[BaseModel]] = {
    "quote.schema.json": Quote,
    "customer.schema.json": Customer,
    "extraction.schema.json": Extraction,
    "check-result.schema.json": CheckResult,
    "corrections.schema.json": FieldCorrections,
}


def render_schemas() -> dict[str, str]:
    """Return each shape's JSON Schema as stable, indented text keyed by file name."""
    rendered = {}
    for name, model in SCHEMA_SHAPES.items():
        if model in (Quote, Customer, FieldCorrections):
            schema = model.model_json_schema(mode="validation")
        else:
            schema = model.model_json_schema(mode="serialization")
        rendered[name] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return rendered
