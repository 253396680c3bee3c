"""The multipart body of ``POST /v1/orders``: exactly ``document``, ``quote`` and ``customer``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from triage.errors import InputError

__all__ = ["ORDER_FORM_OPENAPI", "OrderForm", "OrderFormDep", "read_order_form"]

ORDER_PARTS = ("document", "quote", "customer")

ORDER_FORM_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": list(ORDER_PARTS),
                    "additionalProperties": False,
                    "properties": {
                        "document": {
                            "type": "string",
                            "format": "binary",
                            "description": "The signed order form (PDF).",
                        },
                        "quote": {
                            "type": "string",
                            "description": "The CPQ quote as JSON (see the Quote schema).",
                        },
                        "customer": {
                            "type": "string",
                            "description": "The ERP customer record as JSON (Customer schema).",
                        },
                    },
                },
                "encoding": {"document": {"contentType": "application/pdf"}},
            }
        },
    }
}


@dataclass(frozen=True)
class OrderForm:
    """The three parts of an order submission, as bytes."""

    pdf: bytes
    filename: str
    quote: bytes
    customer: bytes


async def _part_bytes(value: UploadFile | str) -> bytes:
    if isinstance(value, UploadFile):
        return await value.read()
    return value.encode()


async def read_order_form(request: Request) -> OrderForm:
    """Return the parts of the multipart body; raise InputError naming a bad or unknown part."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InputError("body: send multipart/form-data with parts document, quote and customer")
    try:
        form = await request.form(max_files=len(ORDER_PARTS), max_fields=len(ORDER_PARTS))
    except MultiPartException as error:
        raise InputError(f"body: malformed multipart ({error.message})") from None
    for name in form:
        if name not in ORDER_PARTS:
            raise InputError(f"{name}: unknown part (expected document, quote and customer)")
        if len(form.getlist(name)) > 1:
            raise InputError(f"{name}: sent more than once")
    for name in ORDER_PARTS:
        if name not in form:
            raise InputError(f"{name}: missing part")
    document = form["document"]
    if not isinstance(document, UploadFile):
        raise InputError("document: must be a file part (the PDF)")
    return OrderForm(
        pdf=await document.read(),
        filename=document.filename or "order.pdf",
        quote=await _part_bytes(form["quote"]),
        customer=await _part_bytes(form["customer"]),
    )


OrderFormDep = Annotated[OrderForm, Depends(read_order_form)]
