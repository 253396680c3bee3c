"""Build the mangled-PDF corpus and its manifest.

Run ``.venv/bin/python tests/data/mangled/build_corpus.py`` from the repository root.

Deterministic (fixed seeds, reportlab's invariant mode), so re-running it reproduces the
committed files byte for byte. ``manifest.json`` names each file's expected outcome:

- ``ok``: a ParsedDocument; ``ok_warning:<text>``: one whose warnings mention ``<text>``;
- an error class name (``DocumentError``, ``EncryptedDocument``, ``LimitExceeded:max_pages``):
  exactly that error;
- ``damaged``: a ParsedDocument or a plain DocumentError (never a timeout or a crash);
- ``contained``: a ParsedDocument or any DocumentError subclass, within the limits.
"""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[2])]

from pdf_objects import assemble, bomb_stream, flate_stream, page_tree, stream  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from triage.documents.specimen import render_order_form  # noqa: E402

TEXT = stream(b"BT /F1 12 Tf 72 700 Td (Payment terms Net 30) Tj ET")


def _scan_image(seed: int) -> ImageReader:
    rng = random.Random(seed)
    image = Image.new("L", (400, 500), 255)
    draw = ImageDraw.Draw(image)
    for row in range(40, 460, 14):
        x = 30
        while x < 360:
            width = rng.randint(8, 40)
            draw.rectangle((x, row, x + width, row + 7), fill=rng.randint(0, 80))
            x += width + rng.randint(4, 9)
    return ImageReader(image)


