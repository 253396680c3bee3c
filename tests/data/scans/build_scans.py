"""Build the small committed scans the OCR tests read, and their truth.

Run ``.venv/bin/python tests/data/scans/build_scans.py`` from the repository root. The scans
are made from two committed sample orders (samples/cases/case-0001 and case-0002) with
``triage.documents.scans``; ``truth.json`` copies the fields of their labels so the tests do
not depend on the samples staying as they are.

- ``signed_scan.pdf``: case-0002 (2 pages, a line-item table), 200 dpi, skewed 1.5 degrees,
  blurred, noisy, unevenly lit, JPEG; the typed ``/s/`` signature replaced by an ink scribble.
- ``unsigned_signature_page.pdf``: case-0002 with its digital page 1 and a scanned page 2
  whose signature is erased and not replaced (a blank, printed-name form).
- ``sideways_scan.pdf``: case-0001 at 150 dpi, fed sideways (turned 90 degrees).
- ``garbage_text_layer.pdf``: case-0001's scan with an invisible text layer of letter salad
  (as a font without a Unicode map gives): the text layer must be judged unusable.
"""

from __future__ import annotations

import io
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from reportlab.lib.utils import ImageReader  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from triage.documents.reader import parse_pdf  # noqa: E402
from triage.documents.scans import Degradation, replace_page, scan_pdf, signing_mark  # noqa: E402

CASES = ROOT / "samples" / "cases"


def _signature_name_box(document_pdf: bytes, name: str) -> tuple[int, tuple[float, ...]]:
    """Return the page and box of the customer's printed ``Name:`` value."""
    document = parse_pdf(document_pdf, "order.pdf", max_pages=10)
    first = name.split()[0]
    for page in document.pages:
        for line in page.lines:
            words = line.words
            for index, word in enumerate(words[:-1]):
                if word.text == "Name:" and words[index + 1].text == first:
                    return page.number, words[index + 1].bbox
    raise SystemExit(f"no 'Name: {name}' line found")


def _garbage_layer(scan: bytes, seed: int) -> bytes:
    """Return ``scan`` with an invisible text layer of unreadable words over each page."""
    rng = random.Random(seed)
    document = pdfium.PdfDocument(scan)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        image = page.render(scale=150 / 72, grayscale=True).to_pil()
        encoded = io.BytesIO()
        image.save(encoded, "JPEG", quality=60)
        encoded.seek(0)
        canvas.setPageSize((width, height))
        canvas.drawImage(ImageReader(encoded), 0, 0, width, height)
        text = canvas.beginText()
        text.setTextRenderMode(3)  # invisible, as an OCR layer or an unmapped font
        text.setFont("Helvetica", 10)
        for y in range(int(height) - 80, 60, -14):
            text.setTextOrigin(72, y)
            text.textLine(
                " ".join(
                    "".join(
                        rng.choice("xqzvkjwpfhgbrtcnmlsd#¤§¦") for _ in range(rng.randint(3, 9))
                    )
                    for _ in range(8)
                )
            )
        canvas.drawText(text)
        canvas.showPage()
    canvas.save()
    document.close()
    return buffer.getvalue()


def main() -> None:
    """Write the scans and ``truth.json`` next to this script."""
    truth = {}
    for case in ("case-0001", "case-0002"):
        labels = json.loads((CASES / case / "labels.json").read_text())
        truth[case] = {"fields": labels["fields"], "country": labels["country"]}
    table = (CASES / "case-0002" / "order.pdf").read_bytes()
    prose = (CASES / "case-0001" / "order.pdf").read_bytes()
    page, box = _signature_name_box(table, truth["case-0002"]["fields"]["customer_signatory"])
    document = parse_pdf(table, "order.pdf", max_pages=10)
    spoil = Degradation(dpi=200, skew=1.5, blur=0.5, noise=2.5, uneven_light=0.15, jpeg_quality=60)
    signed = signing_mark(document, page, box, signed=True)
    files = {
        "signed_scan.pdf": scan_pdf(table, spoil=spoil, seed=1, signing=signed),
        "unsigned_signature_page.pdf": replace_page(
            table,
            scan_pdf(
                table, spoil=spoil, seed=2, signing=signing_mark(document, page, box, signed=False)
            ),
            page,
        ),
        "sideways_scan.pdf": scan_pdf(
            prose, spoil=Degradation(dpi=150, turned_page=1, turn=90, jpeg_quality=70), seed=3
        ),
        "garbage_text_layer.pdf": _garbage_layer(
            scan_pdf(prose, spoil=Degradation(dpi=150, jpeg_quality=70), seed=4), seed=5
        ),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
    (HERE / "truth.json").write_text(json.dumps(truth, indent=1) + "\n")
    print(f"wrote {len(files)} scans, {sum(map(len, files.values())) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
