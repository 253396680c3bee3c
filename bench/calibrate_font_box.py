"""Measure OCR font boxes against the text layer's boxes of the same words.

Run ``.venv/bin/python bench/calibrate_font_box.py [--cases N] [--dpi D]``. For the first N
sample orders (samples/cases/*/order.pdf) it renders every page to an image-only scan with no
degradation (``scan_pdf``), reads it with tesseract through the reader, and pairs each sure
OCR word (its ink box, before ``engines._line_box``) with the text-layer word of the same text
at the same place. Prints, per kind of word (caps/ascenders or not, descenders or not), the
ink's height and bottom as shares of the text layer's font size (what ``engines._font_box``
assumes), and the offset of each OCR line's top and bottom from the text layer's line of the
same words (points; > 0: the OCR box is lower), mean and median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from triage.documents.ocr import OcrOptions, engines  # noqa: E402
from triage.documents.reader import parse_pdf  # noqa: E402
from triage.documents.scans import Degradation, scan_pdf  # noqa: E402

Row = tuple[str, float, float, float, float, float]


def _kind(text: str) -> str:
    tall = any(c.isupper() or c.isdigit() or c in engines._TALL for c in text)
    deep = any(c in engines._DESCENDERS for c in text)
    return ("tall" if tall else "short") + ("+deep" if deep else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=4)
    parser.add_argument("--dpi", type=int, default=300)
    args = parser.parse_args()
    scale = 72.0 / args.dpi
    pages: list[list[list[Row]]] = []
    original, recognise = engines._line_box, engines.TesseractEngine.recognise

    def capture(line: list[Row]) -> tuple[float, float]:
        pages[-1].append(list(line))
        return original(line)

    def each_page(self: engines.TesseractEngine, image: Any, **kwargs: Any) -> list[Any]:
        pages.append([])
        return recognise(self, image, **kwargs)

    engines._line_box = capture
    engines.TesseractEngine.recognise = each_page  # type: ignore[method-assign]
    shares: dict[str, list[tuple[float, float]]] = {}
    tops, bottoms = [], []
    for pdf_path in sorted((ROOT / "samples" / "cases").glob("*/order.pdf"))[: args.cases]:
        pdf = pdf_path.read_bytes()
        text = parse_pdf(pdf, "order.pdf", max_pages=10)
        scan = scan_pdf(pdf, spoil=Degradation(dpi=args.dpi, jpeg_quality=95), seed=0)
        pages.clear()
        options = OcrOptions(engine="tesseract", dpi=args.dpi)
        parse_pdf(scan, "scan.pdf", max_pages=10, ocr=options)
        assert len(pages) == len(text.pages), "a page was read twice (turned?)"
        for page, lines in zip(text.pages, pages, strict=True):
            layer = [(w, line) for line in page.lines for w in line.words]
            for line in lines:
                pairs = []
                for t, x0, top, x1, bottom, conf in line:
                    if conf < engines.SURE_WORD or sum(c.isalnum() for c in t) < 2:
                        continue
                    x0, top, x1, bottom = (v * scale for v in (x0, top, x1, bottom))
                    near = [
                        (w, tl)
                        for w, tl in layer
                        if w.text == t and abs(w.x0 - x0) < 4 and abs(w.bottom - bottom) < 8
                    ]
                    if len(near) != 1:
                        continue
                    w, tl = near[0]
                    size = w.bottom - w.top
                    shares.setdefault(_kind(t), []).append(
                        ((bottom - top) / size, (w.bottom - bottom) / size)
                    )
                    pairs.append((w, tl))
                if not pairs:
                    continue
                otop, obottom = original(line)
                ltop = statistics.median(w.top for w, _ in pairs)
                lbottom = statistics.median(w.bottom for w, _ in pairs)
                tops.append(otop * scale - ltop)
                bottoms.append(obottom * scale - lbottom)
        print(f"{pdf_path.parent.name}: {len(tops)} lines so far", flush=True)
    print("kind          words  ink height/size  text bottom below ink/size  (medians)")
    for kind, values in sorted(shares.items()):
        print(
            f"{kind:12s} {len(values):6d}  {statistics.median(v[0] for v in values):.3f}"
            f"            {statistics.median(v[1] for v in values):.3f}"
        )
    print(
        f"line top offset (pt): mean {statistics.fmean(tops):+.2f} median"
        f" {statistics.median(tops):+.2f}; bottom: mean {statistics.fmean(bottoms):+.2f}"
        f" median {statistics.median(bottoms):+.2f}; lines {len(tops)}"
    )


if __name__ == "__main__":
    main()