def _canvas_pdf(pages: list[str | None], encrypt: object = None) -> bytes:
    """Return a reportlab PDF: each page has the given text, or a scanned image if None."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, encrypt=encrypt)
    for number, text in enumerate(pages):
        if text is None:
            canvas.drawImage(_scan_image(number), 72, 150, width=468, height=585)
        else:
            canvas.drawString(72, 700, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _structural() -> dict[str, tuple[bytes, str]]:
    bomb = bomb_stream(1024)
    nested_forms = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    nested_forms.append(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
    nested_forms.append(
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /XObject << /X 5 0 R >> >> >>"
    )
    nested_forms.append(stream(b"/X Do"))
    depth = 300
    for level in range(depth):
        inner = b"/XObject << /X %d 0 R >>" % (6 + level) if level < depth - 1 else b""
        nested_forms.append(
            stream(
                b"/X Do" if inner else b"0 0 m 10 10 l S",
                b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << %s >>" % inner,
            )
        )
    self_form = page_tree([TEXT])
    self_form[3] = self_form[3].replace(b"/Font", b"/XObject << /S 6 0 R >> /Font")
    self_form[4] = stream(b"/S Do BT /F1 12 Tf 72 700 Td (Self form) Tj ET")
    self_form.append(
        stream(
            b"/S Do",
            b"/Type /XObject /Subtype /Form /BBox [0 0 9 9]"
            b" /Resources << /XObject << /S 6 0 R >> >>",
        )
    )
    blank = stream(b"")
    thousand = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count 1000 /MediaBox [0 0 612 792] >>"
        % b" ".join(b"%d 0 R" % (4 + i) for i in range(1000)),
        blank,
    ]
    thousand += [b"<< /Type /Page /Parent 2 0 R /Contents 3 0 R >>"] * 1000
    kids_loop = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]
    kids_pair = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]
    parent_cycle = page_tree([TEXT])
    parent_cycle[1] = b"<< /Type /Pages /Kids [4 0 R] /Count 1 /Parent 6 0 R >>"
    parent_cycle[3] = parent_cycle[3].replace(b"/MediaBox [0 0 612 792] ", b"")
    parent_cycle.append(b"<< /Type /Pages /Kids [4 0 R] /Count 1 /Parent 2 0 R >>")
    length_loop = page_tree(
        [b"<< /Length 6 0 R >>\nstream\nBT /F1 12 Tf 72 700 Td (Loop) Tj ET\nendstream"]
    )
    length_loop += [b"7 0 R", b"6 0 R"]
    bad_font = page_tree([TEXT])
    bad_font[2] = (
        b"<< /Type /Font /Subtype /TrueType /BaseFont /Broken /FirstChar 32 /LastChar 0"
        b" /Widths [ -5 (x) 1e99 ] /FontDescriptor 6 0 R >>"
    )
    bad_font.append(
        b"<< /Type /FontDescriptor /FontName /Broken /Flags 4 /FontFile2 7 0 R"
        b" /Ascent 1e30 /Descent -1e30 /FontBBox [0 0 0 0] >>"
    )
    bad_font.append(stream(b"\x00\x01\x00\x00junk that is not a font" * 40))
    no_font = page_tree([TEXT])
    no_font[3] = no_font[3].replace(b"/F1 3 0 R", b"/F1 99 0 R")
    deep_array = page_tree(
        [stream(b"[" * 200_000 + b"]" * 200_000 + b" BT /F1 12 Tf (Deep) Tj ET")]
    )
    ops = page_tree([flate_stream(b"0 0 m 612 792 l S\n" * 1_500_000)])
    huge_image = page_tree([stream(b"q 612 0 0 792 0 0 cm /Im Do Q")])
    huge_image[3] = huge_image[3].replace(b"/Font", b"/XObject << /Im 6 0 R >> /Font")
    huge_image.append(
        flate_stream(
            b"\x00" * 4_000_000,
            b"/Type /XObject /Subtype /Image"
            b" /Width 100000"
            b" /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8",
        )
    )
    huge_count = page_tree([TEXT])
    huge_count[1] = huge_count[1].replace(b"/Count 1", b"/Count 2147483647")
    return {
        "zero_pages.pdf": (
            assemble(
                [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
            ),
            "DocumentError",
        ),
        "no_catalog.pdf": (assemble([b"<< /Foo /Bar >>"]), "DocumentError"),
        "kids_self_loop.pdf": (assemble(kids_loop), "DocumentError"),
        "kids_mutual_loop.pdf": (assemble(kids_pair), "DocumentError"),
        "parent_cycle.pdf": (assemble(parent_cycle), "contained"),
        "length_reference_loop.pdf": (assemble(length_loop), "contained"),
        "thousand_pages.pdf": (assemble(thousand), "LimitExceeded:max_pages"),
        "huge_page_count.pdf": (assemble(huge_count), "contained"),
        "flate_bomb_1gb.pdf": (assemble(page_tree([bomb])), "contained"),
        "flate_bomb_in_image.pdf": (assemble(huge_image), "LimitExceeded:ocr_max_image_pixels"),
        "nested_forms_300.pdf": (assemble(nested_forms), "contained"),
        "self_referencing_form.pdf": (assemble(self_form), "contained"),
        "broken_xref_offsets.pdf": (
            _shift_xref(assemble(page_tree([TEXT]))),
            "ok_warning:cross-reference",
        ),
        "missing_xref.pdf": (assemble(page_tree([TEXT]), xref=False), "ok_warning:cross-reference"),
        "huge_mediabox.pdf": (
            assemble(page_tree([TEXT], media_box=b"[0 0 1e12 1e12]")),
            "contained",
        ),
        "negative_mediabox.pdf": (assemble(page_tree([TEXT], media_box=b"[0 0 -612 -792]")), "ok"),
        "empty_mediabox.pdf": (assemble(page_tree([TEXT], media_box=b"[]")), "contained"),
        "invalid_font.pdf": (assemble(bad_font), "contained"),
        "missing_font.pdf": (assemble(no_font), "contained"),
        "deep_array_nesting.pdf": (assemble(deep_array), "contained"),
        "path_operator_flood.pdf": (assemble(ops), "contained"),
    }


def _shift_xref(data: bytes) -> bytes:
    head, _, tail = data.partition(b"xref\n")
    return head + b"xref\n" + tail.replace(b" 00000 n", b"7 00000 n")[: len(tail)]


def _image_pages(contents: list[bytes], width: int, height: int, data: bytes) -> bytes:
    """Return a PDF whose pages draw one shared greyscale image XObject (no text at all)."""
    objects = page_tree([stream(content) for content in contents])
    image = len(objects) + 1
    for index in range(len(contents)):
        objects[3 + 2 * index] = objects[3 + 2 * index].replace(
            b"/Font", b"/XObject << /Im %d 0 R >> /Font" % image
        )
    objects.append(
        flate_stream(
            data,
            b"/Type /XObject /Subtype /Image /Width %d /Height %d"
            b" /ColorSpace /DeviceGray /BitsPerComponent 8" % (width, height),
        )
    )
    return assemble(objects)


def _image_bombs() -> dict[str, tuple[bytes, str]]:
    """Scans that would make OCR render or read without end: each must hit a named limit."""
    full_page = b"q 612 0 0 792 0 0 cm /Im Do Q"
    tiny = b"".join(
        b"q 2 0 0 2 %d %d cm /Im Do Q\n" % (20 + (i % 100) * 5, 20 + (i // 100) * 5)
        for i in range(5000)
    )
    return {
        # 60,000 x 60,000 grey pixels declared (3.6 GB decoded) in a 4 KB stream.
        "image_60000px_square.pdf": (
            _image_pages([full_page], 60_000, 60_000, b"\x80" * 4_000_000),
            "LimitExceeded:ocr_max_image_pixels",
        ),
        "tiny_images_5000.pdf": (
            _image_pages([tiny], 1, 1, b"\x00"),
            "LimitExceeded:ocr_max_images_per_page",
        ),
        # A 1,000-page scan: refused by its page count before any page is rendered.
        "scanned_1000_pages.pdf": (
            _image_pages([full_page] * 1000, 50, 50, bytes(range(50)) * 50),
            "LimitExceeded:max_pages",
        ),
    }


def build() -> dict[str, tuple[bytes, str]]:
    """Return every corpus file's bytes and expected outcome, by file name."""
    order = render_order_form(seed=7)
    files: dict[str, tuple[bytes, str]] = {"good_order.pdf": (order, "ok")}
    files["empty_file.pdf"] = (b"", "DocumentError")
    files["plain_text.pdf"] = (b"Order form: Net 30\n" * 20, "DocumentError")
    files["png_renamed.pdf"] = (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "DocumentError")
    files["random_junk.pdf"] = (random.Random(1).randbytes(20_000), "DocumentError")
    files["header_only.pdf"] = (b"%PDF-1.7\n", "DocumentError")
    files["wrong_header.pdf"] = (b"%PDX-1.7" + order[8:], "DocumentError")
    files["header_after_1k.pdf"] = (b"\n" * 1500 + order, "DocumentError")
    files["header_after_junk.pdf"] = (b"garbage\n" * 60 + order, "damaged")
    files["encrypted_user_password.pdf"] = (
        _canvas_pdf(["Secret"], encrypt="s3cret"),
        "EncryptedDocument",
    )
    files["scanned_only.pdf"] = (_canvas_pdf([None]), "ok_warning:page 1 has no text layer")
    files["scanned_page_2.pdf"] = (
        _canvas_pdf(["Order", None, "Terms"]),
        "ok_warning:page 2 has no text layer",
    )
    for fraction in (0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.995):
        cut = int(len(order) * fraction)
        files[f"truncated_{int(fraction * 1000):03d}.pdf"] = (order[:cut], "damaged")
    for seed in range(10):
        rng = random.Random(seed)
        data = bytearray(order)
        for _ in range(5 + 10 * seed):
            data[rng.randrange(16, len(data))] ^= 1 << rng.randrange(8)
        files[f"bit_flips_{seed}.pdf"] = (bytes(data), "damaged")
    files.update(_structural())
    files.update(_image_bombs())
    return files


def main() -> None:
    """Write the corpus files and ``manifest.json`` next to this script."""
    files = build()
    for stale in HERE.glob("*.pdf"):
        if stale.name not in files:
            stale.unlink()
    for name, (data, _) in files.items():
        (HERE / name).write_bytes(data)
    manifest = [{"file": name, "expect": expect} for name, (_, expect) in sorted(files.items())]
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(len(data) for data, _ in files.values())
    print(f"wrote {len(files)} files, {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
