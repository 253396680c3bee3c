"""Scans made from text-layer PDFs, for the OCR tests and benchmark (never the request path).

``scan_pdf`` renders each page to a greyscale image at a scanner's resolution, optionally
replaces the customer's typed signature with a handwritten-looking scribble (or with
nothing, for an unsigned copy), degrades the image as a scanner or phone does (skew, blur,
noise, uneven light, JPEG compression, a page fed sideways) and rebuilds an image-only PDF.
Deterministic for a given ``seed``.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageDraw, ImageFilter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from triage.documents.ocr.signatures import SIGN_LABEL
from triage.documents.parsed import Page, ParsedDocument, Word

__all__ = ["Degradation", "SigningMark", "replace_page", "scan_pdf", "signing_mark"]

Box = tuple[float, float, float, float]
_STAMP_REACH = 20.0  # points over the signing area where a stamp's lines stand
_CAPTION_DROP = 20.0  # points under a printed name where its block's caption row may be


@dataclass(frozen=True, slots=True)
class Degradation:
    """How a scan is spoiled: resolution, skew (degrees), blur, noise, light, JPEG, turns."""

    dpi: int = 200
    skew: float = 0.0
    blur: float = 0.0
    noise: float = 0.0
    uneven_light: float = 0.0  # 0: even; 0.3: one side 30 % darker
    jpeg_quality: int = 85
    turned_page: int | None = None  # 1-based page fed sideways / upside down
    turn: int = 90


@dataclass(frozen=True, slots=True)
class SigningMark:
    """Where to change the customer's signature: ``erase`` boxes (the typed ``/s/`` name)
    are whited out, and a scribble is drawn in ``area`` when ``signed``."""

    page: int
    area: Box
    erase: tuple[Box, ...] = ()
    signed: bool = True


def _scribble(draw: ImageDraw.ImageDraw, area: Box, scale: float, rng: random.Random) -> None:
    """Draw a cursive-looking signature: a wavy stroke with loops, in dark ink."""
    x0, top, x1, bottom = (v * scale for v in area)
    # The loops swing 6 points either side of a stroke that starts 5 in: all of it stays
    # inside the area (not over the printed name beside it).
    width = max(min(x1 - x0 - 12 * scale, 150 * scale), 20 * scale)
    height = max(bottom - top, 12 * scale)
    base = top + 0.6 * height
    points = []
    loops = rng.randint(4, 7)
    for step in range(160):
        t = step / 159
        x = x0 + 5 * scale + t * width + 6 * scale * math.cos(t * loops * 2 * math.pi)
        y = base - 0.35 * height * math.sin(t * loops * 2 * math.pi + rng.random())
        points.append((x, y))
    pen = max(2, round(1.2 * scale))
    draw.line(points, fill=rng.randint(10, 50), width=pen, joint="curve")
    draw.line(
        [(x0 + 10 * scale, base + 4 * scale), (x0 + width, base + 1 * scale)], fill=30, width=pen
    )


def _degrade(image: Image.Image, spoil: Degradation, rng: random.Random) -> Image.Image:
    if spoil.skew:
        image = image.rotate(spoil.skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    if spoil.blur:
        image = image.filter(ImageFilter.GaussianBlur(spoil.blur))
    pixels = np.asarray(image, dtype=np.float32)
    if spoil.uneven_light:
        ramp = np.linspace(1.0 - spoil.uneven_light, 1.0, pixels.shape[1], dtype=np.float32)
        pixels = pixels * ramp[None, :]
    if spoil.noise:
        noise = np.random.default_rng(rng.randrange(2**32)).normal(0, spoil.noise, pixels.shape)
        pixels = pixels + noise.astype(np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), "L")


def scan_pdf(
    pdf: bytes, *, spoil: Degradation, seed: int = 0, signing: SigningMark | None = None
) -> bytes:
    """Return an image-only PDF that looks like ``pdf`` printed, (un)signed and scanned."""
    rng = random.Random(seed)
    document = pdfium.PdfDocument(pdf)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    scale = spoil.dpi / 72.0
    try:
        for index in range(len(document)):
            page = document[index]
            width, height = page.get_size()
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
            if signing is not None and signing.page == index + 1:
                draw = ImageDraw.Draw(image)
                for box in signing.erase:
                    draw.rectangle([v * scale for v in box], fill=255)
                if signing.signed:
                    _scribble(draw, signing.area, scale, rng)
            image = _degrade(image, spoil, rng)
            if spoil.turned_page == index + 1:
                image = image.rotate(-spoil.turn, expand=True)
                if spoil.turn in (90, 270):
                    width, height = height, width
            encoded = io.BytesIO()
            image.save(encoded, "JPEG", quality=spoil.jpeg_quality)
            encoded.seek(0)
            canvas.setPageSize((width, height))
            canvas.drawImage(ImageReader(encoded), 0, 0, width, height)
            canvas.showPage()
    finally:
        document.close()
    canvas.save()
    return buffer.getvalue()


def signing_mark(
    document: ParsedDocument, page_number: int, name_box: Box, *, signed: bool
) -> SigningMark:
    """Return where the customer signs, for the signature block whose printed name is in
    ``name_box`` on ``page_number``, by the block's shape:

    - a label with its signature beside it (``Signature: /s/ A. Name``): right of the
      label, whose typed words are erased;
    - a caption with the signing space under it (``Authorised signature`` over an empty
      band, then ``Name (print)``): the band below the caption;
    - a caption under the signature (``Signature`` under a line, an e-signature stamp over
      it): the band above the caption, whose stacked lines (the stamp) are erased;
    - no signature label: the band above the name.
    """
    page = document.pages[page_number - 1]
    x0, top = name_box[0], name_box[1]
    labels = [
        (index, word)
        for index, line in enumerate(page.lines)
        for word in line.words
        if SIGN_LABEL.match(word.text) and word.top <= top + 1 and abs(word.x0 - x0) < 120
    ]
    labels += _caption_under(page, name_box)
    if not labels:
        area = (x0, top - 32.0, x0 + 170.0, top - 2.0)
        return SigningMark(page_number, area, (), signed)
    # The block's signature caption, before a "Signed electronically" note or a "By" line.
    captions = [found for found in labels if found[1].text.lower().startswith("signature")]
    index, label = max(captions or labels, key=lambda found: found[1].top)
    line = page.lines[index]
    after = [w for w in line.words if w.x0 > label.x0]
    near = [w for w in after if w.x0 < label.x1 + 60 and not SIGN_LABEL.match(w.text)]
    if label.text.endswith(":") or near:
        ends = [i for i, w in enumerate(after) if SIGN_LABEL.match(w.text)]
        stop = ends[0] if ends else len(after)
        typed = [w.bbox for w in after[:stop] if w.x0 < label.x1 + 230]
        area = (label.x1 + 4, label.top - 14.0, label.x1 + 170.0, label.bottom + 2.0)
        return _mark(page, area, typed, signed)
    start = min(w.x0 for w in line.words if w.x0 >= label.x0 - 80 and w.x1 <= label.x1 + 1)
    right = min((w.x0 for w in after if w.x0 > label.x1 + 20), default=start + 230.0) - 4
    column = (start - 2, right)
    erase: list[Box] = []
    name_label = _name_label_above(page, name_box, column)
    if name_label is not None and name_label > index:
        # Labels over their values: the signature is in the band under its caption, down
        # to the name's label; whatever is there (a typed or stamped signature) goes.
        for between in page.lines[index + 1 : name_label]:
            erase += [w.bbox for w in between.words if column[0] <= w.x0 < column[1]]
        bottom = page.lines[name_label].words[0].top - 2
        area = (
            start,
            label.bottom + 2,
            min(start + 160.0, right),
            max(bottom, label.bottom + 20.0),
        )
        # (Nothing over this area is the signature: over it are the caption and the
        # block's heading, which a blank copy keeps.)
        return _mark(page, area, erase, signed, stamp_reach=0.0)
    # Captions under their values: the signature is over its caption; a stack of lines
    # there (an e-signature stamp) goes, up to a wider gap (the block's heading).
    edge = label.top
    for earlier in reversed(page.lines[:index]):
        words = [w for w in earlier.words if column[0] <= w.x0 < column[1]]
        if not words and earlier.words[0].top > label.top - 16:
            continue  # the next party's caption row, a line apart from this one's
        if not words or edge - words[0].top > 16 or label.top - words[0].top > 40:
            break
        erase += [w.bbox for w in words]
        edge = words[0].top
    area = (start, min(edge, label.top - 24.0), min(start + 160.0, right), label.top - 2.0)
    return _mark(page, area, erase, signed)


def _caption_under(page: Page, name_box: Box) -> list[tuple[int, Word]]:
    """Return the signature caption of a row of captions just under the printed name
    (``Signature | Printed Name`` under the values), when there is one: the caption
    nearest left of the name that starts a run of its row (the block's own, not the one
    of the party whose block stands left of it; not a "by" inside a sentence)."""
    found: list[tuple[int, Word]] = []
    for index, line in enumerate(page.lines):
        if not name_box[3] < line.words[0].top <= name_box[3] + _CAPTION_DROP:
            continue
        for before, word in zip((None, *line.words), line.words, strict=False):
            starts = before is None or word.x0 - before.x1 > 2 * (word.bottom - word.top)
            if starts and SIGN_LABEL.match(word.text) and word.x0 <= name_box[0] + 1:
                found.append((index, word))
    return found[-1:] if found else []


def _mark(
    page: Page, area: Box, erase: list[Box], signed: bool, stamp_reach: float = _STAMP_REACH
) -> SigningMark:
    """Return the mark for ``area``, erasing also the pen strokes the original has there
    (a signature drawn as vector paths), and the print ``stamp_reach`` points over it."""
    strokes = [
        (m.x0, m.top, m.x1, m.bottom)
        for m in page.ink_marks
        if area[0] - 10 <= (m.x0 + m.x1) / 2 <= area[2] + 10
        and area[1] - 10 <= (m.top + m.bottom) / 2 <= area[3] + 10
    ]
    # Whatever else is printed in the signing area's column, or stacked just over it (an
    # e-signature stamp: "Signed by:", the name in a script font, an envelope id), is the
    # signature too: a blank copy must not keep it.
    reach = (area[0], area[1] - stamp_reach, area[2], area[3])
    # (A line that starts left of the area is the block's heading or its label row.)
    printed = [
        w.bbox
        for line in page.lines
        if line.words[0].x0 >= area[0] - 2
        for w in line.words
        if not SIGN_LABEL.match(w.text) and _overlaps(w.bbox, reach)
    ]
    return SigningMark(page.number, area, tuple(erase + strokes + printed), signed)


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def _name_label_above(page: Page, name_box: Box, column: tuple[float, float]) -> int | None:
    """Return the index of the line just above the printed name when it is the name's
    label (``Name (print)`` over the name), else None."""
    above = [
        index
        for index, line in enumerate(page.lines)
        if line.words[0].bottom <= name_box[1] + 1 and _in_column(line.words, column)
    ]
    if not above:
        return None
    words = [w for w in page.lines[above[-1]].words if column[0] <= w.x0 < column[1]]
    return above[-1] if any("name" in w.text.lower() for w in words) else None


def _in_column(words: tuple[Word, ...], column: tuple[float, float]) -> bool:
    return any(column[0] <= w.x0 < column[1] for w in words)


def replace_page(pdf: bytes, scan: bytes, page: int) -> bytes:
    """Return ``pdf`` with page ``page`` (1-based) replaced by the same page of ``scan``: a
    digital document with one scanned page stapled in."""
    document, scanned = pdfium.PdfDocument(pdf), pdfium.PdfDocument(scan)
    try:
        document.del_page(page - 1)
        document.import_pages(scanned, [page - 1], index=page - 1)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    finally:
        document.close()
        scanned.close()
