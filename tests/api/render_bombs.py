"""PDFs that are tiny and valid but take pdfium minutes to draw: form XObjects that each
draw the next one ``fan`` times, ``depth`` levels deep (``fan ** depth`` fills per page).

Measured here: depth 5, fan 10 is a 2.5 KB file whose one page takes ~41 s to draw at
scale 1.5 in pdfium, while opening it and reading its page size takes well under a second.
"""

from __future__ import annotations

from datetime import UTC, datetime

from triage.store import Store
from triage.store.orders import add_document_once
from triage.store.tables import DocumentRow, OrderRow

__all__ = ["attach_document", "render_bomb"]


def _stream(body: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(body), extra, body)


def _forms(first: int, depth: int, fan: int) -> list[bytes]:
    forms = []
    for level in range(depth):
        if level < depth - 1:
            body = b" ".join(b"q 0.99 0 0 0.99 1 1 cm /X Do Q" for _ in range(fan))
            resources = b"/XObject << /X %d 0 R >>" % (first + level + 1)
        else:
            body, resources = b"0 0 m 600 780 l 300 10 l 10 700 l f", b""
        extra = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >>"
        forms.append(_stream(body, extra % resources))
    return forms


def render_bomb(*, pages: int = 1, depth: int = 5, fan: int = 10) -> bytes:
    """Return a ``pages``-page PDF whose every page draws the nested forms."""
    first_form = 3 + 2 * pages
    kids = b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>"]
    objects[1] = objects[1] % (kids, pages)
    for index in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /XObject << /X %d 0 R >> >> >>" % (4 + 2 * index, first_form)
        )
        objects.append(_stream(b"/X Do"))
    objects += _forms(first_form, depth, fan)
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        start,
    )
    return bytes(out)


def attach_document(store: Store, order_id: str, pdf: bytes) -> str:
    """Store ``pdf`` and make it the document of the stored order ``order_id``; return its
    digest. (The bombs are valid PDFs a reader may well accept - pdfium's text pass is quick
    - so this stands for an order whose accepted document only the renderer chokes on.)"""
    sha256 = store.blobs.put(pdf)
    with store.transaction() as session:
        add_document_once(
            session,
            DocumentRow(
                sha256=sha256, size_bytes=len(pdf), pages=None, created_at=datetime.now(UTC)
            ),
        )
        order = session.get(OrderRow, order_id)
        assert order is not None
        order.document_sha256 = sha256
    return sha256
