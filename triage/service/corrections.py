"""An analyst's corrected field values, applied to an extraction, and the rules run again."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from triage.contract import FIELD_NAMES, CheckResult, Customer, ExtractedFields, Quote, ValueSource
from triage.contract.corrections import FieldCorrections
from triage.errors import InputError
from triage.inputs import describe_validation_error
from triage.pipeline import Components, check_extraction

__all__ = ["apply_corrections"]

ANALYST_CONFIDENCE = 1.0


def corrected_fields(fields: ExtractedFields, corrections: dict[str, Any]) -> ExtractedFields:
    """Return ``fields`` with each corrected value set, sourced from the analyst.

    The evidence of the original value is kept, so the review page still shows where in
    the PDF the analyst looked. Raises InputError naming an unknown field or a bad value.
    """
    unknown = sorted(set(corrections) - set(FIELD_NAMES))
    if unknown:
        raise InputError(f"corrections.{unknown[0]}: unknown field")
    try:
        FieldCorrections.model_validate(corrections)  # the bounds of an analyst's values
    except ValidationError as error:
        raise InputError(f"corrections: {describe_validation_error(error)}") from None
    data = fields.model_dump(mode="json")
    for name, value in corrections.items():
        data[name] = {
            "value": value,
            "confidence": ANALYST_CONFIDENCE,
            "evidence": data[name]["evidence"],
            "source": ValueSource.ANALYST.value,
        }
    try:
        return ExtractedFields.model_validate(data)
    except ValidationError as error:
        raise InputError(f"corrections: {describe_validation_error(error)}") from None


def apply_corrections(
    parts: Components,
    result: CheckResult,
    quote: Quote,
    customer: Customer,
    corrections: dict[str, Any],
) -> CheckResult:
    """Return the check result of ``result``'s extraction with the corrected fields: the
    same tail of the pipeline a new order runs (rules, queues, risk, decision, versions),
    so nothing of the submit-time result survives that the correction changed."""
    if result.extraction is None:
        raise InputError("corrections: this order has no extraction to correct")
    fields = corrected_fields(result.extraction.fields, corrections)
    extraction = result.extraction.model_copy(update={"fields": fields})
    return check_extraction(
        extraction,
        quote,
        customer,
        parts=parts,
        order_id=result.order_id,
        extractor_version=result.versions.extractor,
        notes=(f"corrected by an analyst: {', '.join(sorted(corrections))}",),
    )
