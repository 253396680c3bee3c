"""A tiny PDF assembler for the mangled corpus: numbered objects in, a file with xref out.

Hostile files need structures no PDF library will write on purpose (page-tree loops,
indirect length cycles, bombs), so the corpus builds them object by object.
"""

from __future__ import annotations

import zlib

__all__ = ["assemble", "bomb_stream", "flate_stream", "page_tree", "stream"]

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def stream(body: bytes, extra: bytes = b"") -> bytes:
    """Return an unfiltered stream object with a direct /Length."""
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(body), extra, body)


def flate_stream(body: bytes, extra: bytes = b"", layers: int = 1) -> bytes:
    """Return a stream compressed ``layers`` times with FlateDecode."""
    data = body
    for _ in range(layers):
        data = zlib.compress(data, 9)
    filters = b" ".join([b"/FlateDecode"] * layers)
    return stream(data, b"/Filter [%s] %s" % (filters, extra))


def bomb_stream(inflated_mb: int) -> bytes:
    """Return a doubly FlateDecoded content stream that inflates to ``inflated_mb`` MB."""
    inner = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    packed = b"".join(inner.compress(chunk) for _ in range(inflated_mb)) + inner.flush()
    return stream(zlib.compress(packed, 9), b"/Filter [/FlateDecode /FlateDecode]")


def assemble(
    objects: list[bytes], *, root: int = 1, xref: bool = True, trailer: bytes = b""
) -> bytes:
    """Return a PDF whose object ``n`` (1-based) is ``objects[n - 1]``, with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    start = len(out)
    if xref:
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\n" % (len(objects) + 1, root, trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)


def page_tree(contents: list[bytes], *, media_box: bytes = b"[0 0 612 792]") -> list[bytes]:
    """Return catalog, pages, font and one page + content object per entry of ``contents``."""
    count = len(contents)
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
        FONT,
    ]
    for index, content in enumerate(contents):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >>"
            b" /Contents %d 0 R >>" % (media_box, 5 + 2 * index)
        )
        objects.append(content)
    return objects
